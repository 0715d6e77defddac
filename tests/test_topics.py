from __future__ import annotations

import numpy as np
import pytest

from helpers import HashEmbedder, loaded_after
from qualcode.topics.model import BERTopicModeler, centroids_of, nearest_topics, readable_label

THEMES = {
    "water": "no water in the pipes, the water tanker comes late, water is dirty",
    "wedding": "wedding toy costs qalin gifts debt for the wedding feast",
    "migration": "brother works in Russia, migration patent, sends money from Moscow",
}


def _corpus() -> tuple[list[int], list[str], np.ndarray]:
    rng = np.random.default_rng(0)
    texts, vecs = [], []
    for words in THEMES.values():
        centre = rng.normal(size=32)
        for i in range(20):
            texts.append(f"{words} and also the {i} thing")
            vecs.append(centre + 0.2 * rng.normal(size=32))
    v = np.asarray(vecs, dtype=np.float32)
    return list(range(100, 100 + len(texts))), texts, v / np.linalg.norm(v, axis=1)[:, None]


@pytest.mark.slow
def test_real_bertopic_finds_the_themes_with_readable_words_reproducibly() -> None:
    ids, texts, vecs = _corpus()
    first = BERTopicModeler(min_topic_size=5).fit(ids, texts, vecs)
    second = BERTopicModeler(min_topic_size=5).fit(ids, texts, vecs)
    assert first == second
    real = [t for t in first.topics if t.topic_id != -1]
    assert len(real) == 3
    words = {w for t in real for w in t.words}
    assert {"water", "wedding"} <= words
    assert not words & {"the", "and", "also"}  # English stop words removed
    for t in real:
        assert len(t.representative_segment_ids) == 3
        assert all(first.assignment[i] == t.topic_id for i in t.representative_segment_ids)


def test_too_few_segments_are_all_outliers_without_fitting() -> None:
    ids, texts, vecs = _corpus()
    result = BERTopicModeler(min_topic_size=50).fit(ids[:5], texts[:5], vecs[:5])
    assert result.topics == () and set(result.assignment.values()) == {-1}


@pytest.mark.slow
def test_labels_are_readable_and_fits_reproducible_with_keybert_words() -> None:
    ids, texts, vecs = _corpus()
    emb = HashEmbedder()
    first = BERTopicModeler(min_topic_size=5, embedder=emb).fit(ids, texts, vecs)
    second = BERTopicModeler(min_topic_size=5, embedder=emb).fit(ids, texts, vecs)
    assert first == second and first.keywords
    for t in first.topics:
        parts = t.label.split(" · ")
        assert len(parts) == 3 and parts[0][0].isupper()
        assert [p.lower() for p in parts] == [w for w in first.keywords[t.topic_id][:3]]
    assert set(first.centroids) == {t.topic_id for t in first.topics}


@pytest.mark.slow
def test_short_segments_get_the_nearest_topic_above_the_floor_others_none() -> None:
    ids, texts, vecs = _corpus()
    extra = {900: ("Water.", vecs[0]), 901: ("Hmm.", -vecs[0])}  # near water; near nothing
    all_ids = ids + list(extra)
    all_texts = texts + [t for t, _ in extra.values()]
    all_vecs = np.vstack([vecs, *[v for _, v in extra.values()]])
    result = BERTopicModeler(min_topic_size=5).fit(all_ids, all_texts, all_vecs)
    water = result.assignment[ids[0]]
    assert result.assignment[900] == water and result.assignment[901] == -1
    assert result.reassigned == frozenset({900})
    assert next(t.size for t in result.topics if t.topic_id == water) == 21


def test_readable_label_dedupes_stems() -> None:
    assert readable_label(["weddings", "wedding", "costs", "cost", "debt"]) == (
        "Weddings · costs · debt"
    )
    assert readable_label([]) == "(no words)"


def test_nearest_topics_uses_cosine_and_a_floor() -> None:
    centroids = {3: np.array([1.0, 0.0], np.float32), 7: np.array([0.0, 1.0], np.float32)}
    vecs = np.array([[2.0, 0.1], [0.1, 0.3], [-1.0, -1.0]], np.float32)
    topics, sims = nearest_topics(vecs, centroids, floor=0.5)
    assert topics.tolist() == [3, 7, -1] and sims[0] > 0.99
    assert centroids_of([1, 2, 3], vecs, {1: 3, 2: 3, 3: -1})[3].shape == (2,)


@pytest.mark.slow
def test_bertopic_is_imported_without_what_qualcode_never_uses() -> None:
    optional = ("umap", "numba", "plotly", "pynndescent", "sentence_transformers")
    optional += ("transformers", "spacy", "thinc", "torch")
    statements = "from qualcode.topics.model import import_bertopic; import_bertopic()"
    assert loaded_after(statements, optional) == []


@pytest.mark.slow
def test_what_bertopic_was_imported_without_imports_as_usual_afterwards() -> None:
    statements = (
        "from qualcode.topics.model import import_bertopic; import_bertopic()\n"
        "import torch, sentence_transformers, spacy\n"
        "assert torch.ones(2).sum().item() == 2.0"
    )
    assert loaded_after(statements, ("torch", "sentence_transformers", "spacy")) == [
        "torch",
        "sentence_transformers",
        "spacy",
    ]


@pytest.mark.parametrize(
    ("reducer", "clusterer"),
    [
        ("pca", "kmeans"),
        ("pca", "hdbscan"),
        pytest.param("umap", "kmeans", marks=pytest.mark.slow),
    ],
)
def test_fitting_in_steps_gives_what_one_bertopic_fit_gives(reducer: str, clusterer: str) -> None:
    """BERTopicModeler runs BERTopic's reduction and clustering itself, so each step can
    report progress: the topics, their words and every label are those of one
    ``fit_transform`` with the reducer and clusterer inside BERTopic."""
    rng = np.random.default_rng(1)
    _, texts, vecs = _corpus()
    noisy = vecs + 0.15 * rng.normal(size=vecs.shape).astype(np.float32)  # clusters overlap
    modeler = BERTopicModeler(
        min_topic_size=5, reducer=reducer, clusterer=clusterer, embedder=HashEmbedder()
    )
    steps: list[int] = []
    labels, stepped = modeler._fit_bertopic(texts, noisy, lambda: steps.append(1))
    whole = modeler._model(modeler._reducer(), modeler._clusterer(len(texts)))
    expected, _ = whole.fit_transform(texts, noisy)
    assert list(labels) == list(expected) and len(set(expected)) >= 2
    assert stepped.get_topics() == whole.get_topics()
    assert stepped.topic_aspects_ == whole.topic_aspects_  # KeyBERT-style words
    assert len(steps) == 3
