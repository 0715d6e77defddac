"""The store's vector cache in front of any embedder: each text is encoded once per model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qualcode.embed.cache import CachedEmbedder, embed_cached
from qualcode.store import Store


class Counting:
    model_id = "counting|fp32"
    languages = frozenset({"en"})

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        self.seen += list(texts)
        return np.asarray([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_a_text_is_encoded_once_across_runs(tmp_path: Path) -> None:
    inner = Counting()
    store = Store(tmp_path / "p", create=True)
    first = CachedEmbedder(store, inner).encode(["one", "three"])
    again = CachedEmbedder(store, inner).encode(["three", "four!"])  # a later run
    assert inner.seen == ["one", "three", "four!"]
    assert np.allclose(first[1], again[0])
    assert again.shape == (2, 2)


def test_it_passes_on_what_the_model_says_of_itself(tmp_path: Path) -> None:
    cached = CachedEmbedder(Store(tmp_path / "p", create=True), Counting())
    assert cached.model_id == "counting|fp32"
    assert cached.languages == frozenset({"en"})
    assert getattr(cached, "scale", None) is None


def test_segments_through_a_cached_embedder_are_looked_up_once(tmp_path: Path) -> None:
    inner = Counting()
    store = Store(tmp_path / "p", create=True)
    vectors, fresh = embed_cached(store, CachedEmbedder(store, inner), ["a", "bb"])
    assert fresh == 2 and inner.seen == ["a", "bb"] and vectors.shape == (2, 2)
