"""The embedding model is loaded once per process and shared (``embed.registry``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from qualcode.embed import registry
from qualcode.embed.encoder import SentenceTransformerEmbedder


class CountingModel:
    """Stands in for a sentence-transformers model: slow to load, counts its loads."""

    loads = 0

    def __init__(self) -> None:
        time.sleep(0.2)  # long enough for every thread to ask before the first load ends
        type(self).loads += 1

    def get_sentence_embedding_dimension(self) -> int:
        return 3

    def tokenizer(self, texts: list[str]) -> dict[str, list[list[int]]]:
        return {"input_ids": [[0] * len(t) for t in texts]}

    def encode(self, texts: list[str], **_: Any) -> np.ndarray:
        return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    CountingModel.loads = 0
    monkeypatch.setattr("qualcode.embed.encoder.load_sentence_transformer", _load)
    registry.forget("counting|fp32")
    yield
    registry.forget("counting|fp32")


def _load(model: str | None) -> CountingModel:
    return CountingModel()


def test_concurrent_first_use_loads_the_model_once() -> None:
    embedders = [SentenceTransformerEmbedder("counting") for _ in range(8)]
    start = threading.Barrier(len(embedders))
    out: list[np.ndarray] = []

    def first_use(emb: SentenceTransformerEmbedder) -> None:
        start.wait()
        out.append(emb.encode(["a sentence", "another"]))

    threads = [threading.Thread(target=first_use, args=(e,)) for e in embedders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert CountingModel.loads == 1 and registry.loads["counting|fp32"] == 1
    assert len(out) == 8 and all(v.shape == (2, 3) for v in out)


def test_a_later_embedder_of_the_same_model_reuses_it_and_another_precision_does_not() -> None:
    SentenceTransformerEmbedder("counting").encode(["x"])
    SentenceTransformerEmbedder("counting").encode(["y"])
    assert CountingModel.loads == 1
    SentenceTransformerEmbedder("counting", precision="bf16").st  # noqa: B018
    assert CountingModel.loads == 2
    registry.forget("counting|bf16")


def test_a_failed_load_is_not_kept() -> None:
    calls = []

    def broken() -> object:
        calls.append(1)
        raise OSError("no such model")

    for _ in range(2):
        with pytest.raises(OSError):
            registry.shared("broken|fp32", broken)
    assert len(calls) == 2 and "broken|fp32" not in registry.loads
