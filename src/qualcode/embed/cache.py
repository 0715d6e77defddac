"""Vectors cached in the store by (model id, text hash): a text is encoded once per model."""

from __future__ import annotations

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
