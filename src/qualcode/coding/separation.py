"""The numbers codebook diagnostics (``diagnose``) read off a fitted zero-shot suggester:
how alike the codes' descriptions are, and, over a corpus, how each code's scores spread
and how far two codes' scores move together.

Every figure is relative to something measured here, never to one tuned data set: code
similarities are put on the reference scale (``embed.scale``), a code's spread is counted
in the model's own spread between unrelated sentences, and ``robust_z`` places one value
among its peers (the codebook's other pairs or codes).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.embed.scale import similarity_scale, to_reference

TOP_SHARE = 0.05  # a code's top-scoring segments: its best 5% ...
MIN_TOP = 3  # ... and at least three
EXCERPT_CHARS = 200


@dataclass(frozen=True)
class CorpusScores:
    """What the fitted suggester, calibrated to the corpus, makes of it."""

    ids: tuple[int, ...]
    texts: tuple[str, ...]
    scores: np.ndarray  # (n, n_codes) calibrated scores in [0, 1]
    similarity: np.ndarray  # (n, n_codes) weighted cosine, before calibration
    picked: np.ndarray  # (n, n_codes) True where the code would be suggested

    @property
    def size(self) -> int:
        return len(self.ids)


def corpus_scores(
    model: ZeroShotSuggester, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray
) -> CorpusScores:
    """Calibrate the fitted ``model`` to the corpus and score every segment."""
    model.calibrate_to(texts, vectors)
    scores = model.scores(texts, vectors)
    similar = model.similarity(vectors)
    return CorpusScores(tuple(ids), tuple(texts), scores, similar, model.picked(scores))


def description_similarity(model: ZeroShotSuggester) -> np.ndarray:
    """(n_codes, n_codes) similarity of the codes' embedded descriptions, on the reference
    scale: the cosine of their label + definition + inclusion, averaged with the
    suggester's weights with the cosine of their example centroids where both codes have
    examples."""
    definitions = _unit(np.asarray(model.definitions_, dtype=np.float64))
    similar = definitions @ definitions.T
    centroids, has_examples = _example_centroids(model, definitions.shape[1])
    w_ex, w_def = model.w_example, model.w_definition
    mixed = (w_def * similar + w_ex * (centroids @ centroids.T)) / (w_def + w_ex)
    similar = np.where(np.outer(has_examples, has_examples), mixed, similar)
    return to_reference(similar, similarity_scale(model.embedder, model.language_, model.language_))


def _example_centroids(model: ZeroShotSuggester, dim: int) -> tuple[np.ndarray, np.ndarray]:
    vectors = model.example_vectors_
    rows = [v.mean(axis=0) if len(v) else np.zeros(dim) for v in vectors]
    return _unit(np.asarray(rows, dtype=np.float64)), np.array([len(v) > 0 for v in vectors])


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def score_correlation(scores: np.ndarray) -> np.ndarray:
    """(n_codes, n_codes) Pearson correlation of the codes' score columns; 0 for a code
    whose scores never change."""
    centred = scores - scores.mean(axis=0)
    norms = np.linalg.norm(centred, axis=0)
    unit = centred / np.where(norms > 0, norms, 1.0)
    return np.asarray(unit.T @ unit)


def top_count(n_segments: int) -> int:
    return min(n_segments, max(MIN_TOP, math.ceil(TOP_SHARE * n_segments)))


def top_members(scores: np.ndarray) -> np.ndarray:
    """(n, n_codes) True for each code's top-scoring segments (a zero score never counts)."""
    top = np.argsort(-scores, axis=0, kind="stable")[: top_count(len(scores))]
    member = np.zeros(scores.shape, dtype=bool)
    np.put_along_axis(member, top, True, axis=0)
    return member & (scores > 0)


def top_overlap(scores: np.ndarray) -> np.ndarray:
    """(n_codes, n_codes) share of one code's top-scoring segments that are the other's."""
    member = top_members(scores).astype(np.float64)
    return np.asarray(member.T @ member) / max(top_count(len(scores)), 1)


def standout(model: ZeroShotSuggester, similarity: np.ndarray) -> np.ndarray:
    """Per code: how far its top-scoring segments' similarity stands above its median
    segment's, in units of the model's spread between unrelated sentences.  Near 0:
    nothing in the corpus stands out for the code."""
    top = -np.sort(-similarity, axis=0)[: top_count(len(similarity))].mean(axis=0)
    spread = similarity_scale(model.embedder, model.language_, model.language_).spread
    return np.asarray((top - np.median(similarity, axis=0)) / spread)


def robust_z(values: np.ndarray) -> np.ndarray:
    """Each value's distance from the median in robust standard deviations (1.4826 x
    MAD); 0 throughout when there are too few values to have a spread."""
    if len(values) < 3:
        return np.zeros_like(values, dtype=np.float64)
    median = np.median(values)
    spread = 1.4826 * np.median(np.abs(values - median))
    return np.asarray((values - median) / max(float(spread), 1e-9))


def upper_pairs(n: int) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in zip(*np.triu_indices(n, 1), strict=True)]


def pair_values(matrix: np.ndarray) -> np.ndarray:
    """The matrix's values over ``upper_pairs`` (each unordered pair once)."""
    return np.asarray(matrix[np.triu_indices(len(matrix), 1)])


def shared_segments(
    corpus: CorpusScores, a: int, b: int, limit: int = 3
) -> list[dict[str, object]]:
    """The segments scoring highest for both codes ``a`` and ``b`` (by the lower score)."""
    both = np.minimum(corpus.scores[:, a], corpus.scores[:, b])
    rows = [int(r) for r in np.argsort(-both, kind="stable")[:limit] if both[r] > 0]
    return [
        {
            "segment_id": corpus.ids[r],
            "text": excerpt(corpus.texts[r]),
            "scores": [round(float(corpus.scores[r, a]), 3), round(float(corpus.scores[r, b]), 3)],
        }
        for r in rows
    ]


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
