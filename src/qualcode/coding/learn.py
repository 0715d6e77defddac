"""Suggestions that learn from coders: per-code classifiers on the segment vectors, taught
by the codebook's own texts as well as by decisions, stacked with the zero-shot scores and
the neighbouring turns by a small model that learns, per project, how far to trust each.

scikit-learn conventions: ``__init__`` stores settings, ``fit`` returns ``self``, learned
attributes end in ``_``.  Labels come from review decisions: an accepted or added code is
a positive, a rejected one a negative; a segment another code was accepted on is a
negative for the codes nobody added (coders add what is missing).  With no labels, or too
few for the stacker, the zero-shot scores and threshold stand.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from qualcode.coding.classifiers import UNKNOWN, CodeClassifiers, codebook_rows
from qualcode.coding.stacking import Stacker, logit
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.records import Codebook, Suggestion

__all__ = ["UNKNOWN", "CodeClassifiers", "LearningSuggester", "labels_matrix"]


def labels_matrix(
    n: int, code_ids: Sequence[str], positives: dict[int, set[str]], negatives: dict[int, set[str]]
) -> np.ndarray:
    """(n, n_codes) label matrix from row -> accepted/added codes and row -> rejected codes.
    A row with any decision counts as negative for the codes it was not given."""
    Y = np.full((n, len(code_ids)), UNKNOWN, dtype=np.int8)
    index = {c: j for j, c in enumerate(code_ids)}
    for row in set(positives) | set(negatives):
        Y[row, :] = 0
        for c in positives.get(row, ()):
            if c in index:
                Y[row, index[c]] = 1
    return Y


class LearningSuggester:
    """``use_*`` switch the parts off one by one, for the evaluation's ablation."""

    def __init__(
        self,
        zero_shot: ZeroShotSuggester,
        *,
        beta: float = 2.0,
        C: float = 2.0,
        folds: int = 3,
        top_k: int | None = None,
        unlabelled_weight: float = 0.2,
        use_codebook: bool = True,
        use_zero_shot: bool = True,
        use_context: bool = True,
    ) -> None:
        self.zero_shot = zero_shot
        self.beta = beta
        self.C = C
        self.folds = folds
        self.top_k = top_k
        self.unlabelled_weight = unlabelled_weight
        self.use_codebook = use_codebook
        self.use_zero_shot = use_zero_shot
        self.use_context = use_context

    def fit(
        self,
        codebook: Codebook,
        X: np.ndarray | None = None,
        Y: np.ndarray | None = None,
        texts: Sequence[str] = (),
        unlabelled: np.ndarray | None = None,
        context: np.ndarray | None = None,
        unlabelled_texts: Sequence[str] | None = None,
    ) -> LearningSuggester:
        """``X``, ``Y``, ``texts``: the labelled rows (vectors, label matrix, texts).
        ``unlabelled``: vectors of undecided segments, weak negatives (most codes are
        absent from most segments); with ``unlabelled_texts`` they weigh in the stacker
        too.  ``context``: per labelled row, the mean vector of its neighbouring turns
        (same transcript), or None."""
        if getattr(self.zero_shot, "codebook_", None) != codebook:
            self.zero_shot.fit(codebook)  # embeds the codebook: once per codebook
        self.code_ids_ = list(self.zero_shot.code_ids_)
        k = len(self.code_ids_)
        if X is None or Y is None or len(X) == 0:
            X, Y, texts = np.zeros((0, 1)), np.zeros((0, k), dtype=np.int8), ()
        self.n_labels_ = (Y == 1).sum(axis=0).astype(float)
        self.with_context_ = self.use_context and context is not None
        self.extra_ = self._extra_rows(unlabelled)
        self.classifiers_ = self._train(X, Y) if len(X) else None
        undecided = None
        if unlabelled is not None and unlabelled_texts is not None and len(unlabelled):
            undecided = (list(unlabelled_texts), unlabelled)
        self.stacker_ = self._stack(X, Y, texts, context, undecided)
        self.thresholds_ = self._thresholds(k)
        self.confirmed_ = [
            ([texts[int(i)] for i in np.flatnonzero(Y[:, j] == 1)], X[Y[:, j] == 1])
            for j in range(k)
        ]
        return self

    def raw_scores(
        self, texts: Sequence[str], vectors: np.ndarray, context: np.ndarray | None = None
    ) -> np.ndarray:
        """(n, n_codes): the stacker's probabilities, or the zero-shot scores."""
        zs = self.zero_shot.scores(texts, vectors)
        if self.stacker_ is None or self.classifiers_ is None:
            return zs
        return self.stacker_.probabilities(
            self._sources(self.classifiers_, texts, vectors, context)
        )

    def scores(
        self, texts: Sequence[str], vectors: np.ndarray, context: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities (n, n_codes): calibrated once the stacker is trained."""
        return self.raw_scores(texts, vectors, context)

    def predict(
        self, texts: Sequence[str], vectors: np.ndarray, context: np.ndarray | None = None
    ) -> np.ndarray:
        """(n, n_codes) 0/1."""
        raw = self.raw_scores(texts, vectors, context)
        if self.stacker_ is None:
            return self.zero_shot.picked(raw).astype(np.int8)
        return self.stacker_.decide(raw)

    def suggest(
        self,
        ids: Sequence[int],
        texts: Sequence[str],
        vectors: np.ndarray,
        context: np.ndarray | None = None,
    ) -> list[Suggestion]:
        prob = self.raw_scores(texts, vectors, context)
        chosen = self.predict(texts, vectors, context)
        out: list[Suggestion] = []
        for row, seg_id in enumerate(ids):
            order = [j for j in np.argsort(-prob[row], kind="stable") if chosen[row, j]]
            for j in order[: self.top_k or None]:
                evidence = self.evidence(j, texts[row], vectors[row])
                out.append(
                    Suggestion(
                        int(seg_id), self.code_ids_[j], round(float(prob[row, j]), 4), evidence
                    )
                )
        return out

    def evidence(self, j: int, text: str, vector: np.ndarray) -> tuple[str, ...]:
        """The nearest segment a coder confirmed for code ``j``, then the zero-shot
        evidence (example quote, definition sentence, keywords)."""
        quoted, vecs = self.confirmed_[j]
        near = []
        if quoted:
            best = int(np.argmax(vecs @ vector))
            near = [f"like confirmed: {_clip(quoted[best])}"]
        return (*near, *self.zero_shot.evidence(j, text, vector))

    def _thresholds(self, k: int) -> np.ndarray:
        if self.stacker_ is not None:
            return self.stacker_.thresholds_
        return np.full(k, self.zero_shot.threshold)

    def _extra_rows(
        self, unlabelled: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows every classifier also trains on: the codebook's texts (weight 1) and the
        undecided segments as weak negatives (``unlabelled_weight``)."""
        zs, k = self.zero_shot, len(self.code_ids_)
        dim = zs.definitions_.shape[1]
        V, Yc = np.zeros((0, dim)), np.zeros((0, k), dtype=np.int8)
        if self.use_codebook:
            V, Yc = codebook_rows([_own_vectors(zs, j) for j in range(k)])
        U = np.zeros((0, dim)) if unlabelled is None else unlabelled
        weights = np.concatenate([np.ones(len(V)), np.full(len(U), self.unlabelled_weight)])
        return np.vstack([V, U]), np.vstack([Yc, np.zeros((len(U), k), dtype=np.int8)]), weights

    def _train(self, X: np.ndarray, Y: np.ndarray) -> CodeClassifiers:
        V, Yv, wv = self.extra_
        weights = np.concatenate([np.ones(len(X)), wv])
        return CodeClassifiers(C=self.C).fit(np.vstack([X, V]), np.vstack([Y, Yv]), weights)

    def _sources(
        self,
        clf: CodeClassifiers,
        texts: Sequence[str],
        vectors: np.ndarray,
        context: np.ndarray | None,
    ) -> list[np.ndarray]:
        out = [logit(clf.predict_proba(vectors))]  # a code without a classifier: 0
        if self.use_zero_shot:
            out.append(self.zero_shot.scores(texts, vectors))
        if self.with_context_ and context is not None:
            out.append(logit(clf.predict_proba(context)))
        return out

    def _stack(
        self,
        X: np.ndarray,
        Y: np.ndarray,
        texts: Sequence[str],
        context: np.ndarray | None,
        unlabelled: tuple[list[str], np.ndarray] | None,
    ) -> Stacker | None:
        """The stacker, trained on out-of-fold sources of the labelled rows (and the
        undecided segments as weak negatives; their context is their own vector)."""
        stacker = Stacker(beta=self.beta)
        if len(X) < self.folds or not stacker.can_fit(Y) or self.classifiers_ is None:
            return None
        parts: list[list[np.ndarray]] = []
        folds = np.arange(len(X)) % self.folds
        for f in range(self.folds):
            test = folds == f
            clf = self._train(X[~test], Y[~test])
            ctx = None if context is None else context[test]
            held = [texts[int(i)] for i in np.flatnonzero(test)]
            parts.append(self._sources(clf, held, X[test], ctx))
        order = np.argsort(np.concatenate([np.flatnonzero(folds == f) for f in range(self.folds)]))
        sources = [np.vstack([p[i] for p in parts])[order] for i in range(len(parts[0]))]
        undecided = None
        if unlabelled is not None:
            u_texts, U = unlabelled
            undecided = self._sources(
                self.classifiers_, u_texts, U, U if context is not None else None
            )
        return stacker.fit(sources, Y, undecided, self.unlabelled_weight)


def _own_vectors(zs: ZeroShotSuggester, j: int) -> np.ndarray:
    """Code ``j``'s definition and example quotes, embedded."""
    examples = zs.example_vectors_[j]
    return np.vstack([zs.definitions_[j : j + 1], *([examples] if len(examples) else [])])


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def expected_calibration_error(prob: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE: the gap between confidence and accuracy, averaged over equal-width bins."""
    prob, y = prob.ravel(), y.ravel()
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        inside = (prob >= lo) & (prob < hi if hi < 1 else prob <= hi)
        if inside.any():
            total += inside.sum() * abs(prob[inside].mean() - y[inside].mean())
    return total / max(len(prob), 1)
