"""The export stage: coded segments as CSV, the whole project as JSON.

Everything exported comes from the store, which holds redacted text only.  Rows are
filtered by a :class:`~qualcode.selection.Selection` (transcript metadata, code, review
status).  ``summary``, ``tables`` and the report count the same rows as the CSV, so their
counts always match the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from qualcode import review
from qualcode.selection import COUNTED, Selection, code_path
from qualcode.store import Store

CSV_FIELDS = (
    "transcript_id",
    "transcript",
    "source",
    "region",
    "district",
    "date",
    "group",
    "language",
    "segment_id",
    "seq",
    "speaker",
    "char_start",
    "char_end",
    "topic_id",
    "code",
    "code_path",
    "code_label",
    "status",
    "score",
    "coder",
    "decided_at",
    "memo",
    "text",
)
__all__ = ["COUNTED", "CSV_FIELDS", "coded_rows", "export_csv", "export_json"]


def code_parents(store: Store) -> dict[str, str | None]:
    return {r["id"]: r["parent"] for r in store.code_records()}


def coded_rows(store: Store, selection: Selection | None = None) -> Iterator[dict[str, Any]]:
    """One row per selected segment-code pair, suggested or reviewed, in segment order."""
    sel = selection or Selection()
    decided = review.decisions(store)
    suggested = {(s.segment_id, s.code_id): s.score for s in store.suggestions()}
    parents = code_parents(store)
    by_segment: dict[int, list[str]] = {}
    for seg_id, code in sorted(set(decided) | set(suggested)):
        status = decided.get((seg_id, code), {}).get("status", "suggested")
        if status in sel.statuses and sel.keeps_code(code, parents):
            by_segment.setdefault(seg_id, []).append(code)
    transcripts = {t["id"]: t for t in store.transcripts(text=False) if sel.keeps_transcript(t)}
    labels = {r["id"]: r["label"] for r in store.code_records()}
    topic_of = store.topic_assignment()
    for seg in store.segments():
        t = transcripts.get(seg.transcript_id)
        if t is None:
            continue
        for code in by_segment.get(seg.id or 0, []):
            d = decided.get((seg.id or 0, code), {})
            yield {
                "transcript_id": t["id"],
                "transcript": t["title"],
                "source": t["source_name"],
                "region": t["region"] or "",
                "district": t["district"] or "",
                "date": t["date"] or "",
                "group": t["grp"] or "",
                "language": t["language"],
                "segment_id": seg.id,
                "seq": seg.seq,
                "speaker": seg.speaker,
                "char_start": seg.start,
                "char_end": seg.end,
                "topic_id": topic_of.get(seg.id or 0, ""),
                "code": code,
                "code_path": code_path(code, parents),
                "code_label": labels.get(code, code),
                "status": d.get("status", "suggested"),
                "score": suggested.get((seg.id or 0, code), ""),
                "coder": d.get("coder", ""),
                "decided_at": d.get("at", ""),
                "memo": d.get("memo", ""),
                "text": seg.text,
            }


def export_csv(store: Store, path: Path, selection: Selection | None = None) -> int:
    """Write the coded-segments CSV; return the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row in coded_rows(store, selection):
            writer.writerow(csv_safe(row))
            n += 1
    return n


def csv_safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection: a cell starting with = + - @ is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_safe(row: dict[str, Any]) -> dict[str, Any]:
    return {k: csv_safe_cell(v) for k, v in row.items()}


def export_json(store: Store, path: Path) -> None:
    """Dump the whole project (redacted) as one JSON document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "format": "qualcode-project",
        "version": 1,
        "settings": store.settings(),
        "codebook": store.codebook_content(),
        "transcripts": [
            {**t, "turns": store.turns(t["id"]), "redactions": store.redactions(t["id"])}
            for t in store.transcripts()
        ],
        "segments": [asdict(s) for s in store.segments()],
        "topics": [asdict(t) for t in store.topics()],
        "segment_topics": store.topic_assignment(),
        "suggestions": [asdict(s) for s in store.suggestions()],
        "review_log": store.review_events(),
    }
    with path.open("w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
