"""Vectors cached in the store by (model id, text hash): a text is encoded once per model."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qualcode.embed.encoder import Embedder
from qualcode.store import Store
from qualcode.text import text_hash


def embed_cached(
    store: Store, embedder: Embedder, texts: list[str], progress: bool = False
) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` in order, encoding only those not cached for this model;
    and how many were encoded."""
    model_id = embedder.model_id
    hashes = [text_hash(t) for t in texts]
    cached = store.embeddings.cached_embeddings(model_id, hashes)
    missing = {h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}
    if missing:
        fresh = embedder.encode(list(missing.values()), progress=progress)
        new = dict(zip(missing, fresh, strict=True))
        store.embeddings.put_embeddings(model_id, new)
        cached.update(new)
    if not hashes:
        return np.zeros((0, 0), dtype=np.float32), 0
    return np.vstack([cached[h] for h in hashes]), len(missing)


class StoreCachedEmbedder:
    """``inner`` behind the store's cache: a text already encoded by this model is read
    back, so a command that only needs known texts (the codebook, the scale's neutral
    sentences) never loads the model.  Attributes other than ``encode`` are ``inner``'s."""

    def __init__(self, store: Store, inner: Embedder) -> None:
        self.store, self.inner = store, inner

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        if not len(texts):
            return self.inner.encode(texts, progress=progress)
        return embed_cached(self.store, self.inner, list(texts), progress)[0]
