"""From coders' decisions to a suggester that has learned from them, retrained in the
background so that recording a decision never waits for training.

``decision_labels`` folds the review log (latest decision per segment and code, undo
respected) into the label matrix ``learn.LearningSuggester`` trains on: accepted and
added codes are positives, rejected ones negatives, and a segment with any decision is a
negative for the codes it was not given (coders add what is missing).

``BackgroundTrainer`` runs a training function on one worker thread.  ``request()``
returns at once; requests that arrive while a training runs are coalesced into one more
run with the latest decisions, and the finished model replaces ``current`` in one step,
so readers always see a complete model (the previous one until the new one is ready).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import numpy as np

from qualcode.coding.learn import LearningSuggester, labels_matrix
from qualcode.coding.suggest import Suggester
from qualcode.records import Codebook
from qualcode.review.decisions import fold

log = logging.getLogger(__name__)
T = TypeVar("T")


def decision_labels(
    events: Iterable[Mapping[str, Any]], segment_ids: Sequence[int], code_ids: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Rows (positions in ``segment_ids``) with any decision, and their label matrix."""
    position = {sid: i for i, sid in enumerate(segment_ids)}
    positives: dict[int, set[str]] = {}
    negatives: dict[int, set[str]] = {}
    for (segment_id, code_id), event in fold(events).items():
        row = position.get(segment_id)
        if row is None:
            continue
        target = negatives if event["action"] == "reject" else positives
        target.setdefault(row, set()).add(code_id)
    rows = np.array(sorted(set(positives) | set(negatives)), dtype=int)
    Y = labels_matrix(len(segment_ids), code_ids, positives, negatives)
    return rows, Y[rows]


class BackgroundTrainer(Generic[T]):
    """Keeps ``current`` trained by ``train`` on one background thread."""

    def __init__(
        self, train: Callable[[], T], initial: T | None = None, min_interval: float = 0.0
    ) -> None:
        self.train = train
        # the least seconds between the starts of two trainings (a pause also follows
        # each training as long as it took, when min_interval > 0)
        self.min_interval = min_interval
        self.current: T | None = initial
        self.generation = 0  # trainings finished
        self.last_error: Exception | None = None
        self._lock = threading.Lock()
        self._pending = False
        self._running = False
        self._idle = threading.Event()
        self._idle.set()

    def request(self) -> None:
        """Ask for a retraining with the latest decisions; never blocks on training."""
        with self._lock:
            self._pending = True
            if self._running:
                return
            self._running = True
            self._idle.clear()
        threading.Thread(target=self._loop, name="qualcode-retrain", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no training is running or pending; False on timeout."""
        return self._idle.wait(timeout)

    def _loop(self) -> None:
        next_start = float("-inf")
        while True:
            # under a stream of decisions, train at most every ``min_interval`` seconds,
            # and rest at least as long as the last training took (at most half a core);
            # requests arriving during the pause fold into the next training
            time.sleep(max(0.0, next_start - time.monotonic()))
            with self._lock:
                if not self._pending:
                    self._running = False
                    self._idle.set()
                    return
                self._pending = False
            started = time.monotonic()
            self._train_once()
            took = time.monotonic() - started
            if self.min_interval > 0:
                next_start = started + max(self.min_interval, 2 * took)

    def _train_once(self) -> None:
        try:
            model = self.train()
        except Exception as err:  # keep serving the previous model; report, never crash
            self.last_error = err
            log.error("retraining failed (%s); keeping the previous model", type(err).__name__)
            return
        self.current = model
        self.generation += 1
        self.last_error = None


def suggester_for(
    zero_shot: Suggester,
    codebook: Codebook,
    segment_ids: Sequence[int],
    texts: Sequence[str],
    vectors: np.ndarray,
    events: Iterable[Mapping[str, Any]],
    beta: float = 2.0,
    max_unlabelled: int = 500,
    context: np.ndarray | None = None,
) -> Suggester:
    """The zero-shot suggester, fitted; or, once coders have decided on some of these
    segments, a ``LearningSuggester`` trained on those decisions (with up to
    ``max_unlabelled`` undecided segments as weak negatives).  ``context``: per segment,
    its neighbouring turns' mean vector (``context.neighbour_mean``)."""
    from qualcode.coding.suggest import ZeroShotSuggester

    if getattr(zero_shot, "codebook_", None) != codebook:
        zero_shot.fit(codebook)  # embeds the codebook: only when it changed
    if not isinstance(zero_shot, ZeroShotSuggester):
        return zero_shot  # a swapped-in suggester does its own learning, if any
    zero_shot.calibrate_to(texts, vectors)  # the project's own yardstick, every subset
    rows, Y = decision_labels(events, segment_ids, [c.id for c in codebook.codes])
    if len(rows) == 0:
        return zero_shot
    learner = LearningSuggester(zero_shot, beta=beta, top_k=zero_shot.top_k)
    undecided = np.setdiff1d(np.arange(len(segment_ids)), rows)
    if len(undecided) > max_unlabelled:  # a fixed sample keeps retraining to seconds
        undecided = np.random.default_rng(0).choice(undecided, max_unlabelled, replace=False)
    ctx = None if context is None else context[rows]
    return learner.fit(
        codebook,
        vectors[rows],
        Y,
        [texts[i] for i in rows],
        vectors[undecided],
        ctx,
        [texts[i] for i in undecided],
    )
