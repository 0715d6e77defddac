"""A coder's session against a served project: decisions, undo, the review queue and
bulk accept, with the project's policies applied (blind coding, background retraining
after every change).  The HTTP routes call these and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualcode.errors import NotFoundError
from qualcode.project.auth import User, blind_view
from qualcode.project.live import LiveModel
from qualcode.review import browse
from qualcode.review import decisions as review
from qualcode.review.progress import current_pairs
from qualcode.store import Store


@dataclass(frozen=True)
class QueuePage:
    items: list[dict[str, Any]]
    decided: int  # segments this coder has decided on
    total: int  # segments in the project


def decide(
    store: Store,
    model: LiveModel,
    user: User,
    segment_id: int,
    code_id: str,
    action: str,
    memo: str = "",
    span: tuple[int, int] | None = None,
    expected: int | None = None,
) -> int:
    """Record a decision by ``user`` and retrain in the background.  Under blind coding
    the version check is skipped: coders decide independently, and a conflict would show
    another coder's decision."""
    if blind_view(store, user):
        expected = None
    event_id = review.record(
        store, segment_id, code_id, action, user.name, memo, span=span, expected=expected
    )
    model.notify()
    return event_id


def undo(store: Store, model: LiveModel, user: User, event_id: int) -> int:
    """Undo the decision ``event_id`` and retrain in the background.  Its author may undo
    it, and a researcher may undo anyone's; the undo entry names ``user``, so the log
    shows when a researcher reversed a coder's decision.

    To anyone else, another coder's decision is answered exactly as one that does not
    exist (``NotFoundError``, 404), never "forbidden": under blind coding a coder must not
    learn which decision ids exist, and a different answer would tell them."""
    _check_may_undo(store, user, event_id)
    new_id = review.undo(store, event_id, user.name)
    model.notify()
    return new_id


def _check_may_undo(store: Store, user: User, event_id: int) -> None:
    if user.has("researcher"):
        return
    event = store.review.review_event(event_id)
    if event is None or event["coder"] != user.name:
        raise NotFoundError(
            f"No decision of yours with id {event_id} to undo.",
            hint="You may undo your own decisions; a researcher may undo anyone's.",
        )


def next_segments(store: Store, model: LiveModel, user: User, limit: int = 20) -> QueuePage:
    """The next segments for ``user``, those whose decisions teach the model most first.

    Under blind coding every coder works through every segment on their own.  Otherwise
    the decisions are shared: the queue leaves out segments anyone has decided on, and
    those just served to another coder (``project.leases``), so coders who work at the
    same time get different segments instead of refusing each other's decisions."""
    events = store.review.review_events()
    decided = _decided(store, user, events)
    blind = blind_view(store, user)
    if blind:
        ids = model.queue(store, decided, limit)
    else:
        done = {segment for segment, _ in current_pairs(store, None, events)}  # anyone's
        ids = model.leases.serve(
            user.name, lambda held: model.queue(store, done | held, limit), limit
        )
    rows = browse.load_rows(store, ids, blind) if ids else []
    return QueuePage([r.as_dict() for r in rows], len(decided), store.segments.segment_count())


def queue_progress(store: Store, user: User) -> tuple[int, int]:
    """The progress ``next_segments`` reports (segments ``user`` decided on, of all),
    without serving a segment: nothing is leased, and no page is taken from the coder."""
    return len(_decided(store, user)), store.segments.segment_count()


def _decided(store: Store, user: User, events: list[dict[str, Any]] | None = None) -> set[int]:
    """The segments with a decision of ``user``'s that stands: an undone one no longer
    counts (issue 17)."""
    return {segment for segment, _ in current_pairs(store, user.name, events)}


def bulk_accept(
    store: Store,
    model: LiveModel,
    user: User,
    min_score: float,
    code_id: str | None,
    apply: bool = False,
) -> list[dict[str, Any]]:
    """Preview (default) or apply: accept every undecided suggestion scoring at least
    ``min_score``."""
    items = review.bulk_accept(store, user.name, min_score, code_id, apply=apply)
    if apply and items:
        model.notify()
    return items
