"""The suggest stage: segments -> suggested codes with scores (zero-shot, multi-label).

``Suggester`` is the interface a learner can replace (``learn.LearningSuggester`` does).
``ZeroShotSuggester`` scores each segment against each code from its parts, embedded
separately rather than as one blended string:
  * the definition and inclusion note, whole and sentence by sentence (the nearest
    sentence counts half, and is quoted as evidence),
  * the example quotes (the nearest one counts),
  * the keywords, found by ``keywords.KeywordMatcher`` (spaCy, stems: inflections match),
  * the exclusion note: where it sends a case to another code ("use domestic_violence")
    and that code scores higher on the segment, this code's score is pulled down.
A segment may get several codes or none.  Follows scikit-learn's conventions: ``__init__``
stores settings, ``fit`` returns ``self``, learned attributes end in ``_``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from qualcode.coding.keywords import KeywordMatcher
from qualcode.embed.encoder import Embedder
from qualcode.records import Codebook, Suggestion

_SENTENCE = re.compile(r"(?<=[.;!?])\s+")


class Suggester(Protocol):
    def fit(self, codebook: Codebook) -> Suggester: ...

    def suggest(
        self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray
    ) -> list[Suggestion]: ...


def sentences(text: str, min_chars: int = 15) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) >= min_chars]


def referenced_codes(codebook: Codebook) -> list[list[int]]:
    """Per code, the other codes its exclusion note sends cases to (by id)."""
    ids = [c.id for c in codebook.codes]
    return [
        [k for k, other in enumerate(ids) if k != j and re.search(rf"\b{other}\b", c.exclusion)]
        for j, c in enumerate(codebook.codes)
    ]


def _grouped(embedder: Embedder, groups: list[list[str]]) -> list[np.ndarray]:
    flat = [t for g in groups for t in g]
    vecs = embedder.encode(flat) if flat else np.zeros((0, 1), np.float32)
    bounds = np.cumsum([0] + [len(g) for g in groups])
    return [vecs[a:b] for a, b in itertools.pairwise(bounds)]


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
        w_exclusion: float = 0.25,
        keyword_language: str = "english",
    ) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.top_k = top_k
        self.w_example = w_example
        self.w_definition = w_definition
        self.w_keyword = w_keyword
        self.w_exclusion = w_exclusion
        self.keyword_language = keyword_language

    def fit(self, codebook: Codebook) -> ZeroShotSuggester:
        codes = codebook.codes
        self.codebook_ = codebook
        self.code_ids_ = [c.id for c in codes]
        self.definitions_ = self.embedder.encode(
            [f"{c.label}. {c.definition} {c.inclusion}".strip() for c in codes]
        )
        self.definition_sentences_ = [sentences(f"{c.definition} {c.inclusion}") for c in codes]
        self.sentence_vectors_ = _grouped(self.embedder, self.definition_sentences_)
        self.examples_ = [list(c.examples) for c in codes]
        self.example_vectors_ = _grouped(self.embedder, self.examples_)
        self.keywords_ = KeywordMatcher([c.keywords for c in codes], self.keyword_language)
        self.excluded_to_ = referenced_codes(codebook)
        return self

    def scores(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """(n_segments, n_codes) scores in [0, 1]."""
        out = np.zeros((len(texts), len(self.code_ids_)), dtype=np.float64)
        hits = self.keyword_hits(texts)
        for j in range(len(self.code_ids_)):
            out[:, j] = (
                self.w_example * _nearest(vectors, self.example_vectors_[j], self.definitions_[j])
                + self.w_definition * self._definition_similarity(j, vectors)
                + self.w_keyword * hits[:, j]
            )
        return np.clip(out - self.w_exclusion * self._exclusion_pull(out), 0.0, 1.0)

    def keyword_hits(self, texts: Sequence[str]) -> np.ndarray:
        """(n, n_codes) 1.0 where one of the code's keywords occurs in the text."""
        return np.array(
            [[1.0 if h else 0.0 for h in self.keywords_.hits(t)] for t in texts],
            dtype=np.float64,
        ).reshape(len(texts), len(self.code_ids_))

    def _definition_similarity(self, j: int, vectors: np.ndarray) -> np.ndarray:
        whole = vectors @ self.definitions_[j]
        return 0.5 * whole + 0.5 * _nearest(
            vectors, self.sentence_vectors_[j], self.definitions_[j]
        )

    def _exclusion_pull(self, scores: np.ndarray) -> np.ndarray:
        """How far a code the exclusion note points to outscores this one (0 if not)."""
        pull = np.zeros_like(scores)
        for j, others in enumerate(self.excluded_to_):
            if others:
                pull[:, j] = np.maximum(0.0, scores[:, others].max(axis=1) - scores[:, j])
        return pull

    def suggest(
        self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray
    ) -> list[Suggestion]:
        scores = self.scores(texts, vectors)
        out: list[Suggestion] = []
        for row, seg_id in enumerate(ids):
            for j in np.argsort(-scores[row], kind="stable")[: self.top_k]:
                if scores[row, j] >= self.threshold:
                    evidence = self.evidence(j, texts[row], vectors[row])
                    out.append(
                        Suggestion(
                            int(seg_id),
                            self.code_ids_[j],
                            round(float(scores[row, j]), 4),
                            evidence,
                        )
                    )
        return out

    def evidence(self, j: int, text: str, vector: np.ndarray) -> tuple[str, ...]:
        """Why code ``j`` fits: the nearest example quote and definition sentence, and the
        keywords found."""
        evidence = []
        for label, items, vecs in (
            ("like example", self.examples_[j], self.example_vectors_[j]),
            ("definition", self.definition_sentences_[j], self.sentence_vectors_[j]),
        ):
            if len(items):
                evidence.append(f"{label}: {items[int(np.argmax(vecs @ vector))]}")
        found = self.keywords_.hits(text)[j]
        if found:
            evidence.append("keywords: " + ", ".join(sorted(found)))
        return tuple(evidence)


def _nearest(vectors: np.ndarray, candidates: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """Each vector's highest similarity among ``candidates`` (``fallback`` if none)."""
    if len(candidates) == 0:
        return vectors @ fallback
    return (vectors @ candidates.T).max(axis=1)
