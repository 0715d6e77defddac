"""Suggestions that keep learning while coders work: the per-project model a server holds.

``LiveModel`` trains ``feedback.suggester_for`` on the project's review log in the
background (``feedback.BackgroundTrainer``): a decision calls ``notify()`` and returns at
once; the next queue is ordered by the newest finished model.  ``queue(coder)`` is the
active-learning order (``coding.order.review_order``) over the segments that coder has not
decided yet, so the first decisions teach the model the most.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qualcode.coding.context import neighbour_mean
from qualcode.coding.feedback import BackgroundTrainer, suggester_for
from qualcode.coding.order import review_order
from qualcode.pipeline.components import Components, components_for
from qualcode.store import Store

PartsFor = Callable[[Store], Components]


@dataclass(frozen=True)
class Snapshot:
    ids: list[int]
    vectors: np.ndarray
    raw: np.ndarray  # (n_segments, n_codes) scores before calibration
    thresholds: np.ndarray
    n_labels: np.ndarray


class LiveModel:
    """``min_interval``: the least time between the starts of two retrainings (a server
    passes a second or so; requests meanwhile fold into the next one)."""

    def __init__(
        self, project: Path, parts_for: PartsFor = components_for, min_interval: float = 0.0
    ) -> None:
        self.project = Path(project)
        self.parts_for = parts_for
        self.trainer: BackgroundTrainer[Snapshot] = BackgroundTrainer(
            self._train, min_interval=min_interval
        )
        self._vectors: tuple[list[str], np.ndarray] | None = None  # last texts, vectors
        self._parts: tuple[str, Components] | None = None  # settings key, components

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
        if snap is None or not snap.ids:
            return [i for i in store.segments.segment_ids() if i not in decided][:limit]
        rows = np.array([i for i, sid in enumerate(snap.ids) if sid not in decided], dtype=int)
        if len(rows) == 0:
            return []
        picks = review_order(
            snap.raw[rows], snap.thresholds, snap.n_labels, snap.vectors[rows], limit
        )
        return [snap.ids[int(rows[p])] for p in picks]

    def _train(self) -> Snapshot:
        from qualcode.codebook.project import use_codebook
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
        the zero-shot suggester then keeps its embedded codebook between retrainings."""
        key = repr((sorted(store.settings.settings().items()), store.languages.present()))
        if self._parts is None or self._parts[0] != key:
            self._parts = (key, self.parts_for(store))
        return self._parts[1]


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
    return Snapshot(ids, vectors, raw, thresholds, n)
