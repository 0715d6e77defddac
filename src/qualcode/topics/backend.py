"""BERTopic imported without what qualcode does not use, and qualcode's embedder as
its backend (for KeyBERT-style topic words)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from qualcode.imports import without

if TYPE_CHECKING:
    from qualcode.embed.encoder import Embedder


def import_bertopic(with_umap: bool = False) -> Any:
    """``bertopic.BERTopic``, imported (once per process) without umap, unless asked
    for, and plotly: bertopic imports both for plots only, and umap's import compiles
    numba code (seconds warm, ~10 s on a cold cache)."""
    if with_umap:
        import umap  # noqa: F401  (before bertopic, so its plots can use it)
    with without(["umap", "plotly"], unless_loaded=["bertopic"]):
        from bertopic import BERTopic
    return BERTopic


def embedder_backend(embedder: Embedder) -> Any:
    """Our ``Embedder`` as a ``bertopic.backend.BaseEmbedder`` (for KeyBERTInspired)."""
    import_bertopic()
    from bertopic.backend import BaseEmbedder

    class _Backend(BaseEmbedder):
        def __init__(self, inner: Embedder) -> None:
            super().__init__()
            self.inner = inner

        def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
            return np.asarray(self.inner.encode(list(documents)), dtype=np.float32)

    return _Backend(embedder)
