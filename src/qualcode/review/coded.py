"""The coded segments as rows: one row per selected segment-code pair, suggested or
reviewed, with its transcript's metadata.  Every export, the report, ``summary`` and the
topic-code shares count these rows, so their counts always match each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from qualcode.review import decisions as review
from qualcode.review.selection import Selection, code_path
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
    "segment_language",
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


def code_parents(store: Store) -> dict[str, str | None]:
    return {r["id"]: r["parent"] for r in store.codebook.code_records()}


def coded_rows(store: Store, selection: Selection | None = None) -> Iterator[dict[str, Any]]:
    """One row per selected segment-code pair, suggested or reviewed, in segment order."""
    sel = selection or Selection()
    decided = review.decisions(store)
    suggested = {(s.segment_id, s.code_id): s.score for s in store.analysis.suggestions()}
    parents = code_parents(store)
    by_segment: dict[int, list[str]] = {}
    for seg_id, code in sorted(set(decided) | set(suggested)):
        status = decided.get((seg_id, code), {}).get("status", "suggested")
        if status in sel.statuses and sel.keeps_code(code, parents):
            by_segment.setdefault(seg_id, []).append(code)
    transcripts = {
        t["id"]: t for t in store.transcripts.transcripts(text=False) if sel.keeps_transcript(t)
    }
    labels = {r["id"]: r["label"] for r in store.codebook.code_records()}
    topic_of = store.topics.topic_assignment()
    for seg in store.segments.segments():
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
                "segment_language": seg.language,
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
