"""The export stage: coded segments as CSV, the whole project as JSON.

Everything exported comes from the store, which holds redacted text only.  ``summary``
counts the same rows as the CSV, so its counts always match the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from qualcode import review
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
    "code_label",
    "status",
    "score",
    "coder",
    "decided_at",
    "text",
)
COUNTED = ("suggested", "accepted", "added")  # statuses that mean "this code applies"


def coded_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per segment-code pair that was suggested or reviewed, in segment order."""
    decided = review.decisions(store)
    suggested = {(s.segment_id, s.code_id): s.score for s in store.suggestions()}
    pairs = sorted(set(decided) | set(suggested))
    by_segment: dict[int, list[str]] = {}
    for seg_id, code in pairs:
        by_segment.setdefault(seg_id, []).append(code)
    transcripts = {t["id"]: t for t in store.transcripts()}
    labels = {c: store.code(c).label for c in store.code_ids()}
    topic_of = store.topic_assignment()
    for seg in store.segments():
        t = transcripts[seg.transcript_id]
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
                "code_label": labels.get(code, code),
                "status": d.get("status", "suggested"),
                "score": suggested.get((seg.id or 0, code), ""),
                "coder": d.get("coder", ""),
                "decided_at": d.get("at", ""),
                "text": seg.text,
            }


def export_csv(store: Store, path: Path) -> int:
    """Write the coded-segments CSV; return the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row in coded_rows(store):
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
