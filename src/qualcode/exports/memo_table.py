"""Memos as a table for the team's XLSX export (a "Memos" sheet), and their count per
kind for a report's method notes (whose readers get counts, never memo text)."""

from __future__ import annotations

from collections import Counter

from qualcode.exports.tables import Table
from qualcode.review.memos import TARGETS, Memo, list_memos
from qualcode.review.selection import Selection
from qualcode.store import Store

HEADER = ("memo_id", "about", "about_id", "transcript_id", "author", "written_at", "version",
          "memo")  # fmt: skip


def selected_memos(
    store: Store, selection: Selection | None = None
) -> list[tuple[Memo, int | None]]:
    """Current memos, oldest first, with the transcript each is about (None for the project
    and codes); memos on transcripts ``selection`` leaves out are left out."""
    sel = selection or Selection()
    kept = {t["id"] for t in store.transcripts.transcripts(text=False) if sel.keeps_transcript(t)}
    out = []
    for m in reversed(list_memos(store)):
        tid = _transcript_of(store, m)
        if tid is None or tid in kept:
            out.append((m, tid))
    return out


def memos_table(store: Store, selection: Selection | None = None) -> Table:
    rows = tuple(
        (m.id, m.target, m.target_id, tid, m.author, m.at, m.version, m.text)
        for m, tid in selected_memos(store, selection)
    )
    return Table("memos", HEADER, rows)


def memo_counts(store: Store, selection: Selection | None = None) -> dict[str, int]:
    """How many memos there are on the project, transcripts, segments and codes."""
    kinds = Counter(m.target for m, _ in selected_memos(store, selection))
    return {k: kinds.get(k, 0) for k in TARGETS}


def _transcript_of(store: Store, memo: Memo) -> int | None:
    if memo.target == "transcript":
        return int(memo.target_id)
    if memo.target == "segment":
        return store.segments.segment(int(memo.target_id)).transcript_id
    return None
