"""BERTopic imported without what qualcode does not use, and qualcode's embedder as
its backend (for KeyBERT-style topic words)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from qualcode.imports import refused, without

if TYPE_CHECKING:
    from qualcode.embed.encoder import Embedder


# What bertopic imports, when it can, only for what qualcode never uses: umap for its
# default reducer and plots, plotly for plots (bertopic asks ``find_spec`` about it, so
# it is marked missing), sentence-transformers and transformers for its own embedding,
# vision and generation backends, spaCy for its part-of-speech representation, torch
# to save and load models in torch's format (qualcode keeps no BERTopic model).  Each
# is then a placeholder in bertopic that says what to install; the libraries import as
# usual afterwards, for whoever needs them.
MISSING = ["umap", "plotly"]
REFUSED = ["sentence_transformers", "transformers", "spacy", "torch"]


def import_bertopic(with_umap: bool = False) -> Any:
    """``bertopic.BERTopic``, imported (once per process) without ``MISSING`` and
    ``REFUSED``, unless loaded already (umap when asked for).  umap's import compiles
    numba code (seconds warm, ~10 s on a cold cache); sentence-transformers' was 15 of
    bertopic's 23 s on a busy 2-core machine (``-X importtime``), on the OpenVINO path
    that never needs it."""
    if with_umap:
        import umap  # noqa: F401  (before bertopic, so its plots can use it)
    with (
        without(MISSING, unless_loaded=["bertopic"]),
        refused(REFUSED, unless_loaded=["bertopic"]),
    ):
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
