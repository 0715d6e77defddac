"""Learning curves from a simulated coder, for qualcode and its peers in one run.

The labelled set is split once (fixed seed) into a pool and a test half.  The simulated
coder works through the pool in qualcode's review order (``coding.order.review_order``) in
batches, answering from the gold labels (accepting, rejecting and adding codes), until
each code has at least ``k`` positive labels or the pool runs out.  Every method is then
trained on exactly those labelled segments and scored on the test half: per-code and
macro F1, macro Cohen's kappa, and for qualcode the expected calibration error of its
probabilities.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import f1_score, recall_score

from qualcode.coding.agreement import kappa
from qualcode.coding.learn import expected_calibration_error
from qualcode.coding.order import review_order

BATCH = 10


@dataclass
class CurvePoint:
    budget: int  # target positive labels per code
    labelled: int  # segments the simulated coder decided
    mean_positives: float  # positive labels per code actually reached
    macro_f1: dict[str, float] = field(default_factory=dict)  # method -> score
    kappa: dict[str, float] = field(default_factory=dict)
    recall: dict[str, float] = field(default_factory=dict)
    per_code_f1: dict[str, list[float]] = field(default_factory=dict)
    ece: float | None = None  # qualcode's calibration on the test half


def split(n: int, seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return np.sort(order[: n // 2]), np.sort(order[n // 2 :])


def run_curves(
    texts: Sequence[str],
    X: np.ndarray,
    Y: np.ndarray,
    methods: dict[str, Callable[[], object]],
    budgets: Sequence[int] = (0, 5, 10, 20, 50),
) -> list[CurvePoint]:
    """``methods``: name -> factory of an object with ``fit(texts, X, Y)``/``predict``;
    the one named "qualcode" also orders the review queue."""
    pool, test = split(len(texts))
    t_texts = [texts[i] for i in test]
    points = []
    for k in budgets:
        chosen = simulate_coder(texts, X, Y, pool, k, methods["qualcode"])
        labelled = [texts[i] for i in chosen]
        point = CurvePoint(k, len(chosen), float((Y[chosen] == 1).sum(axis=0).mean()))
        for name, make in methods.items():
            model = make().fit(labelled, X[chosen], Y[chosen])  # type: ignore[attr-defined]
            pred = model.predict(t_texts, X[test])
            point.macro_f1[name] = float(f1_score(Y[test], pred, average="macro", zero_division=0))
            point.per_code_f1[name] = list(f1_score(Y[test], pred, average=None, zero_division=0))
            point.recall[name] = float(
                recall_score(Y[test], pred, average="macro", zero_division=0)
            )
            point.kappa[name] = float(
                np.mean([kappa(Y[test][:, j], pred[:, j]) for j in range(Y.shape[1])])
            )
            if name == "qualcode":
                prob = model.probabilities(t_texts, X[test])
                point.ece = expected_calibration_error(prob, Y[test])
        points.append(point)
    return points


def simulate_coder(
    texts: Sequence[str],
    X: np.ndarray,
    Y: np.ndarray,
    pool: np.ndarray,
    k: int,
    make_qualcode: Callable[[], object],
) -> list[int]:
    """Pool rows the coder decides, in qualcode's review order, until each code has ``k``
    positive labels or the pool is used up."""
    chosen: list[int] = []
    while k > 0 and len(chosen) < len(pool):
        if chosen and (Y[chosen] == 1).sum(axis=0).min() >= k:
            break
        rest = np.array([i for i in pool if i not in set(chosen)])
        model = make_qualcode().fit(  # type: ignore[attr-defined]
            [texts[i] for i in chosen], X[chosen], Y[chosen]
        )
        raw = model.model_.raw_scores([texts[i] for i in rest], X[rest])
        n_pos = (Y[chosen] == 1).sum(axis=0) if chosen else np.zeros(Y.shape[1])
        needy = n_pos < k  # only codes still short of k
        scores = np.where(needy, raw, 0.0)
        picks = review_order(scores, model.model_.thresholds_, n_pos, X[rest], BATCH)
        chosen += [int(rest[p]) for p in picks]
    return chosen
