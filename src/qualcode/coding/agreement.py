"""Agreement between coders, human or model: Cohen's kappa per code (scikit-learn) and
Krippendorff's alpha over all codes (NLTK), so a team can see
when the model's suggestions are as trustworthy as a colleague's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np


def kappa(a: Sequence[int] | np.ndarray, b: Sequence[int] | np.ndarray) -> float:
    """Cohen's kappa of two 0/1 codings of the same units; 1.0 when both are constant
    and equal, 0.0 when constant and different."""
    from sklearn.metrics import cohen_kappa_score

    x, y = np.asarray(a), np.asarray(b)
    if len(set(x.tolist()) | set(y.tolist())) < 2:
        return 1.0 if np.array_equal(x, y) else 0.0
    return float(cohen_kappa_score(x, y))


def kappa_per_code(A: np.ndarray, B: np.ndarray, code_ids: Sequence[str]) -> dict[str, float]:
    return {c: kappa(A[:, j], B[:, j]) for j, c in enumerate(code_ids)}


def alpha(codings: Mapping[str, np.ndarray]) -> float:
    """Krippendorff's alpha (nominal) over coders' (n_units, n_codes) 0/1 matrices; each
    (unit, code) pair is one unit of analysis; NaN marks a pair a coder did not code.
    Uses NLTK's ``AnnotationTask`` (Apache 2.0)."""
    from nltk.metrics.agreement import AnnotationTask

    data = [
        (coder, str(i), int(v))
        for coder, m in codings.items()
        for i, v in enumerate(np.asarray(m, dtype=float).ravel())
        if not np.isnan(v)
    ]
    if len({v for _, _, v in data}) < 2:
        return 1.0
    return float(AnnotationTask(data=data).alpha())
