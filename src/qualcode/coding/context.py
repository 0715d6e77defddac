"""The context a coder sees around a segment: the turns just before and after it.

Codes that a story carries across paragraphs are lost when each segment is judged alone;
the learner (``learn.LearningSuggester``) scores the neighbours too, and its stacker learns
from the coders' labels how much a neighbour's code says about the segment itself.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np


def neighbour_mean(groups: Sequence[Hashable | None], vectors: np.ndarray) -> np.ndarray:
    """Per row, the mean vector of the rows just before and after it in the same group
    (transcript), rows being in reading order; a row with no such neighbour (or no group)
    gets its own vector."""
    out = vectors.copy()
    n = len(groups)
    for i, group in enumerate(groups):
        near = [
            j for j in (i - 1, i + 1) if 0 <= j < n and group is not None and groups[j] == group
        ]
        if near:
            out[i] = vectors[near].mean(axis=0)
    return out
