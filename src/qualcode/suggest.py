"""The suggest stage: segments -> suggested codes with scores (zero-shot, multi-label).

``Suggester`` is the interface a learner can replace (issue: suggestions that learn).
``ZeroShotSuggester`` scores each segment against each code from three parts, embedded
separately rather than as one blended string:
  * the definition (and inclusion note),
  * the example quotes (the nearest one counts),
  * the keywords (a whole-word, prefix-inflected match in the segment's text).
A segment may get several codes or none.  Follows scikit-learn's conventions: ``__init__``
stores settings, ``fit`` returns ``self``, learned attributes end in ``_``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from qualcode.embed import Embedder
from qualcode.models import Codebook, Suggestion


class Suggester(Protocol):
    def fit(self, codebook: Codebook) -> Suggester: ...

    def suggest(
        self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray
    ) -> list[Suggestion]: ...


def keyword_pattern(keywords: Sequence[str]) -> re.Pattern[str] | None:
    """Whole words, allowing short inflections: 'migrant' matches 'migrants'."""
    words = [re.escape(k.strip()) for k in keywords if k.strip()]
    if not words:
        return None
    alternation = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?:s|es|ed|ing|'s)?(?!\w)", re.IGNORECASE)


class ZeroShotSuggester:
    def __init__(
        self,
        embedder: Embedder,
        *,
        threshold: float = 0.45,
        top_k: int = 3,
        w_example: float = 0.5,
        w_definition: float = 0.3,
        w_keyword: float = 0.25,
    ) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.top_k = top_k
        self.w_example = w_example
        self.w_definition = w_definition
        self.w_keyword = w_keyword

    def fit(self, codebook: Codebook) -> ZeroShotSuggester:
        codes = codebook.codes
        self.code_ids_ = [c.id for c in codes]
        self.definitions_ = self.embedder.encode(
            [f"{c.label}. {c.definition} {c.inclusion}".strip() for c in codes]
        )
        self.examples_ = [list(c.examples) for c in codes]
        flat = [e for ex in self.examples_ for e in ex]
        flat_vecs = self.embedder.encode(flat) if flat else np.zeros((0, 1), np.float32)
        bounds = np.cumsum([0] + [len(ex) for ex in self.examples_])
        self.example_vectors_ = [flat_vecs[a:b] for a, b in itertools.pairwise(bounds)]
        self.keyword_patterns_ = [keyword_pattern(c.keywords) for c in codes]
        return self

    def scores(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """(n_segments, n_codes) scores in [0, 1]."""
        out = np.zeros((len(texts), len(self.code_ids_)), dtype=np.float64)
        for j in range(len(self.code_ids_)):
            sim_def = vectors @ self.definitions_[j]
            ex = self.example_vectors_[j]
            sim_ex = (vectors @ ex.T).max(axis=1) if len(ex) else sim_def
            kw = self._keyword_hits(j, texts)
            out[:, j] = self.w_example * sim_ex + self.w_definition * sim_def + self.w_keyword * kw
        return np.clip(out, 0.0, 1.0)

    def _keyword_hits(self, j: int, texts: Sequence[str]) -> np.ndarray:
        rx = self.keyword_patterns_[j]
        if rx is None:
            return np.zeros(len(texts))
        return np.array([1.0 if rx.search(t) else 0.0 for t in texts])

    def suggest(
        self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray
    ) -> list[Suggestion]:
        scores = self.scores(texts, vectors)
        out: list[Suggestion] = []
        for row, seg_id in enumerate(ids):
            ranked = np.argsort(-scores[row], kind="stable")[: self.top_k]
            for j in ranked:
                if scores[row, j] >= self.threshold:
                    out.append(
                        Suggestion(
                            int(seg_id),
                            self.code_ids_[j],
                            round(float(scores[row, j]), 4),
                            self.evidence(j, texts[row], vectors[row]),
                        )
                    )
        return out

    def evidence(self, j: int, text: str, vector: np.ndarray) -> tuple[str, ...]:
        evidence = []
        ex = self.example_vectors_[j]
        if len(ex):
            best = int(np.argmax(ex @ vector))
            evidence.append(f"like example: {self.examples_[j][best]}")
        rx = self.keyword_patterns_[j]
        if rx is not None:
            hits = sorted({m.group(0).lower() for m in rx.finditer(text)})
            if hits:
                evidence.append("keywords: " + ", ".join(hits))
        return tuple(evidence)
