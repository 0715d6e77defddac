"""Suggestions that learn from coders: per-code classifiers over embeddings, blended with
the zero-shot scores as labels accumulate, calibrated, with per-code thresholds.

scikit-learn conventions: ``__init__`` stores settings, ``fit`` returns ``self``, learned
attributes end in ``_``.  Labels come from review decisions: an accepted or added code is
a positive, a rejected one a negative; a segment another code was accepted on is a weak
negative for the codes nobody added (coders add what is missing).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression

from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.records import Codebook, Suggestion

UNKNOWN = -1  # label matrix value for "no decision"


class CodeClassifiers:
    """One logistic regression per code on embeddings; codes with too few labels of either
    class get none (their column of ``predict_proba`` is NaN)."""

    def __init__(self, *, C: float = 2.0, min_positives: int = 2, min_negatives: int = 2) -> None:
        self.C = C
        self.min_positives = min_positives
        self.min_negatives = min_negatives

    def fit(
        self, X: np.ndarray, Y: np.ndarray, sample_weight: np.ndarray | None = None
    ) -> CodeClassifiers:
        """``X``: (n, dim) vectors; ``Y``: (n, n_codes) with 1, 0 or ``UNKNOWN``."""
        w = np.ones(X.shape[0]) if sample_weight is None else sample_weight
        self.estimators_: list[LogisticRegression | None] = []
        self.n_positives_ = (Y == 1).sum(axis=0)
        self.n_negatives_ = (Y == 0).sum(axis=0)
        for j in range(Y.shape[1]):
            known = Y[:, j] != UNKNOWN
            pos, neg = self.n_positives_[j], self.n_negatives_[j]
            if pos < self.min_positives or neg < self.min_negatives:
                self.estimators_.append(None)
                continue
            clf = LogisticRegression(C=self.C, class_weight="balanced", max_iter=1000, tol=1e-3)
            self.estimators_.append(clf.fit(X[known], Y[known, j], sample_weight=w[known]))
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        out = np.full((X.shape[0], len(self.estimators_)), np.nan)
        for j, clf in enumerate(self.estimators_):
            if clf is not None:
                out[:, j] = clf.predict_proba(X)[:, 1]
        return out


def blend(
    zero_shot: np.ndarray, learned: np.ndarray, n_labels: np.ndarray, half: float
) -> np.ndarray:
    """Weight the learned probability by n / (n + half) per code, where n is that code's
    number of labels; with no classifier (NaN) the zero-shot score stands."""
    w = n_labels / (n_labels + half)
    mixed = w * np.nan_to_num(learned) + (1 - w) * zero_shot
    return np.where(np.isnan(learned), zero_shot, mixed)


def best_thresholds(
    scores: np.ndarray, Y: np.ndarray, default: float, beta: float = 2.0, min_positives: int = 5
) -> np.ndarray:
    """Per code, the threshold maximising F-beta on the labelled rows (beta 2: recall
    counts four times precision, as coders reject faster than they hunt); ``default``
    for codes with fewer than ``min_positives`` positives or negatives."""
    out = np.full(Y.shape[1], default)
    for j in range(Y.shape[1]):
        known = Y[:, j] != UNKNOWN
        y, s = Y[known, j], scores[known, j]
        if min(y.sum(), len(y) - y.sum()) < min_positives:  # too few to move off the default
            continue
        best, best_f = default, -1.0
        for t in np.unique(np.round(s, 3)):
            pred = s >= t
            tp = float((pred & (y == 1)).sum())
            p = tp / max(pred.sum(), 1)
            r = tp / y.sum()
            f = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
            if f > best_f:
                best, best_f = float(t), f
        out[j] = best
    return out


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
    """Zero-shot scores (``suggest.ZeroShotSuggester``) blended with ``CodeClassifiers``
    trained on coders' decisions, then calibrated (isotonic regression on out-of-fold
    scores of the labelled rows) so that a score of 0.8 is right about 80% of the time.
    Per-code thresholds maximise F-beta on the same out-of-fold scores."""

    def __init__(
        self,
        zero_shot: ZeroShotSuggester,
        *,
        half: float = 8.0,
        beta: float = 2.0,
        C: float = 2.0,
        folds: int = 3,
        top_k: int = 3,
        unlabelled_weight: float = 0.2,
    ) -> None:
        self.zero_shot = zero_shot
        self.unlabelled_weight = unlabelled_weight
        self.half = half
        self.beta = beta
        self.C = C
        self.folds = folds
        self.top_k = top_k

    def fit(
        self,
        codebook: Codebook,
        X: np.ndarray | None = None,
        Y: np.ndarray | None = None,
        texts: Sequence[str] = (),
        unlabelled: np.ndarray | None = None,
    ) -> LearningSuggester:
        """``X``, ``Y``, ``texts``: the labelled rows (vectors, label matrix, their texts).
        ``unlabelled``: vectors of segments nobody has decided on yet; they train the
        classifiers as weak negatives (weight ``unlabelled_weight``), since most codes
        are absent from most segments and coders often only confirm what applies."""
        if getattr(self.zero_shot, "codebook_", None) != codebook:
            self.zero_shot.fit(codebook)  # embeds the codebook: once per codebook
        self.code_ids_ = list(self.zero_shot.code_ids_)
        k = len(self.code_ids_)
        if X is None or Y is None or len(X) == 0:
            X, Y, texts = np.zeros((0, 1)), np.zeros((0, k), dtype=np.int8), ()
        self.n_labels_ = (Y == 1).sum(axis=0).astype(float)
        self.unlabelled_ = unlabelled if unlabelled is not None else np.zeros((0, X.shape[1]))
        self.classifiers_ = self._train(X, Y) if len(X) else None
        oof = self._out_of_fold(X, Y, texts)
        self.thresholds_ = best_thresholds(oof, Y, self.zero_shot.threshold, self.beta)
        self.calibrator_ = _calibrator(oof, Y)
        self.confirmed_ = [
            ([texts[int(i)] for i in np.flatnonzero(Y[:, j] == 1)], X[Y[:, j] == 1])
            for j in range(k)
        ]
        return self

    def raw_scores(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        zs = self.zero_shot.scores(texts, vectors)
        if self.classifiers_ is None:
            return zs
        return blend(zs, self.classifiers_.predict_proba(vectors), self.n_labels_, self.half)

    def scores(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Calibrated probabilities (n, n_codes); raw scores where no calibration exists."""
        return self.calibrate(self.raw_scores(texts, vectors))

    def calibrate(self, raw: np.ndarray) -> np.ndarray:
        if self.calibrator_ is None:
            return raw
        return self.calibrator_.predict(raw.ravel()).reshape(raw.shape)

    def predict(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """(n, n_codes) 0/1: raw score over the code's threshold."""
        return (self.raw_scores(texts, vectors) >= self.thresholds_).astype(np.int8)

    def suggest(
        self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray
    ) -> list[Suggestion]:
        raw = self.raw_scores(texts, vectors)
        prob = self.calibrate(raw)
        out: list[Suggestion] = []
        for row, seg_id in enumerate(ids):
            for j in np.argsort(-raw[row], kind="stable")[: self.top_k]:
                if raw[row, j] >= self.thresholds_[j]:
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

    def _train(self, X: np.ndarray, Y: np.ndarray) -> CodeClassifiers:
        U = self.unlabelled_
        if len(U) == 0:
            return CodeClassifiers(C=self.C).fit(X, Y)
        weights = np.concatenate([np.ones(len(X)), np.full(len(U), self.unlabelled_weight)])
        Y_all = np.vstack([Y, np.zeros((len(U), Y.shape[1]), dtype=Y.dtype)])
        return CodeClassifiers(C=self.C).fit(np.vstack([X, U]), Y_all, weights)

    def _out_of_fold(self, X: np.ndarray, Y: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """Blended scores of the labelled rows, each from classifiers not trained on it."""
        if len(X) == 0:
            return np.zeros((0, Y.shape[1]))
        zs = self.zero_shot.scores(texts, X)
        out = zs.copy()
        order = np.arange(len(X))
        for f in range(min(self.folds, len(X))):
            test = order % self.folds == f
            if test.all():
                continue
            clf = self._train(X[~test], Y[~test])
            n = (Y[~test] == 1).sum(axis=0).astype(float)
            out[test] = blend(zs[test], clf.predict_proba(X[test]), n, self.half)
        return out


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _calibrator(scores: np.ndarray, Y: np.ndarray) -> IsotonicRegression | None:
    known = Y != UNKNOWN
    y, s = Y[known], scores[known]
    if len(y) < 20 or y.min() == y.max():
        return None
    return IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(s, y)


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
