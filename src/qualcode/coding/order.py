"""Active learning: the order in which a coder should review segments so that the first
decisions teach the model the most.

A segment ranks high when some code's score sits near that code's threshold (the model
is unsure), when that code has few labels yet, and when it is unlike the segments
already chosen (greedy maximal marginal relevance on the embeddings).

The greedy choice reads every candidate's similarity to each pick.  On a project of
40,000 segments that read the whole vector matrix twenty times per page, tens of
milliseconds per queue read.  So the live queue passes ``pool=POOL``: the choice runs
among the ``POOL`` most valuable candidates, as cluster-margin active learning draws its
diverse batch from the most uncertain examples (Citovsky et al., 2021), and a segment
outside them is never picked for being unlike the others alone.  With ``pool`` unset
(the evaluation harness), or no more candidates than it, the order is the plain
greedy's over all of them.
"""

from __future__ import annotations

import numpy as np

POOL = 1024  # the live queue's candidates for the greedy choice


def review_order(
    scores: np.ndarray,
    thresholds: np.ndarray,
    n_labels: np.ndarray,
    vectors: np.ndarray,
    n: int,
    *,
    diversity: float = 0.3,
    allowed: np.ndarray | None = None,
    pool: int | None = None,
) -> list[int]:
    """Indices of the ``n`` rows to review first, best first; ``allowed``: a boolean
    mask of the rows that may be chosen (default: all); ``pool``: choose among that many
    of the most valuable (default: among all)."""
    closeness = 1.0 - np.minimum(np.abs(scores - thresholds) / 0.5, 1.0)  # 1 at the threshold
    rarity = 1.0 / np.sqrt(1.0 + n_labels)  # codes with few labels count more
    value = (closeness * rarity).max(axis=1)
    ok = np.ones(len(value), dtype=bool) if allowed is None else np.asarray(allowed, dtype=bool)
    candidates = int(np.count_nonzero(ok))
    n = min(n, candidates)
    if pool is None or candidates <= pool:
        return _greedy(value, vectors, ok, n, diversity)
    top = np.argpartition(-np.where(ok, value, -np.inf), pool)[:pool]
    rows = np.sort(top)  # in row order, so that ties within it go as over all rows
    return [int(rows[p]) for p in _greedy(value[rows], vectors[rows], ok[rows], n, diversity)]


def _greedy(
    value: np.ndarray, vectors: np.ndarray, ok: np.ndarray, n: int, diversity: float
) -> list[int]:
    """Greedy maximal marginal relevance over the ``ok`` rows."""
    chosen: list[int] = []
    max_sim = np.zeros(len(value))
    for _ in range(n):
        gain = (1 - diversity) * value - diversity * max_sim
        gain[~ok] = -np.inf
        gain[chosen] = -np.inf
        best = int(np.argmax(gain))
        chosen.append(best)
        max_sim = np.maximum(max_sim, vectors @ vectors[best])
    return chosen
