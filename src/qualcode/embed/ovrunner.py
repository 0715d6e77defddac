"""The compiled OpenVINO model with its tokenizer and pooling, run as a queue of
inference requests.

The model is compiled for throughput: OpenVINO runs as many streams as suit the CPU (on
two cores, two streams of one thread each), and batches go to whichever request is idle,
so no core waits for the other at every layer as one two-thread request does.  Batch
widths are padded up to a multiple of ``WIDTH_STEP`` tokens, which keeps the number of
distinct input shapes, and so OpenVINO's per-shape kernels and buffers, small (memory
stayed under half of what it was with every width its own shape); the padded positions
are masked, so the vectors are those of the unpadded batch.  (A probe of 3,000 texts of
random length, e5 int8: 3.9 GB resident with one shape per width and the default cache,
1.9 GB with both.)

``width_batches`` cuts the length-sorted texts so that each batch holds one padded
width: a batch of fixed size would span widths, and pad its short texts to its longest
(on the demo's first 400 segments, 19 % more tokens than the texts hold, against 7 %).
Widths in steps of 4 ran slower than steps of 8 in a probe (e5 int8, 800 segments,
A/B/B/A), whatever the shape cache's size, so the step stays 8.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

WIDTH_STEP = 8
SHAPE_CACHE = 32  # OpenVINO's per-shape cache (its default keeps 5,000)


def width_batches(lengths: Sequence[int], rows: int) -> list[np.ndarray]:
    """Indices into ``lengths``, shortest first, in batches of at most ``rows`` that
    each pad to one width (``WIDTH_STEP``)."""
    order = np.argsort(np.asarray(lengths, dtype=np.int64), kind="stable")
    widths = -(-np.asarray(lengths, dtype=np.int64)[order] // WIDTH_STEP)
    cuts = np.flatnonzero(np.diff(widths)) + 1  # where the padded width grows
    return [part[i : i + rows] for part in np.split(order, cuts) for i in range(0, len(part), rows)]


class Runner:
    """``precision`` builds (``embed.ovbuild``) and ``hint`` computes; ``limit``: the
    model's token limit; ``dim``: its vector size."""

    def __init__(self, folder: Path, xml: Path, hint: str, limit: int, dim: int) -> None:
        import openvino as ov
        from tokenizers import Tokenizer

        from qualcode.embed.modelfiles import cache_root

        self.dim, self.limit = dim, limit
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=limit)
        core = ov.Core()
        core.set_property({"CACHE_DIR": str(cache_root() / "ov-compiled")})
        config = {
            "PERFORMANCE_HINT": "THROUGHPUT",
            "INFERENCE_PRECISION_HINT": hint,
            "CPU_RUNTIME_CACHE_CAPACITY": SHAPE_CACHE,
        }
        self.compiled = core.compile_model(str(xml), "CPU", config)
        self.inputs = {port.get_any_name() for port in self.compiled.inputs}
        self.requests = ov.AsyncInferQueue(
            self.compiled, int(self.compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))
        )
        self.requests.set_callback(_finished)
        self._busy = threading.Lock()  # AsyncInferQueue is not safe from two threads

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def embed(self, rows: list[list[int]]) -> np.ndarray:
        """The vectors of one batch of token id lists."""
        out = np.zeros((len(rows), self.dim), dtype=np.float32)
        self.embed_into(out, [np.arange(len(rows))], lambda i: rows[i])
        return out

    def embed_into(
        self,
        out: np.ndarray,
        batches: Sequence[np.ndarray],
        row: Callable[[int], list[int]],
        advance: Callable[[int], None] | None = None,
    ) -> None:
        """Fill ``out[batch]`` for each batch of row numbers (token ids: ``row(i)``),
        the batches running on all streams at once; ``advance(n)`` as batches finish,
        called in this thread.  One call at a time per model: others wait their turn."""
        pending = _Pending()
        with self._busy:
            for batch in batches:
                feed, mask = self._feed([row(int(i)) for i in batch])
                self.requests.start_async(feed, (out, batch, mask, pending))
                if advance:
                    advance(pending.collect())
            self.requests.wait_all()
        if advance:
            advance(pending.collect())
        if pending.error is not None:
            raise pending.error

    def _feed(self, rows: list[list[int]]) -> tuple[dict[str, Any], np.ndarray]:
        longest = max(len(r) for r in rows)
        width = min(-(-longest // WIDTH_STEP) * WIDTH_STEP, max(longest, self.limit))
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for i, r in enumerate(rows):
            ids[i, : len(r)] = r
            mask[i, : len(r)] = 1
        feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        return feed, mask


class _Pending:
    """The rows of one call finished since the caller last looked, and the first error."""

    def __init__(self) -> None:
        self.done = 0
        self.error: BaseException | None = None
        self.lock = threading.Lock()

    def finish(self, rows: int, error: BaseException | None = None) -> None:
        with self.lock:
            self.done += rows
            self.error = self.error or error

    def collect(self) -> int:
        with self.lock:
            done, self.done = self.done, 0
            return done


def _finished(request: Any, userdata: tuple[np.ndarray, np.ndarray, np.ndarray, _Pending]) -> None:
    """In OpenVINO's thread: pool the batch's token vectors into ``out``."""
    out, batch, mask, pending = userdata
    try:
        out[batch] = mean_pool(request.get_output_tensor(0).data, mask)
    except Exception as err:
        pending.finish(len(batch), err)
        return
    pending.finish(len(batch))


def mean_pool(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors over the mask, L2-normalised (sentence-transformers')."""
    weights = mask[..., None].astype(np.float32)
    pooled = (tokens * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
