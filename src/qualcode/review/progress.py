"""Progress of the review, from the folded log (``decisions.fold``), so an undone decision
no longer counts: segments decided in all and per transcript, and per code how many
pairs are accepted, rejected, added and still open.  Decisions on a merged code count
for its target.  With ``coder`` (blind coding) only that coder's decisions count."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qualcode.codebook.merges import resolve_code, resolve_events
from qualcode.review.decisions import ACTIONS, fold
from qualcode.store import Store


@dataclass(frozen=True)
class Count:
    total: int
    decided: int


@dataclass(frozen=True)
class TranscriptProgress:
    id: int
    title: str
    total: int
    decided: int


@dataclass(frozen=True)
class CodeProgress:
    code_id: str
    label: str
    accepted: int
    rejected: int
    added: int
    suggested_open: int


@dataclass(frozen=True)
class Progress:
    segments: Count
    by_transcript: tuple[TranscriptProgress, ...]
    by_code: tuple[CodeProgress, ...]


def visible(events: Iterable[Mapping[str, Any]], coder: str | None) -> list[Mapping[str, Any]]:
    """The log as ``coder`` sees it under blind coding: their decisions, and every undo
    (an undo counts whoever wrote it, as in ``store.segments.STATES``)."""
    return [e for e in events if coder is None or e["action"] == "undo" or e["coder"] == coder]


def current_pairs(
    store: Store, coder: str | None = None, events: Sequence[Mapping[str, Any]] | None = None
) -> dict[tuple[int, str], str]:
    """Per reviewed (segment, code) pair, its status now (merges resolved); ``events``:
    the review log, when the caller has just read it."""
    log = store.review.review_events() if events is None else events
    resolved = resolve_events(visible(log, coder), resolve_code(store))
    return {pair: ACTIONS[e["action"]] for pair, e in fold(resolved).items()}


def progress(store: Store, coder: str | None = None) -> Progress:
    state = current_pairs(store, coder)
    decided = {seg for seg, _ in state}
    by_transcript: dict[int, list[int]] = {}
    for s in store.segments.segments():
        by_transcript.setdefault(s.transcript_id, []).append(s.id or 0)
    titles = {t["id"]: t["title"] for t in store.transcripts.transcripts(text=False)}
    transcripts = tuple(
        TranscriptProgress(tid, titles.get(tid, ""), len(ids), len(decided.intersection(ids)))
        for tid, ids in sorted(by_transcript.items())
    )
    total = sum(t.total for t in transcripts)
    return Progress(Count(total, len(decided)), transcripts, _by_code(store, state))


def _by_code(store: Store, state: dict[tuple[int, str], str]) -> tuple[CodeProgress, ...]:
    counts = Counter((code, status) for (_, code), status in state.items())
    open_ = Counter(
        s.code_id for s in store.analysis.suggestions() if (s.segment_id, s.code_id) not in state
    )
    return tuple(
        CodeProgress(
            r["id"],
            r["label"],
            counts[r["id"], "accepted"],
            counts[r["id"], "rejected"],
            counts[r["id"], "added"],
            open_[r["id"]],
        )
        for r in store.codebook.code_records()
        if r["status"] == "active"
    )
