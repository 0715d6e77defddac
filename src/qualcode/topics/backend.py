"""BERTopic imported without what qualcode does not use, and qualcode's embedder as
its backend (for KeyBERT-style topic words)."""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from qualcode.embed.encoder import Embedder

_IMPORT = threading.Lock()


def import_bertopic(with_umap: bool = False) -> Any:
    """``bertopic.BERTopic``, imported (once per process) without umap, unless asked
    for, and plotly: bertopic imports both for plots only, and umap's import compiles
    numba code (seconds warm, ~10 s on a cold cache).  Held under a lock, as a module
    marked missing in ``sys.modules`` is missing for every thread meanwhile."""
    with _IMPORT:
        if with_umap:
            import umap  # noqa: F401  (before bertopic, so its plots can use it)
        blocked = [m for m in ("umap", "plotly") if m not in sys.modules]
        if "bertopic" in sys.modules:
            blocked = []
        for name in blocked:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            from bertopic import BERTopic
        finally:
            for name in blocked:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
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
