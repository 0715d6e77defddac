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
A segment may get several codes or none: the threshold decides, with no fixed cap
(``top_k`` sets one if a project wants it).  Follows scikit-learn's conventions: ``__init__``
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
from qualcode.embed.scale import similarity_scale, to_reference
from qualcode.languages import detect
from qualcode.records import Code, Codebook, CodeText, Suggestion

_SENTENCE = re.compile(r"(?<=[.;!?])\s+")
Z_STEP = 0.1  # score per robust standard deviation, in the relative mode


class Suggester(Protocol):
    def fit(self, codebook: Codebook) -> Suggester: ...

    def suggest(
        self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray
    ) -> list[Suggestion]: ...


def sentences(text: str, min_chars: int = 15) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) >= min_chars]


def code_texts(code: Code) -> list[Code | CodeText]:
    """The code's own texts, then its translations."""
    return [code, *code.translations]


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
        top_k: int | None = None,
        w_example: float = 0.5,
        w_definition: float = 0.3,
        w_keyword: float = 0.25,
        w_exclusion: float = 0.25,
        keyword_language: str = "auto",
        min_population: int = 30,
        z_cut: float = 2.0,
        keyword_z: float = 1.5,
        best_z: float = 1.0,
    ) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.top_k = top_k
        self.w_example = w_example
        self.w_definition = w_definition
        self.w_keyword = w_keyword
        self.w_exclusion = w_exclusion
        self.keyword_language = keyword_language
        self.min_population = min_population
        self.z_cut = z_cut
        self.keyword_z = keyword_z
        self.best_z = best_z

    def fit(self, codebook: Codebook) -> ZeroShotSuggester:
        """Embed every part of every code, in every language the codebook gives it."""
        codes = codebook.codes
        self.codebook_ = codebook
        self.code_ids_ = [c.id for c in codes]
        self.definitions_ = self.embedder.encode(
            [f"{c.label}. {c.definition} {c.inclusion}".strip() for c in codes]
        )
        self.definition_sentences_ = [
            [s for t in code_texts(c) for s in sentences(f"{t.definition} {t.inclusion}")]
            for c in codes
        ]
        self.sentence_vectors_ = _grouped(self.embedder, self.definition_sentences_)
        self.examples_ = [[e for t in code_texts(c) for e in t.examples] for c in codes]
        self.example_vectors_ = _grouped(self.embedder, self.examples_)
        keywords = [[k for t in code_texts(c) for k in t.keywords] for c in codes]
        self.keywords_ = KeywordMatcher(keywords, self.keyword_language)
        self.excluded_to_ = referenced_codes(codebook)
        self.language_ = detect(" ".join(c.definition for c in codes))
        self.keyword_languages_ = frozenset(
            {self.language_} | {t.language for c in codes for t in c.translations if t.keywords}
        )
        self.population_: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        return self

    def calibrate_to(self, texts: Sequence[str], vectors: np.ndarray) -> ZeroShotSuggester:
        """Learn, per language, the project's own distribution of each code's similarity
        (median and robust spread over all its segments), so that any subset of them is
        later scored against the same yardstick.  Call after ``fit``; uses no labels."""
        languages = [detect(t) for t in texts]
        similar = self.similarity(vectors) if len(texts) else np.zeros((0, 0))
        for language in sorted(set(languages)):
            rows = np.array([i for i, lang in enumerate(languages) if lang == language])
            if len(rows) >= self.min_population:
                self.population_[language] = _robust(similar[rows], self._floor(language))
        return self

    def scores(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """(n_segments, n_codes) scores in [0, 1], compared per language of the texts.

        With enough texts of one language (``min_population``), a code's score is relative
        to the project's own distribution: how many robust standard deviations a text's
        similarity to the code stands above the median text's, plus ``keyword_z`` for a
        keyword found; ``z_cut`` of them scores ``threshold``.  With fewer texts the
        similarity is put on the reference scale (``embed.scale``) and read as it is."""
        out = np.zeros((len(texts), len(self.code_ids_)), dtype=np.float64)
        if not len(texts):
            return out
        hits = self.keyword_hits(texts)
        similar = self.similarity(vectors)
        languages = [detect(t) for t in texts]
        for language in sorted(set(languages)):
            rows = np.array([i for i, lang in enumerate(languages) if lang == language])
            stats = self.population_.get(language)
            if stats is None and len(rows) >= self.min_population:
                stats = _robust(similar[rows], self._floor(language))
            if stats is not None:
                out[rows] = self._relative(similar[rows], hits[rows], stats)
            else:
                out[rows] = self._absolute(similar[rows], hits[rows], language)
        return np.clip(out - self.w_exclusion * self._exclusion_pull(out), 0.0, 1.0)

    def _relative(
        self, similar: np.ndarray, hits: np.ndarray, stats: tuple[np.ndarray, np.ndarray]
    ) -> np.ndarray:
        median, spread = stats
        z = (similar - median) / spread + self.keyword_z * hits
        return self.threshold + (z - self.z_cut) * Z_STEP

    def _floor(self, language: str) -> float:
        """The least spread a code's similarities may have: half the model's spread on
        unrelated sentences, so near-identical segments do not blow up the z-scores."""
        return 0.5 * similarity_scale(self.embedder, language, self.language_).spread

    def _absolute(self, similar: np.ndarray, hits: np.ndarray, language: str) -> np.ndarray:
        w_sim = self.w_example + self.w_definition
        scale = similarity_scale(self.embedder, language, self.language_)
        out = w_sim * to_reference(similar, scale) + self.w_keyword * hits
        return out if self._keywords_apply(language) else out * (w_sim + self.w_keyword) / w_sim

    def similarity(self, vectors: np.ndarray) -> np.ndarray:
        """(n, n_codes) weighted cosine with each code's examples and definition, before
        any calibration."""
        w_sim = self.w_example + self.w_definition
        return np.column_stack(
            [
                (
                    self.w_example
                    * _nearest(vectors, self.example_vectors_[j], self.definitions_[j])
                    + self.w_definition * self._definition_similarity(j, vectors)
                )
                / w_sim
                for j in range(len(self.code_ids_))
            ]
        )

    def _keywords_apply(self, language: str) -> bool:
        """Whether a missing keyword says something: the codebook has keywords in the
        text's language, or the model cannot read that language anyway."""
        covered = getattr(self.embedder, "languages", None)
        readable = covered is None or language in covered
        return language in self.keyword_languages_ or language in ("mixed", "und") or not readable

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
        picked = self.picked(scores)
        out: list[Suggestion] = []
        for row, seg_id in enumerate(ids):
            for j in np.argsort(-scores[row], kind="stable")[: self.top_k or None]:
                if picked[row, j]:
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

    def picked(self, scores: np.ndarray) -> np.ndarray:
        """(n, n_codes) True where ``suggest`` would suggest the code: among the segment's
        ``top_k`` scores (when a cap is set), and at least ``threshold``; or the segment's
        best code, when it stands ``best_z`` robust deviations above that code's median
        (a code defined in one line rarely reaches ``z_cut``, yet the segments that most
        resemble it should still surface)."""
        top = np.argsort(-scores, axis=1, kind="stable")[:, : self.top_k or None]
        mask = np.zeros(scores.shape, dtype=bool)
        np.put_along_axis(mask, top, True, axis=1)
        best = np.zeros(scores.shape, dtype=bool)
        if scores.shape[1]:
            np.put_along_axis(best, scores.argmax(axis=1)[:, None], True, axis=1)
        floor = self.threshold - (self.z_cut - self.best_z) * Z_STEP
        return mask & ((scores >= self.threshold) | (best & (scores >= floor)))

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


def _robust(similar: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """Per column: the median and the robust standard deviation (1.4826 x MAD), at least
    ``floor``."""
    median = np.median(similar, axis=0)
    return median, np.maximum(np.median(np.abs(similar - median), axis=0) * 1.4826, floor)


def _nearest(vectors: np.ndarray, candidates: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """Each vector's highest similarity among ``candidates`` (``fallback`` if none)."""
    if len(candidates) == 0:
        return vectors @ fallback
    return (vectors @ candidates.T).max(axis=1)
