"""Per-code classifiers over segment vectors, and the codebook's own texts as labelled rows.

``CodeClassifiers``: one class-balanced logistic regression per code, trained on the rows
where that code was decided (``UNKNOWN`` elsewhere); a code with too few labels of either
class gets none, and its column of ``predict_proba`` is NaN.

``codebook_rows``: every code's definition and example quotes (in every language the
codebook gives) as one positive row for that code and a negative for the others, so a
code with two labels already has a third, and a classifier learns what the researcher
wrote as well as what coders did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression

UNKNOWN = -1  # label matrix value for "no decision"


class CodeClassifiers:
    def __init__(self, *, C: float = 2.0, min_positives: int = 2, min_negatives: int = 2) -> None:
        self.C = C
        self.min_positives = min_positives
        self.min_negatives = min_negatives

    def fit(
        self, X: np.ndarray, Y: np.ndarray, sample_weight: np.ndarray | None = None
    ) -> CodeClassifiers:
        """``X``: (n, dim) vectors; ``Y``: (n, n_codes) with 1, 0 or ``UNKNOWN``."""
        from sklearn.linear_model import LogisticRegression  # ~2 s to import: not at start

        w = np.ones(X.shape[0]) if sample_weight is None else sample_weight
        self.estimators_: list[LogisticRegression | None] = []
        self.n_positives_ = (Y == 1).sum(axis=0)
        self.n_negatives_ = (Y == 0).sum(axis=0)
        for j in range(Y.shape[1]):
            known = Y[:, j] != UNKNOWN
            if self.n_positives_[j] < self.min_positives or (
                self.n_negatives_[j] < self.min_negatives
            ):
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


def codebook_rows(parts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``parts``: per code, the vectors of its own texts.  Returns the stacked vectors and
    a label matrix with 1 for the code they describe and 0 for every other code."""
    k = len(parts)
    dim = next((p.shape[1] for p in parts if len(p)), 0)
    vectors = np.vstack([p for p in parts if len(p)]) if dim else np.zeros((0, 0))
    Y = np.zeros((len(vectors), k), dtype=np.int8)
    start = 0
    for j, p in enumerate(parts):
        Y[start : start + len(p), j] = 1
        start += len(p)
    return vectors, Y
