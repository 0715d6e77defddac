"""Themes by content, not by language.  A multilingual model still places a Russian turn
a little nearer other Russian turns than their English translations, so clustering finds
"the Russian topic".  Subtracting each language's mean vector (and adding back the mean
of all) removes that shared offset before topics are fitted or assigned."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MIN_SEGMENTS = 10  # a language with fewer segments keeps its vectors as they are
UNCENTRED = frozenset({"", "und"})


def centre_by_language(vectors: np.ndarray, languages: Sequence[str]) -> np.ndarray:
    """Unit vectors with each language's own mean offset removed; unchanged when the
    segments are all in one language."""
    if len(vectors) == 0:
        return vectors
    codes = np.asarray(languages)
    groups = [c for c in set(languages) - UNCENTRED if (codes == c).sum() >= MIN_SEGMENTS]
    if len(groups) < 2:
        return vectors
    overall = vectors.mean(axis=0)
    out = np.array(vectors, dtype=np.float32, copy=True)
    for code in groups:
        rows = codes == code
        out[rows] += overall - vectors[rows].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)
