"""Training a project's live model (``project.live``), in the calling process or in a
child process of its own.

A retraining is seconds of CPU-bound Python and numerics once coders have decided on a
few hundred segments.  On a thread of the server's process it holds the GIL most of
that time, and every request thread then waits for the GIL at each step (each SQLite
call and socket write gives it up): under 20 coders the review queue, ~3 ms of work,
took 300-700 ms at p95.  ``TrainingProcess`` runs the same training in a long-lived
child process at a lower CPU priority, so requests neither share its GIL nor lose the
CPU to it; the server's retraining thread only waits on a pipe.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from qualcode.embed.cache import CachedEmbedder
from qualcode.errors import PipelineError
from qualcode.pipeline.components import Components
from qualcode.store import Store

PartsFor = Callable[[Store], Components]
NICE = 10  # the child's niceness: the server's request threads come first
TRAIN = "train"


@dataclass(frozen=True)
class Snapshot:
    ids: np.ndarray  # segment ids, one per row (an array once: every queue read masks it)
    vectors: np.ndarray
    raw: np.ndarray  # (n_segments, n_codes) scores before calibration
    thresholds: np.ndarray
    n_labels: np.ndarray


class SnapshotTrainer:
    """Trains snapshots of one project's model on its review log, keeping what does not
    change between retrainings (the segments' vectors, the components)."""

    def __init__(self, project: Path, parts_for: PartsFor) -> None:
        self.project = Path(project)
        self.parts_for = parts_for
        self._vectors: tuple[list[str], np.ndarray] | None = None  # last texts, vectors
        self._parts: tuple[str, Components] | None = None  # settings key, components

    def __call__(self) -> Snapshot:
        from qualcode.codebook.project import use_codebook
        from qualcode.coding.context import neighbour_mean
        from qualcode.coding.feedback import suggester_for
        from qualcode.embed.cache import embed_cached

        store = Store(self.project)
        try:
            parts = self._components(store)
            segments = store.segments.segments()
            ids, texts = [s.id or 0 for s in segments], [s.text for s in segments]
            if self._vectors is None or self._vectors[0] != texts:  # read blobs once
                self._vectors = (texts, embed_cached(store, parts.embedder, texts)[0])
            vectors = self._vectors[1]
            book = use_codebook(store, None)
            beta = parts.suggest_settings.get("beta", 2.0)
            context = neighbour_mean([s.transcript_id for s in segments], vectors)
            events = store.review.review_events()
            model = suggester_for(
                parts.suggester, book, ids, texts, vectors, events, beta, context=context
            )
        finally:
            store.close()
        return _snapshot(model, ids, texts, vectors, context)

    def _components(self, store: Store) -> Components:
        """The project's components, kept while its settings and languages stay the same:
        the zero-shot suggester then keeps its embedded codebook between retrainings.
        Their vector cache is pointed at this call's ``store``: a new text (a codebook
        edit, a segment not embedded yet) is looked up and kept there, not in the store
        of the call that made them, which is closed."""
        key = repr((sorted(store.settings.settings().items()), store.languages.present()))
        if self._parts is None or self._parts[0] != key:
            self._parts = (key, self.parts_for(store))
        parts = self._parts[1]
        if isinstance(parts.embedder, CachedEmbedder):  # its store was closed after last time
            parts.embedder.store = store
        return parts


class TrainingProcess:
    """``SnapshotTrainer`` in a child process (spawned on the first call, at niceness
    ``nice``, and again after it died); calls wait for its answer without the GIL.
    ``parts_for`` must be picklable (a module-level function)."""

    def __init__(self, project: Path, parts_for: PartsFor, nice: int = NICE) -> None:
        try:
            pickle.dumps(parts_for)
        except (pickle.PicklingError, AttributeError, TypeError) as err:
            raise ValueError(
                "Training in a child process needs a module-level parts_for; "
                "pass isolated=False to train in a thread."
            ) from err
        self.project, self.parts_for, self.nice = Path(project), parts_for, nice
        self._lock = threading.Lock()  # one training at a time over the pipe
        self._child: tuple[Any, Connection] | None = None  # process, our end of the pipe

    def __call__(self) -> Snapshot:
        with self._lock:
            conn = self._started()
            try:
                conn.send(TRAIN)
                reply = conn.recv()
            except (EOFError, OSError) as err:
                self._stop()  # a new child starts with the next retraining
                raise PipelineError("The retraining process stopped; it restarts.") from err
        if not isinstance(reply, Snapshot):  # the name of the error, never its message
            raise PipelineError(f"Retraining failed in its process ({reply}).")
        return reply

    @property
    def pid(self) -> int | None:
        """The child's process id, once started (tests)."""
        return self._child[0].pid if self._child else None

    def close(self) -> None:
        """Stop the child (it finishes a training under way first, up to 5 s)."""
        with self._lock:
            self._stop()

    def _started(self) -> Connection:
        if self._child is None or not self._child[0].is_alive():
            ctx = multiprocessing.get_context("spawn")  # forking a threaded server is unsafe
            ours, theirs = ctx.Pipe()
            args = (theirs, self.project, self.parts_for, self.nice)
            proc = ctx.Process(target=_serve, args=args, name="qualcode-retrain", daemon=True)
            proc.start()
            theirs.close()
            self._child = (proc, ours)
        return self._child[1]

    def _stop(self) -> None:
        if self._child is None:
            return
        proc, conn = self._child
        self._child = None
        conn.close()  # the child reads EOF and exits
        proc.join(5)
        if proc.is_alive():
            proc.terminate()
            proc.join(5)


def _serve(conn: Connection, project: Path, parts_for: PartsFor, nice: int) -> None:
    """The child: lower its priority, then train on each request until the pipe closes."""
    os.nice(nice)
    train = SnapshotTrainer(project, parts_for)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message != TRAIN:
            return
        try:
            reply: Snapshot | str = train()
        except Exception as err:  # the parent keeps its previous model and logs this
            reply = type(err).__name__
        conn.send(reply)


def _snapshot(
    model: object, ids: list[int], texts: list[str], vectors: np.ndarray, context: np.ndarray
) -> Snapshot:
    from qualcode.coding.learn import LearningSuggester

    if isinstance(model, LearningSuggester):
        raw, thresholds = model.raw_scores(texts, vectors, context), model.thresholds_
        n = model.n_labels_
    else:  # the zero-shot suggester: no labels yet
        raw = model.scores(texts, vectors) if len(texts) else np.zeros((0, 0))  # type: ignore[attr-defined]
        k = raw.shape[1] if raw.ndim == 2 else 0
        thresholds = np.full(k, getattr(model, "threshold", 0.45))
        n = np.zeros(k)
    return Snapshot(np.asarray(ids, dtype=np.int64), vectors, raw, thresholds, n)
