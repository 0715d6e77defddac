"""A coder's session (``project.reviewing``): who may undo a decision."""

from __future__ import annotations

from typing import cast

import pytest

from helpers import one_segment_project
from qualcode.errors import NotFoundError
from qualcode.project import reviewing
from qualcode.project.auth import User
from qualcode.project.live import LiveModel
from qualcode.review import decisions as review
from qualcode.store import Store

ANN = User(1, "ann", ("coder",))
BOB = User(2, "bob", ("coder",))
RITA = User(3, "rita", ("researcher",))


class _Model:
    """Stands in for the live model: counts the retraining requests."""

    def __init__(self) -> None:
        self.notified = 0

    def notify(self) -> None:
        self.notified += 1


@pytest.fixture
def seg_store(store: Store) -> Store:
    return one_segment_project(store)  # type: ignore[no-any-return]


def _undo(store: Store, user: User, event_id: int) -> int:
    return reviewing.undo(store, cast(LiveModel, _Model()), user, event_id)


def test_a_coder_undoes_their_own_decision(seg_store: Store) -> None:
    eid = review.record(seg_store, 1, "unemployment", "accept", "ann")
    undo_id = _undo(seg_store, ANN, eid)
    undo = seg_store.review.review_events()[-1]
    assert (undo["id"], undo["coder"], undo["undoes"]) == (undo_id, "ann", eid)


def test_another_coders_decision_is_answered_as_one_that_does_not_exist(
    seg_store: Store,
) -> None:
    eid = review.record(seg_store, 1, "unemployment", "accept", "ann")
    with pytest.raises(NotFoundError) as theirs:
        _undo(seg_store, BOB, eid)
    with pytest.raises(NotFoundError) as none:
        _undo(seg_store, BOB, eid + 1)
    assert theirs.value.message.replace(str(eid), "N") == none.value.message.replace(
        str(eid + 1), "N"
    )
    assert theirs.value.hint == none.value.hint
    assert [e["action"] for e in seg_store.review.review_events()] == ["accept"]


def test_a_researcher_undoes_anyones_decision_as_themselves(seg_store: Store) -> None:
    eid = review.record(seg_store, 1, "unemployment", "accept", "ann")
    _undo(seg_store, RITA, eid)
    undo = seg_store.review.review_events()[-1]
    assert (undo["action"], undo["coder"], undo["undoes"]) == ("undo", "rita", eid)
    assert review.current_state(seg_store.review.review_events()) == {}
