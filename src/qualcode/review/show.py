"""One transcript as a coder reads it: metadata, and each turn with its segments and
their codes (``qualcode show``).  Only stored, redacted text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualcode.review.browse import SegmentRow, load_rows
from qualcode.store import Store

META = ("title", "region", "district", "grp", "date", "language", "fmt")


@dataclass(frozen=True)
class Turn:
    index: int
    speaker: str
    text: str  # the stored (redacted) turn
    segments: tuple[SegmentRow, ...]  # empty until the transcript is segmented
    start: int = 0  # character offsets into the transcript's stored text
    end: int = 0


@dataclass(frozen=True)
class TranscriptView:
    id: int
    meta: dict[str, Any]
    turns: tuple[Turn, ...]


def transcript_view(store: Store, tid: int, coder: str | None = None) -> TranscriptView:
    """The transcript ``tid`` turn by turn (``NotFoundError`` if there is none)."""
    row = store.transcripts.transcript(tid)
    meta = {("group" if k == "grp" else k): row[k] for k in META if row.get(k)}
    ids = [s.id or 0 for s in store.segments.segments(tid)]
    rows = load_rows(store, ids, coder)
    by_turn: dict[int, list[SegmentRow]] = {}
    for r in rows:
        by_turn.setdefault(r.turn_index, []).append(r)
    turns = tuple(
        Turn(
            t["idx"],
            t["speaker"],
            t["text"],
            tuple(by_turn.get(t["idx"], ())),
            t["char_start"],
            t["char_end"],
        )
        for t in store.transcripts.turns(tid)
    )
    return TranscriptView(tid, meta, turns)
