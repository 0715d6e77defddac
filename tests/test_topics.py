from __future__ import annotations

import numpy as np
import pytest

from qualcode.topics import BERTopicModeler

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
