"""Suggestions that keep learning while coders work: the per-project model a server holds.

``LiveModel`` trains ``feedback.suggester_for`` on the project's review log in the
background (``feedback.BackgroundTrainer``): a decision calls ``notify()`` and returns at
once; the next queue is ordered by the newest finished model.  With ``isolated`` (as a
server runs it) the training itself runs in a child process at a lower priority
(``project.training``), so it never competes with requests for the GIL.
``queue(coder)`` is the active-learning order (``coding.order.review_order``) over the
segments that coder has not decided yet, so the first decisions teach the model the most.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from qualcode.coding.feedback import BackgroundTrainer
from qualcode.coding.order import POOL, review_order
from qualcode.pipeline.components import components_for
from qualcode.project.leases import Leases
from qualcode.project.training import PartsFor, Snapshot, SnapshotTrainer, TrainingProcess
from qualcode.store import Store

__all__ = ["LiveModel", "PartsFor", "Snapshot"]


class LiveModel:
    """``min_interval``: the least time between the starts of two retrainings (a server
    passes a second or so; requests meanwhile fold into the next one).  ``isolated``:
    train in a child process (``parts_for`` must then be picklable); ``close()`` ends it."""

    def __init__(
        self,
        project: Path,
        parts_for: PartsFor = components_for,
        min_interval: float = 0.0,
        *,
        isolated: bool = False,
    ) -> None:
        self.project = Path(project)
        self.parts_for = parts_for
        self.process = TrainingProcess(self.project, parts_for) if isolated else None
        train = self.process or SnapshotTrainer(self.project, parts_for)
        self.trainer: BackgroundTrainer[Snapshot] = BackgroundTrainer(
            train, min_interval=min_interval
        )
        self.leases = Leases()  # who was served which segments, for shared queues

    def close(self) -> None:
        """Stop the training process, if any (a retraining under way finishes first)."""
        if self.process is not None:
            self.process.close()

    def notify(self) -> None:
        """A decision was recorded: retrain in the background."""
        self.trainer.request()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no retraining runs or is pending (tests); False on timeout."""
        return self.trainer.wait(timeout)

    def snapshot(self, wait: float = 0.0) -> Snapshot | None:
        """The last trained model; the first call starts training and waits at most
        ``wait`` seconds for it (None until it is done)."""
        if self.trainer.current is None and self.trainer.generation == 0:
            self.trainer.request()
            self.trainer.wait(wait)
        return self.trainer.current

    def queue(
        self, store: Store, decided: set[int], limit: int = 20, wait: float = 0.0
    ) -> list[int]:
        """Segment ids to review next, most informative first, leaving out ``decided``
        (the segments this coder has decided on).  Never waits on training by default:
        before the first model is trained the queue is in reading order."""
        snap = self.snapshot(wait)
        if snap is None or not len(snap.ids):
            return [i for i in store.segments.segment_ids() if i not in decided][:limit]
        allowed = ~np.isin(snap.ids, np.fromiter(decided, dtype=np.int64, count=len(decided)))
        picks = review_order(
            snap.raw, snap.thresholds, snap.n_labels, snap.vectors, limit,
            allowed=allowed, pool=POOL,
        )  # fmt: skip
        return [int(snap.ids[p]) for p in picks]
