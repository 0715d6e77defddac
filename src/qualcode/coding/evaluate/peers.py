"""The peers a user could pick instead of qualcode, each as ``fit(texts, X, Y) / predict``:

- ``KeywordDictionary``: a code applies when one of its keywords occurs, stemmed
  (NVivo's and MAXQDA's text-search autocoding, with NVivo's "stemmed words"); learns
  nothing.
- ``TfidfLogReg``: TF-IDF features and one logistic regression per code.
- ``EmbeddingLogReg``: the same frozen embeddings qualcode uses, logistic regression.
- ``QualcodeMethod``: ``learn.LearningSuggester`` (codebook-taught classifiers stacked
  with zero-shot and context); its ``use_*`` switches give the ablation.

Every method takes ``context`` (neighbouring turns' vectors) in ``fit`` and ``predict``;
only qualcode uses it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qualcode.coding.keywords import KeywordMatcher
from qualcode.coding.learn import CodeClassifiers, LearningSuggester
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.records import Codebook

Context = np.ndarray | None


class KeywordDictionary:
    name = "keyword dictionary"

    def __init__(self, codebook: Codebook) -> None:
        self.matcher = KeywordMatcher([c.keywords for c in codebook.codes])

    def fit(
        self, texts: Sequence[str], X: np.ndarray, Y: np.ndarray, context: Context = None
    ) -> KeywordDictionary:
        return self

    def predict(self, texts: Sequence[str], X: np.ndarray, context: Context = None) -> np.ndarray:
        hits = [[1 if found else 0 for found in self.matcher.hits(t)] for t in texts]
        return np.array(hits, dtype=np.int8).reshape(len(texts), self.matcher.n_codes)


class TfidfLogReg:
    name = "TF-IDF + logistic regression"

    def fit(
        self, texts: Sequence[str], X: np.ndarray, Y: np.ndarray, context: Context = None
    ) -> TfidfLogReg:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.k_ = Y.shape[1]
        self.vectorizer_ = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
        F = self.vectorizer_.fit_transform(texts) if len(texts) else None
        self.clf_ = CodeClassifiers().fit(F, Y) if F is not None else None
        return self

    def predict(self, texts: Sequence[str], X: np.ndarray, context: Context = None) -> np.ndarray:
        if self.clf_ is None:
            return np.zeros((len(texts), self.k_), dtype=np.int8)
        p = self.clf_.predict_proba(self.vectorizer_.transform(texts))
        return (np.nan_to_num(p) >= 0.5).astype(np.int8)


class EmbeddingLogReg:
    name = "embeddings + logistic regression"

    def fit(
        self, texts: Sequence[str], X: np.ndarray, Y: np.ndarray, context: Context = None
    ) -> EmbeddingLogReg:
        self.k_ = Y.shape[1]
        self.clf_ = CodeClassifiers().fit(X, Y) if len(X) else None
        return self

    def predict(self, texts: Sequence[str], X: np.ndarray, context: Context = None) -> np.ndarray:
        if self.clf_ is None:
            return np.zeros((len(texts), self.k_), dtype=np.int8)
        return (np.nan_to_num(self.clf_.predict_proba(X)) >= 0.5).astype(np.int8)


class QualcodeMethod:
    name = "qualcode"

    def __init__(
        self,
        codebook: Codebook,
        zero_shot: ZeroShotSuggester,
        beta: float = 2.0,
        **switches: bool,
    ) -> None:
        self.codebook = codebook
        self.zero_shot = zero_shot  # shared, so the codebook is embedded once per run
        self.beta = beta
        self.switches = switches  # LearningSuggester's use_* settings

    def fit(
        self, texts: Sequence[str], X: np.ndarray, Y: np.ndarray, context: Context = None
    ) -> QualcodeMethod:
        learner = LearningSuggester(self.zero_shot, beta=self.beta, **self.switches)
        self.model_ = learner.fit(self.codebook, X, Y, texts, context=context)
        return self

    def predict(self, texts: Sequence[str], X: np.ndarray, context: Context = None) -> np.ndarray:
        return self.model_.predict(texts, X, context)

    def probabilities(
        self, texts: Sequence[str], X: np.ndarray, context: Context = None
    ) -> np.ndarray:
        return self.model_.scores(texts, X, context)
