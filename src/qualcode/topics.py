"""The topics stage: BERTopic over segment embeddings.

``TopicModeler`` is the interface; ``BERTopicModeler`` the default.  Defaults are tuned
for focus-group corpora (hundreds to tens of thousands of segments):

* reduction by PCA rather than UMAP: UMAP's numba compilation costs seconds to tens of
  seconds per process here, while PCA is deterministic and instant at these sizes
  (benchmarks/bench_topics.py); ``reducer="umap"`` remains available;
* clustering by KMeans with k = sqrt(n / 5) (or a set ``n_topics``): on the demo corpus
  HDBSCAN put most segments into one cluster while KMeans gave readable themes;
  ``clusterer="hdbscan"`` remains available;
* segments under ``min_words`` words ("Yes.", "[laughter]") are left out of the fit and
  get topic -1; bracketed notes and pseudonyms are removed from the topic-word text, and
  English stop words plus transcript fillers never become topic words.

The random state is fixed, so the same input gives the same topics.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from qualcode.errors import ConfigError
from qualcode.models import Topic

REDUCERS = ("pca", "umap")
CLUSTERERS = ("kmeans", "hdbscan")
FILLERS = frozenset(
    "um uh er eh mm hmm yes yeah yep ok okay right well like just really know say said "
    "says think thing things people come came let lets thank thanks opa aka dont didnt "
    "doesnt thats theres im ive youre isnt wasnt cant wont laughter crosstalk inaudible "
    "pause".split()
)
_NOTES = re.compile(r"\[[^\]]*\]")  # [laughter], [inaudible 00:14:02], [PERSON_1]
_TOKENS = r"(?u)\b[^\W\d_][^\W\d_'’]{2,}\b"  # words of 3+ letters, no digits


@dataclass(frozen=True)
class TopicResult:
    topics: tuple[Topic, ...]
    assignment: dict[int, int]  # segment id -> topic id (-1: not modelled / outlier)


class TopicModeler(Protocol):
    def fit(self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray) -> TopicResult: ...


def clean_for_words(text: str) -> str:
    """Text for topic words: bracketed notes and pseudonyms removed."""
    return _NOTES.sub(" ", text)


class BERTopicModeler:
    def __init__(
        self,
        *,
        n_topics: int = 0,
        clusterer: str = "kmeans",
        reducer: str = "pca",
        n_components: int = 20,
        min_topic_size: int = 8,
        min_words: int = 8,
        top_n_words: int = 8,
        n_representatives: int = 3,
        random_state: int = 42,
    ) -> None:
        if reducer not in REDUCERS:
            raise ConfigError(f"Unknown topic reducer '{reducer}'; use one of {REDUCERS}.")
        if clusterer not in CLUSTERERS:
            raise ConfigError(f"Unknown topic clusterer '{clusterer}'; use one of {CLUSTERERS}.")
        self.n_topics = n_topics
        self.clusterer = clusterer
        self.reducer = reducer
        self.n_components = n_components
        self.min_topic_size = min_topic_size
        self.min_words = min_words
        self.top_n_words = top_n_words
        self.n_representatives = n_representatives
        self.random_state = random_state

    def fit(self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray) -> TopicResult:
        assignment = {i: -1 for i in ids}
        cleaned = [clean_for_words(t) for t in texts]
        keep = [k for k, t in enumerate(cleaned) if len(t.split()) >= self.min_words]
        if len(keep) < max(2 * self.min_topic_size, self.n_components + 2):
            return TopicResult((), assignment)
        kept_ids = [ids[k] for k in keep]
        model = self._model(len(keep))
        labels, _ = model.fit_transform([cleaned[k] for k in keep], vectors[keep])
        assignment.update({i: int(t) for i, t in zip(kept_ids, labels, strict=True)})
        return TopicResult(self._topics(model, kept_ids, vectors[keep], labels), assignment)

    def _model(self, n: int) -> Any:
        from bertopic import BERTopic
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

        return BERTopic(
            umap_model=self._reducer(),
            hdbscan_model=self._clusterer(n),
            vectorizer_model=CountVectorizer(
                stop_words=sorted(ENGLISH_STOP_WORDS | FILLERS), token_pattern=_TOKENS
            ),
            top_n_words=self.top_n_words,
            calculate_probabilities=False,
        )

    def _clusterer(self, n: int) -> Any:
        if self.clusterer == "hdbscan":
            from hdbscan import HDBSCAN

            return HDBSCAN(min_cluster_size=self.min_topic_size, prediction_data=True)
        from sklearn.cluster import KMeans

        k = self.n_topics or max(2, min(40, round(math.sqrt(n / 5))))
        return KMeans(n_clusters=min(k, n), n_init=10, random_state=self.random_state)

    def _reducer(self) -> Any:
        if self.reducer == "umap":
            from umap import UMAP

            return UMAP(
                n_components=min(self.n_components, 10),
                n_neighbors=15,
                min_dist=0.0,
                metric="cosine",
                random_state=self.random_state,
            )
        from sklearn.decomposition import PCA

        return PCA(
            n_components=self.n_components, svd_solver="full", random_state=self.random_state
        )

    def _topics(
        self, model: Any, ids: Sequence[int], vectors: np.ndarray, labels: Sequence[int]
    ) -> tuple[Topic, ...]:
        label_arr = np.asarray(labels)
        out = []
        for topic_id in sorted(set(label_arr.tolist())):
            members = np.flatnonzero(label_arr == topic_id)
            words = tuple(w for w, _ in (model.get_topic(topic_id) or []) if w)
            out.append(
                Topic(
                    topic_id=topic_id,
                    label="_".join(words[:4]) if topic_id != -1 else "outliers",
                    words=words,
                    size=len(members),
                    representative_segment_ids=self._representatives(ids, vectors, members),
                )
            )
        return tuple(out)

    def _representatives(
        self, ids: Sequence[int], vectors: np.ndarray, members: np.ndarray
    ) -> tuple[int, ...]:
        """The members nearest the topic's centroid (cosine), most central first."""
        centroid = vectors[members].mean(axis=0)
        sims = vectors[members] @ centroid
        best = members[np.argsort(-sims, kind="stable")[: self.n_representatives]]
        return tuple(int(ids[i]) for i in best)
