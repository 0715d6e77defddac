"""The topics stage: BERTopic over segment embeddings.

``TopicModeler`` is the interface; ``BERTopicModeler`` the default.  Defaults are tuned
for focus-group corpora (hundreds to tens of thousands of segments):

* reduction by PCA rather than UMAP, clustering by KMeans with k = sqrt(n / 5) (or a set
  ``n_topics``) rather than HDBSCAN: deterministic, instant at these sizes, and readable
  themes on the demo corpus where HDBSCAN put most segments into one cluster;
  ``reducer="umap"`` and ``clusterer="hdbscan"`` remain available;
* BERTopic is imported without umap and plotly unless UMAP is asked for: umap's numba
  compilation costs ~10 s in a fresh process on a cold cache (benchmarks/bench_themes.py);
* topic words by c-TF-IDF with stop words (English, Russian, Uzbek, Tajik, Kyrgyz) and
  transcript fillers removed, then
  re-ranked KeyBERT-style (``KeyBERTInspired``, with the embedder the vectors came from);
  the label joins the top three words with distinct stems: "Wedding · debt · dowry";
* segments under ``min_words`` words ("Yes.", "[laughter]") are left out of the fit; they
  and any HDBSCAN outliers are then given the topic whose centroid is nearest (cosine)
  when the similarity reaches ``outlier_floor``, else none.  ``reassigned`` lists them.

The fit runs in steps that report progress (``FIT_STEPS``): the reduction and the
clustering run before BERTopic, which takes their labels as given to find the words;
the result is that of one BERTopic ``fit_transform``.

Topic centroids (normalised mean embedding of the fitted members) are kept so that new
segments can be assigned later without a refit (:func:`nearest_topics`).  The random
state is fixed, so the same input gives the same topics, labels and assignment.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from qualcode.errors import ConfigError
from qualcode.records import Topic
from qualcode.topics.backend import embedder_backend, import_bertopic
from qualcode.topics.labels import readable_label
from qualcode.topics.stopwords import stop_words

if TYPE_CHECKING:
    from qualcode.embed.encoder import Embedder

__all__ = [
    "BERTopicModeler",
    "TopicModeler",
    "TopicResult",
    "centroids_of",
    "clean_for_words",
    "import_bertopic",
    "nearest_topics",
    "readable_label",
]

REDUCERS = ("pca", "umap")
CLUSTERERS = ("kmeans", "hdbscan")
FIT_STEPS = 4  # reduce, cluster, words, topics: the steps BERTopicModeler.fit reports
OUTLIER_FLOOR = 0.35  # cosine to the nearest centroid below which a segment gets no topic
_NOTES = re.compile(r"\[[^\]]*\]")  # [laughter], [inaudible 00:14:02], [PERSON_1]
_TOKENS = r"(?u)\b[^\W\d_][^\W\d_'’]{2,}\b"  # words of 3+ letters, no digits


@dataclass(frozen=True)
class TopicResult:
    topics: tuple[Topic, ...]
    assignment: dict[int, int]  # segment id -> topic id (-1: no topic)
    reassigned: frozenset[int] = frozenset()  # given a topic by similarity, not the fit
    keywords: dict[int, tuple[str, ...]] = field(default_factory=dict)  # KeyBERT-style
    centroids: dict[int, np.ndarray] = field(default_factory=dict, compare=False)


class TopicModeler(Protocol):
    def fit(self, ids: Sequence[int], texts: Sequence[str], vectors: np.ndarray) -> TopicResult: ...


def clean_for_words(text: str) -> str:
    """Text for topic words: bracketed notes and pseudonyms removed."""
    return _NOTES.sub(" ", text)


def centroids_of(
    ids: Sequence[int], vectors: np.ndarray, assignment: Mapping[int, int]
) -> dict[int, np.ndarray]:
    """Per topic, the normalised mean of its members' vectors (float32)."""
    rows: dict[int, list[int]] = {}
    for k, i in enumerate(ids):
        if (t := assignment.get(i, -1)) != -1:
            rows.setdefault(t, []).append(k)
    return {t: _unit(vectors[r].mean(axis=0)).astype(np.float32) for t, r in sorted(rows.items())}


def nearest_topics(
    vectors: np.ndarray, centroids: Mapping[int, np.ndarray], floor: float = OUTLIER_FLOOR
) -> tuple[np.ndarray, np.ndarray]:
    """Each vector's nearest topic by cosine (-1 when below ``floor``) and the similarity."""
    n = len(vectors)
    if not centroids or n == 0:
        return np.full(n, -1, dtype=int), np.zeros(n)
    tids = np.array(sorted(centroids))
    sims = _unit(vectors) @ np.vstack([centroids[t] for t in tids]).T
    best = sims.argmax(axis=1)
    top = sims[np.arange(n), best]
    return np.where(top >= floor, tids[best], -1), top


