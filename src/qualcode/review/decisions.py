"""The review stage: coders accept, reject or add codes; an append-only log records it.

The current state of every (segment, code) pair is derived by folding the log, so the
log is the audit trail and undo is just another entry (``undo`` names the entry it
reverses).  Nothing is ever updated or deleted; the store enforces that with triggers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from qualcode.codebook.merges import resolve_code, resolve_events
from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.records import ReviewEvent
from qualcode.store import Store

ACTIONS = {"accept": "accepted", "reject": "rejected", "add": "added"}
MAX_MEMO = 5000


def record(
    store: Store,
    segment_id: int,
    code_id: str,
    action: str,
    coder: str,
    memo: str = "",
    *,
    span: tuple[int, int] | None = None,
    expected: int | None = None,
) -> int:
    """Append a decision; return its log id.  ``span``: the part of the segment's text
    the code is for (an ``add`` only).  ``expected``: the id of the last entry for this
    segment and code the coder saw (0: none); if another decision came in since,
    ``ConflictError`` (409) carries the current one and nothing is written."""
    if action not in ACTIONS:
        raise InputError(f"Unknown review action '{action}'; use one of {sorted(ACTIONS)}.")
    _check(store, segment_id, code_id, coder, memo)
    if span is not None:
        _check_span(store, segment_id, action, span)
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    event = ReviewEvent(segment_id, code_id, action, coder.strip(), at, memo, span=span)
    with store.atomic():  # BEGIN IMMEDIATE: the check and the write see the same log
        if expected is not None:
            _check_current(store, segment_id, code_id, expected)
        return store.review.append_review(event)


def _check_current(store: Store, segment_id: int, code_id: str, expected: int) -> None:
    """``expected`` must be the pair's current deciding entry (0: none), the one
    ``browse.CodeState.event_id`` shows; an undo makes the one before current."""
    current = fold(store.review.review_events(segment_id)).get((segment_id, code_id))
    if (current["id"] if current else 0) != expected:
        err = ConflictError(
            f"Segment {segment_id} / code '{code_id}' changed since you loaded it.",
            hint="Look at the current decision and decide again.",
        )
        err.current = dict(current) if current else None  # type: ignore[attr-defined]
        raise err


def _check_span(store: Store, segment_id: int, action: str, span: tuple[int, int]) -> None:
    length = len(store.segments.segment(segment_id).text)
    start, end = span
    if action != "add":
        raise InputError("Only an added code can be given a part of the segment (a span).")
    if not 0 <= start < end <= length:
        raise InputError(
            f"The span {start}-{end} is not inside segment {segment_id} (0-{length}).",
            hint="Give character offsets into the segment's text, start before end.",
        )


def undo(store: Store, event_id: int, coder: str) -> int:
    """Reverse an earlier decision by appending an ``undo`` entry that names it.  The
    check and the write share one transaction, so two undos of one entry can't both land
    (it reads the two rows it needs, not the whole log, while it holds the write lock)."""
    with store.atomic():
        target = store.review.review_event(event_id)
        if target is None or target["action"] == "undo":
            raise NotFoundError(f"No review decision with id {event_id} to undo.")
        if store.review.undone_by(event_id) is not None:
            raise ConflictError(f"Review decision {event_id} has already been undone.")
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        event = ReviewEvent(target["segment_id"], target["code_id"], "undo", coder.strip(), at)
        return store.review.append_review(event, undoes=event_id)


def fold(events: Iterable[Mapping[str, Any]]) -> dict[tuple[int, str], Mapping[str, Any]]:
    """Fold the log: per (segment, code) pair, the latest decision not undone."""
    rows = list(events)
    undone = {e["undoes"] for e in rows if e["action"] == "undo"}
    return {
        (e["segment_id"], e["code_id"]): e
        for e in rows
        if e["action"] in ACTIONS and e["id"] not in undone
    }


def current_state(events: Iterable[Mapping[str, Any]]) -> dict[tuple[int, str], str]:
    return {pair: ACTIONS[e["action"]] for pair, e in fold(events).items()}


def decisions(store: Store) -> dict[tuple[int, str], dict[str, Any]]:
    """For each reviewed pair: status, and the coder, time, memo and span (the part of the
    segment meant, or None) of the deciding entry.
    Decisions on a code merged into another count for the target (the log is unchanged)."""
    events = resolve_events(store.review.review_events(), resolve_code(store))
    return {
        pair: {
            "status": ACTIONS[e["action"]],
            "coder": e["coder"],
            "at": e["at"],
            "memo": e["memo"] or "",
            "span": (e["span_start"], e["span_end"]) if e.get("span_start") is not None else None,
        }
        for pair, e in fold(events).items()
    }


def _check(store: Store, segment_id: int, code_id: str, coder: str, memo: str) -> None:
    if not coder or not coder.strip():
        raise InputError("A review decision needs the coder's name or id.")
    if len(memo) > MAX_MEMO:
        raise InputError(f"The memo is {len(memo)} characters; the limit is {MAX_MEMO}.")
    if not store.segments.segment_exists(segment_id):
        raise NotFoundError(f"No segment with id {segment_id}.")
    if code_id in store.codebook.inactive_code_ids():
        raise InputError(
            f"The code '{code_id}' is retired or merged into another code.",
            hint="Use an active code; see the codebook's history.",
        )
    if code_id not in store.codebook.code_ids():
        raise NotFoundError(
            f"No code '{code_id}' in this project's codebook.",
            hint="Load the codebook with `qualcode process --codebook FILE` first.",
        )


def bulk_accept(
    store: Store, coder: str, min_score: float, code_id: str | None = None, *, apply: bool = False
) -> list[dict[str, Any]]:
    """Suggestions scoring at least ``min_score`` (for ``code_id``, or all codes) that
    nobody has decided on yet: what a bulk accept would change.  With ``apply``, accept
    them all in one transaction (all or none)."""
    if not 0.0 <= min_score <= 1.0:
        raise InputError(f"min_score must be between 0 and 1; got {min_score}.")
    decided = set(fold(store.review.review_events()))
    todo: list[dict[str, Any]] = [
        {"segment_id": s.segment_id, "code_id": s.code_id, "score": s.score}
        for s in store.analysis.suggestions()
        if s.score >= min_score
        and (code_id is None or s.code_id == code_id)
        and (s.segment_id, s.code_id) not in decided
    ]
    if apply and todo:
        _check(store, todo[0]["segment_id"], todo[0]["code_id"], coder, "")
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        with store.atomic():
            for t in todo:
                event = ReviewEvent(t["segment_id"], t["code_id"], "accept", coder.strip(), at)
                store.review.append_review(event)
    return todo


def resolved_state(store: Store) -> dict[tuple[int, str], str]:
    """``review.current_state`` with merges applied: the latest decision on a segment for
    a code or any code merged into it wins."""
    return current_state(resolve_events(store.review.review_events(), resolve_code(store)))
