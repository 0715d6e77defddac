"""Leases spread coders over a shared queue: another coder's page is left out for a while."""

from __future__ import annotations

from qualcode.project.leases import Leases

SEGMENTS = list(range(1, 11))  # the queue's order, best first


def pick(held: set[int], limit: int = 3) -> list[int]:
    return [s for s in SEGMENTS if s not in held][:limit]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_coders_at_the_same_time_get_different_pages() -> None:
    leases = Leases()
    assert leases.serve("ana", pick, 3) == [1, 2, 3]
    assert leases.serve("ben", pick, 3) == [4, 5, 6]
    assert leases.serve("cem", pick, 3) == [7, 8, 9]


def test_a_coder_asking_again_keeps_their_own_page() -> None:
    leases = Leases()
    leases.serve("ana", pick, 3)
    leases.serve("ben", pick, 3)
    assert leases.serve("ana", pick, 3) == [1, 2, 3]


def test_a_new_page_replaces_the_coders_lease() -> None:
    leases = Leases()
    leases.serve("ana", pick, 3)
    leases.serve("ana", lambda held: pick(held, 1), 1)  # a page of one: 2 and 3 are free
    assert leases.held_by_others("ben") == {1}
    assert leases.serve("ben", pick, 3) == [2, 3, 4]


def test_a_lease_lapses() -> None:
    clock = Clock()
    leases = Leases(seconds=60, clock=clock)
    leases.serve("ana", pick, 3)
    clock.now = 59.0
    assert leases.serve("ben", pick, 3) == [4, 5, 6]
    clock.now = 61.0
    assert leases.serve("cem", pick, 3) == [1, 2, 3]


def test_held_segments_are_served_when_nothing_else_is_left() -> None:
    leases = Leases()
    leases.serve("ana", lambda held: pick(held, 9), 9)
    assert leases.serve("ben", pick, 3) == [10, 1, 2]  # the free one first, then held ones