def _unit(v: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(v, axis=-1, keepdims=True)
    return np.asarray(v / np.where(norm == 0, 1.0, norm))


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
        outlier_floor: float = OUTLIER_FLOOR,
        embedder: Embedder | None = None,
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
        self.outlier_floor = outlier_floor
        self.embedder = embedder
        self.random_state = random_state

    def fit(
        self,
        ids: Sequence[int],
        texts: Sequence[str],
        vectors: np.ndarray,
        advance: Callable[[], None] = lambda: None,
    ) -> TopicResult:
        """Topics of the segments; ``advance()`` after each of the ``FIT_STEPS`` steps."""
        assignment = dict.fromkeys(ids, -1)
        cleaned = [clean_for_words(t) for t in texts]
        keep = [k for k, t in enumerate(cleaned) if len(t.split()) >= self.min_words]
        if len(keep) < max(2 * self.min_topic_size, self.n_components + 2):
            return TopicResult((), assignment)
        labels, model = self._fit_bertopic([cleaned[k] for k in keep], vectors[keep], advance)
        fitted = {ids[k]: int(t) for k, t in zip(keep, labels, strict=True) if int(t) != -1}
        centroids = centroids_of(ids, vectors, fitted)
        assignment.update(fitted)
        reassigned = self._reduce_outliers(ids, vectors, assignment, centroids)
        keywords = self._keywords(model, sorted(centroids))
        topics = self._topics(model, ids, vectors, assignment, fitted, centroids, keywords)
        advance()
        return TopicResult(topics, assignment, reassigned, keywords, centroids)

    def _fit_bertopic(
        self, docs: list[str], vectors: np.ndarray, advance: Callable[[], None]
    ) -> tuple[Sequence[int], Any]:
        """BERTopic's fit, in steps that show: the reduction and the clustering run here,
        as BERTopic 0.17 runs them (``fit_transform``, NaN set to 0; then ``fit``), and
        BERTopic takes their labels as given (its manual topic modelling) to find each
        topic's words; the topics come out as from one ``fit_transform``
        (tests/test_topics.py)."""
        reduced = np.nan_to_num(self._reducer().fit_transform(vectors))
        advance()
        labels = self._clusterer(len(docs)).fit(reduced).labels_
        advance()
        import_bertopic(with_umap=self.reducer == "umap")
        from bertopic.cluster import BaseCluster
        from bertopic.dimensionality import BaseDimensionalityReduction

        model = self._model(BaseDimensionalityReduction(), BaseCluster())
        topics, _ = model.fit_transform(docs, vectors, y=np.asarray(labels))
        advance()
        return topics, model

    def _reduce_outliers(
        self,
        ids: Sequence[int],
        vectors: np.ndarray,
        assignment: dict[int, int],
        centroids: Mapping[int, np.ndarray],
    ) -> frozenset[int]:
        """Segments not modelled and HDBSCAN outliers: the nearest topic above the floor."""
        rows = [k for k, i in enumerate(ids) if assignment[i] == -1]
        nearest, _ = nearest_topics(vectors[rows], centroids, self.outlier_floor)
        moved = {ids[k]: int(t) for k, t in zip(rows, nearest, strict=True) if t != -1}
        assignment.update(moved)
        return frozenset(moved)

    def _model(self, reducer: Any, clusterer: Any) -> Any:
        from sklearn.feature_extraction.text import CountVectorizer

        BERTopic = import_bertopic(with_umap=self.reducer == "umap")
        embedder = self.embedder
        keybert: dict[str, Any] | None = None
        if embedder is not None:
            from bertopic.representation import KeyBERTInspired

            keybert = {
                "KeyBERT": KeyBERTInspired(
                    top_n_words=self.top_n_words,
                    nr_repr_docs=5,
                    nr_candidate_words=30,
                    random_state=self.random_state,
                )
            }
        return BERTopic(
            embedding_model=embedder_backend(embedder) if embedder is not None else None,
            umap_model=reducer,
            hdbscan_model=clusterer,
            vectorizer_model=CountVectorizer(
                stop_words=sorted(stop_words()), token_pattern=_TOKENS
            ),
            representation_model=keybert,
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

    def _keywords(self, model: Any, topic_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """KeyBERT-style words per topic (c-TF-IDF words when there is no embedder)."""
        aspect = getattr(model, "topic_aspects_", {}).get("KeyBERT", {})
        pick: Callable[[int], Any] = lambda t: aspect.get(t) or model.get_topic(t) or []  # noqa: E731
        return {t: tuple(w for w, _ in pick(t) if w) for t in topic_ids}

    def _topics(
        self,
        model: Any,
        ids: Sequence[int],
        vectors: np.ndarray,
        assignment: Mapping[int, int],
        fitted: Mapping[int, int],
        centroids: Mapping[int, np.ndarray],
        keywords: Mapping[int, tuple[str, ...]],
    ) -> tuple[Topic, ...]:
        sizes = Counter(assignment.values())
        return tuple(
            Topic(
                topic_id=t,
                label=readable_label(keywords[t]),
                words=tuple(w for w, _ in (model.get_topic(t) or []) if w),
                size=sizes[t],
                representative_segment_ids=self._representatives(ids, vectors, fitted, c, t),
            )
            for t, c in centroids.items()
        )

    def _representatives(
        self,
        ids: Sequence[int],
        vectors: np.ndarray,
        fitted: Mapping[int, int],
        centroid: np.ndarray,
        topic_id: int,
    ) -> tuple[int, ...]:
        """The fitted members nearest the topic's centroid (cosine), most central first."""
        members = np.array([k for k, i in enumerate(ids) if fitted.get(i) == topic_id])
        sims = _unit(vectors[members]) @ centroid
        best = members[np.argsort(-sims, kind="stable")[: self.n_representatives]]
        return tuple(int(ids[i]) for i in best)
