"""Active learning: the order in which a coder should review segments so that the first
decisions teach the model the most.

A segment ranks high when some code's score sits near that code's threshold (the model
is unsure), when that code has few labels yet, and when it is unlike the segments
already chosen (greedy maximal marginal relevance on the embeddings).
"""

from __future__ import annotations

import numpy as np


def review_order(
    scores: np.ndarray,
    thresholds: np.ndarray,
    n_labels: np.ndarray,
    vectors: np.ndarray,
    n: int,
    *,
    diversity: float = 0.3,
) -> list[int]:
    """Indices of the ``n`` rows to review first, best first."""
    closeness = 1.0 - np.minimum(np.abs(scores - thresholds) / 0.5, 1.0)  # 1 at the threshold
    rarity = 1.0 / np.sqrt(1.0 + n_labels)  # codes with few labels count more
    value = (closeness * rarity).max(axis=1)
    chosen: list[int] = []
    max_sim = np.zeros(len(scores))
    for _ in range(min(n, len(scores))):
        gain = (1 - diversity) * value - diversity * max_sim
        gain[chosen] = -np.inf
        best = int(np.argmax(gain))
        chosen.append(best)
        max_sim = np.maximum(max_sim, vectors @ vectors[best])
    return chosen
