from __future__ import annotations

import pytest

from helpers import one_segment_project
from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.review import decisions as review
from qualcode.store import Store


@pytest.fixture
def seg_store(store: Store) -> Store:
    return one_segment_project(store)  # type: ignore[no-any-return]


def test_state_is_derived_from_the_log_latest_decision_wins(seg_store: Store) -> None:
    review.record(seg_store, 1, "unemployment", "accept", "ann")
    review.record(seg_store, 1, "unemployment", "reject", "bob")
    review.record(seg_store, 1, "labour_migration", "add", "ann", memo="mentions Russia")
    state = review.current_state(seg_store.review.review_events())
    assert state == {(1, "unemployment"): "rejected", (1, "labour_migration"): "added"}
    d = review.decisions(seg_store)[(1, "unemployment")]
    assert d["coder"] == "bob" and d["at"]


def test_undo_restores_the_previous_state_and_is_logged(seg_store: Store) -> None:
    first = review.record(seg_store, 1, "unemployment", "accept", "ann")
    second = review.record(seg_store, 1, "unemployment", "reject", "ann")
    undo = review.undo(seg_store, second, "ann")
    assert review.current_state(seg_store.review.review_events()) == {
        (1, "unemployment"): "accepted"
    }
    with pytest.raises(NotFoundError):  # an undo is not a decision to undo
        review.undo(seg_store, undo, "ann")
    review.undo(seg_store, first, "ann")
    assert review.current_state(seg_store.review.review_events()) == {}
    assert [e["action"] for e in seg_store.review.review_events()] == [
        "accept",
        "reject",
        "undo",
        "undo",
    ]
    with pytest.raises(ConflictError):
        review.undo(seg_store, first, "ann")


@pytest.mark.parametrize(
    ("seg", "code", "action", "coder", "err"),
    [
        (1, "unemployment", "approve", "ann", InputError),
        (1, "unemployment", "accept", "  ", InputError),
        (99, "unemployment", "accept", "ann", NotFoundError),
        (1, "no_such_code", "accept", "ann", NotFoundError),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_logged(
    seg_store: Store, seg: int, code: str, action: str, coder: str, err: type[Exception]
) -> None:
    with pytest.raises(err):
        review.record(seg_store, seg, code, action, coder)
    assert seg_store.review.review_events() == []


def test_undo_of_an_unknown_decision(seg_store: Store) -> None:
    with pytest.raises(NotFoundError):
        review.undo(seg_store, 42, "ann")


def test_a_stale_decision_is_refused_with_the_current_one(seg_store: Store) -> None:
    first = review.record(seg_store, 1, "unemployment", "accept", "ann", expected=0)
    with pytest.raises(ConflictError) as err:
        review.record(seg_store, 1, "unemployment", "reject", "bob", expected=0)
    assert err.value.current["id"] == first and err.value.current["coder"] == "ann"  # type: ignore[attr-defined]
    second = review.record(seg_store, 1, "unemployment", "reject", "bob", expected=first)
    assert [e["id"] for e in seg_store.review.review_events()] == [first, second]


def test_two_connections_deciding_at_once_lose_nothing(seg_store: Store) -> None:
    import threading

    path = seg_store.path.parent
    results: list[str] = []

    def coder(name: str) -> None:
        s = Store(path)
        for _ in range(25):
            for _attempt in range(50):
                last = s.review.review_events(1)
                expected = last[-1]["id"] if last else 0
                try:
                    review.record(s, 1, "unemployment", "accept", name, expected=expected)
                    results.append(name)
                    break
                except ConflictError:
                    continue
        s.close()

    threads = [threading.Thread(target=coder, args=(n,)) for n in ("ann", "bob", "cem")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    events = seg_store.review.review_events(1)
    assert len(events) == len(results) == 75  # every acknowledged write is stored, once
    assert len({e["id"] for e in events}) == 75


def test_a_code_can_be_added_to_part_of_a_segment(seg_store: Store) -> None:
    text = seg_store.segments.segment(1).text
    eid = review.record(seg_store, 1, "unemployment", "add", "ann", span=(0, len(text) - 1))
    event = next(e for e in seg_store.review.review_events(1) if e["id"] == eid)
    assert (event["span_start"], event["span_end"]) == (0, len(text) - 1)
    with pytest.raises(InputError, match="not inside segment 1"):
        review.record(seg_store, 1, "unemployment", "add", "ann", span=(0, len(text) + 5))
    with pytest.raises(InputError, match="Only an added code"):
        review.record(seg_store, 1, "unemployment", "accept", "ann", span=(0, 2))


def test_after_an_undo_the_expected_version_is_the_decision_before(seg_store: Store) -> None:
    first = review.record(seg_store, 1, "unemployment", "accept", "ann", expected=0)
    second = review.record(seg_store, 1, "unemployment", "reject", "bob", expected=first)
    review.undo(seg_store, second, "bob")
    with pytest.raises(ConflictError):
        review.record(seg_store, 1, "unemployment", "reject", "cem", expected=second)
    review.record(seg_store, 1, "unemployment", "reject", "cem", expected=first)
