"""Embedding throughput on the demo corpus, and whether faster paths change coding.

Peer: sentence-transformers' own ``encode`` (batches sorted by characters), fp32.
Ours: batches sorted by token count, fp32 and bf16 autocast.  For each faster path we
re-run the zero-shot suggester on its vectors and compare with fp32's suggestions.

Run: .venv/bin/python benchmarks/bench_embed.py
"""

from __future__ import annotations

import sys

import numpy as np
import torch

from _common import CODEBOOK, best_of, demo_segments
from qualcode.codebook.load import load_codebook
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.embed.encoder import SentenceTransformerEmbedder


def main() -> None:
    torch.set_num_threads(torch.get_num_threads())
    texts = demo_segments()
    fp32 = SentenceTransformerEmbedder(precision="fp32")
    bf16 = SentenceTransformerEmbedder(precision="bf16")
    bf16._st = fp32.st  # same weights, one load
    fp32.encode(texts[:64])  # warm-up
    st = fp32.st

    def peer() -> object:
        return st.encode(texts, batch_size=64, normalize_embeddings=True)

    t_peer = best_of(peer)
    t_fp32 = best_of(lambda: fp32.encode(texts))
    t_bf16 = best_of(lambda: bf16.encode(texts))
    v_peer, v32, v16 = np.asarray(peer()), fp32.encode(texts), bf16.encode(texts)

    book = load_codebook(CODEBOOK)
    sugg = ZeroShotSuggester(fp32).fit(book)
    ids = list(range(len(texts)))
    base = {(s.segment_id, s.code_id) for s in sugg.suggest(ids, texts, v32)}
    print(f"demo corpus: {len(texts)} segments, torch threads {torch.get_num_threads()}")
    print(f"{'path':<34}{'seg/s':>8}{'x peer':>8}{'min cos':>10}{'suggest diff':>14}")
    for name, t, v in [
        ("peer: st.encode fp32 (char sort)", t_peer, v_peer),
        ("qualcode fp32, token-sorted", t_fp32, v32),
        ("qualcode bf16, token-sorted", t_bf16, v16),
    ]:
        got = {(s.segment_id, s.code_id) for s in sugg.suggest(ids, texts, v)}
        cos = float((v * v32).sum(axis=1).min())
        diff = len(got ^ base)
        print(
            f"{name:<34}{len(texts) / t:>8.1f}{t_peer / t:>8.2f}{cos:>10.5f}"
            f"{diff:>8} of {len(base)}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
