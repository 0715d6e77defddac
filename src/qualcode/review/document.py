"""One transcript as a document: its stored (redacted) text with the turns, segments and
coded spans as exact character offsets into it (``text[start:end]``), each segment's codes,
the reader's flags and the memos on the transcript and its segments.

A span in the review log is relative to its segment's text; here it is moved to the
transcript's.  Under blind coding (``coder``) only that coder's decisions, spans and
segment memos are shown."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from qualcode.review import memos as memo_lib
from qualcode.review.browse import SegmentRow
from qualcode.review.decisions import fold
from qualcode.review.progress import visible
from qualcode.review.show import transcript_view
from qualcode.store import Store

CODE_FIELDS = ("code_id", "status", "score", "evidence", "decided_by", "memo", "event_id")


@dataclass(frozen=True)
class Span:
    event_id: int
    segment_id: int
    code_id: str
    start: int
    end: int
    coder: str


def document(store: Store, tid: int, reader: str, coder: str | None = None) -> dict[str, Any]:
    """The transcript ``tid`` for ``reader`` (whose flags are shown); ``NotFoundError`` if
    there is none."""
    view = transcript_view(store, tid, coder)
    text = store.transcripts.transcript(tid)["text"] or ""
    rows = [s for t in view.turns for s in t.segments]
    ids = {r.id for r in rows}
    return {
        "id": tid,
        "meta": view.meta,
        "text": text,
        "turns": [
            {"index": t.index, "speaker": t.speaker, "start": t.start, "end": t.end}
            for t in view.turns
        ],
        "segments": [_segment(r) for r in rows],
        "spans": [asdict(s) for s in spans(store, tid, rows, coder)],
        "flags": [i for i in store.flags.flagged(reader) if i in ids],
        "memos": _memos(store, tid, ids, coder),
    }


def spans(store: Store, tid: int, rows: list[SegmentRow], coder: str | None) -> list[Span]:
    """The current decisions on part of a segment, in transcript offsets."""
    starts = {r.id: r.char_start for r in rows}
    current = fold(visible(store.review.transcript_review_events(tid), coder))
    return sorted(
        (
            Span(
                e["id"],
                seg,
                code,
                starts[seg] + e["span_start"],
                starts[seg] + e["span_end"],
                e["coder"],
            )
            for (seg, code), e in current.items()
            if e.get("span_start") is not None and seg in starts
        ),
        key=lambda s: (s.start, s.end, s.event_id),
    )


def _segment(r: SegmentRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "turn_index": r.turn_index,
        "start": r.char_start,
        "end": r.char_end,
        "codes": [{k: v for k, v in asdict(c).items() if k in CODE_FIELDS} for c in r.codes],
    }


def _memos(store: Store, tid: int, ids: set[int], coder: str | None) -> dict[str, Any]:
    on_transcript = memo_lib.list_memos(store, "transcript", str(tid), coder)
    by_segment: dict[str, list[dict[str, Any]]] = {}
    for m in memo_lib.list_memos(store, "segment", coder=coder):
        if int(m.target_id) in ids:
            by_segment.setdefault(m.target_id, []).append(asdict(m))
    return {"transcript": [asdict(m) for m in on_transcript], "segments": by_segment}
