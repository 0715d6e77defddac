"""Flags "for later": a coder marks a segment to come back to; each coder sees their own."""

from __future__ import annotations

from qualcode.errors import NotFoundError
from qualcode.store import Store


def flag(store: Store, segment_id: int, coder: str) -> None:
    _check(store, segment_id)
    store.flags.set_flag(segment_id, coder)


def unflag(store: Store, segment_id: int, coder: str) -> None:
    _check(store, segment_id)
    store.flags.clear_flag(segment_id, coder)


def flagged(store: Store, coder: str) -> list[int]:
    """The segments ``coder`` flagged, in id order."""
    return store.flags.flagged(coder)


def _check(store: Store, segment_id: int) -> None:
    if not store.segments.segment_exists(segment_id):
        raise NotFoundError(f"No segment with id {segment_id}.")
