"""Spread coders over a shared review queue, so that two coders are not served the
same segments at the same time (as Prodigy's ``feed_overlap: false``).

When coding is not blind, the coders share one set of decisions: a segment one coder
decides on is done for all, and a second coder who decides on the same suggestion a
moment later is refused as stale (409).  Every coder's queue is ordered the same way, so
without this, coders who start together all get the same head and most of their work
collides.  ``Leases`` remembers, for a while, which segments each coder was last served;
another coder's queue leaves those out and serves the next ones instead.  A coder's
lease is what they were served last (a new page replaces it) and lapses after
``seconds``, so a coder who walks away holds nothing for long.  When everything left is
held by others, the held segments are served after all: nobody sees an empty queue
while work remains.

Leases live in the server process, with the project's live model; they order the queue
and guard nothing (the version check on each decision does that).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

LEASE_SECONDS = 300.0  # long enough to read a page of segments, short enough to lapse
Pick = Callable[[set[int]], list[int]]  # segments to leave out -> the queue, best first


class Leases:
    """``seconds``: how long a served segment stays held; ``clock``: monotonic seconds."""

    def __init__(
        self, seconds: float = LEASE_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.seconds = seconds
        self.clock = clock
        self._held: dict[int, tuple[str, float]] = {}  # segment -> (coder, until)
        self._lock = threading.Lock()

    def held_by_others(self, coder: str) -> set[int]:
        """Segments served to another coder whose lease has not lapsed."""
        now = self.clock()
        with self._lock:
            return {s for s, (who, until) in self._held.items() if who != coder and until > now}

    def serve(self, coder: str, pick: Pick, limit: int) -> list[int]:
        """The page for ``coder``: ``pick`` leaving out what others hold, topped up from
        the held ones when too few are left; the page becomes ``coder``'s lease."""
        others = self.held_by_others(coder)
        page = pick(others)
        if len(page) < limit and others:
            page += [s for s in pick(set()) if s not in page][: limit - len(page)]
        self._lease(coder, page)
        return page

    def _lease(self, coder: str, page: list[int]) -> None:
        now = self.clock()
        with self._lock:
            self._held = {
                s: (who, until)
                for s, (who, until) in self._held.items()
                if who != coder and until > now
            }
            until = now + self.seconds
            self._held.update((s, (coder, until)) for s in page)
