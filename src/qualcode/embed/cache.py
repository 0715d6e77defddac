"""Vectors cached in the store by (model id, text hash): a text is encoded once per model.

``embed_cached`` serves the segments; ``CachedEmbedder`` puts the same cache in front of
any embedder, so what every run embeds again besides the segments (the codebook's
definitions and examples, topic words, the neutral sentences that set a model's scale)
is encoded once per project and model, not once per run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from qualcode.embed.encoder import Embedder
from qualcode.progress import ProgressLike, tracker
from qualcode.store import Store
from qualcode.text import text_hash


def embed_cached(
    store: Store, embedder: Embedder, texts: list[str], progress: ProgressLike = False
) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` in order, encoding only those not cached for this model;
    and how many were encoded.  ``progress``: stage "embed" over the texts encoded."""
    if isinstance(embedder, CachedEmbedder) and embedder.store is store:
        embedder = embedder.inner  # one look-up, not two
    model_id = embedder.model_id
    hashes = [text_hash(t) for t in texts]
    cached = store.embeddings.cached_embeddings(model_id, hashes)
    missing = {h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}
    with tracker(progress).stage("embed", len(missing)):  # the embedder may report within
        if missing:
            fresh = embedder.encode(list(missing.values()), progress=progress)
            new = dict(zip(missing, fresh, strict=True))
            store.embeddings.put_embeddings(model_id, new)
            cached.update(new)
    if not hashes:
        return np.zeros((0, 0), dtype=np.float32), 0
    return np.vstack([cached[h] for h in hashes]), len(missing)


class CachedEmbedder:
    """``inner`` behind the store's cache; the model loads only if a text is new.  Use it
    in the thread that opened ``store``."""

    def __init__(self, store: Store, inner: Embedder) -> None:
        self.store = store
        self.inner = inner

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def encode(self, texts: Sequence[str], *, progress: ProgressLike = False) -> np.ndarray:
        if not texts:
            return self.inner.encode(texts, progress=progress)
        return embed_cached(self.store, self.inner, list(texts), progress)[0]

    def __getattr__(self, name: str) -> Any:  # languages, scale, batch_size...
        if name in ("store", "inner"):
            raise AttributeError(name)
        return getattr(self.inner, name)
