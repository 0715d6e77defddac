"""Learning curves from a simulated coder, for qualcode and its peers in one run.

For each seed the labelled set is split into a review pool and a test half.  The
simulated coder works through the pool in qualcode's review order
(``coding.order.review_order``) in batches, answering from the gold labels.  It labels a
code only until that code has ``k`` positive labels: after that the code is left
undecided (``UNKNOWN``) on the segments it decides later, as a coder with a per-code
budget would.  So 5, 10 and 20 labels per code are really different, and "reached" in
the report says where the pool ran out first.  Every method is then trained on exactly
those labels and scored on the test half (``metrics.measure``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from qualcode.coding.evaluate.metrics import measure, per_code_f1
from qualcode.coding.learn import UNKNOWN, expected_calibration_error
from qualcode.coding.order import review_order

BATCH = 10  # segments per review batch; a hundredth of the pool for larger pools
Method = Callable[[], object]


@dataclass
class EvalSet:
    """A labelled set, embedded: texts, vectors, gold (n, n_codes) and optionally a
    second human coder's labels and each text's neighbours' vectors (context)."""

    texts: list[str]
    X: np.ndarray
    Y: np.ndarray
    second: np.ndarray | None = None
    context: np.ndarray | None = None


@dataclass
class CurvePoint:
    budget: int  # target positive labels per code
    seed: int
    labelled: int  # segments the simulated coder decided
    mean_positives: float  # positive labels per code actually reached
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # method -> measures
    per_code_f1: dict[str, list[float]] = field(default_factory=dict)
    ece: float | None = None  # qualcode's calibration on the test half


def split(n: int, seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return np.sort(order[: n // 2]), np.sort(order[n // 2 :])


def run_curves(
    data: EvalSet,
    methods: dict[str, Method],
    budgets: Sequence[int] = (0, 5, 10, 20),
    seeds: Sequence[int] = (13,),
) -> list[CurvePoint]:
    """``methods``: name -> factory of an object with ``fit(texts, X, Y, context=…)`` and
    ``predict(texts, X, context=…)``; the one named "qualcode" orders the review queue."""
    return [point(data, methods, k, seed) for seed in seeds for k in budgets]


def point(data: EvalSet, methods: dict[str, Method], k: int, seed: int) -> CurvePoint:
    pool, test = split(len(data.texts), seed)
    rows, labels = simulate_coder(data, pool, k, methods["qualcode"])
    out = CurvePoint(k, seed, len(rows), float((labels == 1).sum(axis=0).mean()))
    t_texts = [data.texts[i] for i in test]
    for name, make in methods.items():
        model = make().fit(  # type: ignore[attr-defined]
            [data.texts[i] for i in rows], data.X[rows], labels, context=_ctx(data, rows)
        )
        pred = model.predict(t_texts, data.X[test], context=_ctx(data, test))
        out.scores[name] = measure(data.Y[test], pred)
        out.per_code_f1[name] = per_code_f1(data.Y[test], pred)
        if name == "qualcode":
            prob = model.probabilities(t_texts, data.X[test], context=_ctx(data, test))
            out.ece = expected_calibration_error(prob, data.Y[test])
    return out


def human_scores(data: EvalSet) -> tuple[dict[str, float], int] | None:
    """The second human coder against the gold on every text both coded (often a sample
    too small to split): the ceiling.  Returns the measures and the number of texts."""
    if data.second is None:
        return None
    both = (data.second != UNKNOWN).all(axis=1)
    if not both.any():
        return None
    return measure(data.Y[both], data.second[both]), int(both.sum())


def simulate_coder(
    data: EvalSet, pool: np.ndarray, k: int, make_qualcode: Method
) -> tuple[np.ndarray, np.ndarray]:
    """The pool rows the coder decides, in qualcode's review order, and their labels:
    gold for each code until it has ``k`` positives, ``UNKNOWN`` after."""
    n_codes = data.Y.shape[1]
    rows: list[int] = []
    labels = np.zeros((0, n_codes), dtype=np.int8)
    while k > 0 and len(rows) < len(pool):
        n_pos = (labels == 1).sum(axis=0)
        if n_pos.min() >= k:
            break
        picks = _next_batch(data, pool, rows, labels, n_pos < k, make_qualcode)
        for i in picks:
            labels = np.vstack([labels, _answer(data.Y[i], (labels == 1).sum(axis=0), k)])
            rows.append(i)
    return np.array(rows, dtype=int), labels


def _answer(gold: np.ndarray, n_pos: np.ndarray, k: int) -> np.ndarray:
    """The coder's labels for one segment: the gold where the code still needs labels."""
    return np.where(n_pos < k, gold, UNKNOWN).astype(np.int8)[None, :]


def _next_batch(
    data: EvalSet,
    pool: np.ndarray,
    rows: list[int],
    labels: np.ndarray,
    needy: np.ndarray,
    make_qualcode: Method,
) -> list[int]:
    taken = set(rows)
    rest = np.array([i for i in pool if i not in taken])
    model = make_qualcode().fit(  # type: ignore[attr-defined]
        [data.texts[i] for i in rows], data.X[rows], labels, context=_ctx(data, rows)
    )
    rest_texts = [data.texts[i] for i in rest]
    raw = model.model_.raw_scores(rest_texts, data.X[rest], context=_ctx(data, rest))
    scores = np.where(needy, raw, 0.0)  # only codes still short of k
    n_pos = (labels == 1).sum(axis=0)
    batch = max(BATCH, len(pool) // 100)
    picks = review_order(scores, model.model_.thresholds_, n_pos, data.X[rest], batch)
    return [int(rest[p]) for p in picks]


def _ctx(data: EvalSet, rows: Sequence[int] | np.ndarray) -> np.ndarray | None:
    return None if data.context is None else data.context[np.asarray(rows, dtype=int)]
