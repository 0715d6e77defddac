"""Coding quality on every labelled set, in one run: qualcode against keywords, TF-IDF +
LR, embeddings + LR and SetFit, at 0, 5, 10 and 20 labels per code, over three seeds.

Sets: the driver set (focus-group segments, written with the demo corpus) and the public
human-coded sets: U.S. Congress bills (committed), and, when fetched, the exam-proctoring
survey answers (eval/coding/fetch_proctoring.py) and the CI research claims
(eval/coding/fetch_claims.py), whose licences allow figures only.  Ends with the summary
the coding issue asks for: mean kappa at 20 labels per code, qualcode minus emb+LR and
minus SetFit, per set and averaged over the public sets.

    python benchmarks/bench_coding_sets.py [--no-setfit] [--sets drivers,congress,...]
        [--seeds 13,14,15] [--ablation]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import time
from pathlib import Path

import numpy as np

from _common import CODEBOOK, REPO

CODING = REPO / "eval" / "coding"
EXTERNAL = CODING / "external"
CACHE = REPO / "benchmarks" / ".cache"
SETS: dict[str, tuple[Path, Path, bool]] = {  # name -> (labelled, codebook, public)
    "drivers": (CODING / "drivers_labelled.jsonl", CODEBOOK, False),
    "congress": (CODING / "public.jsonl", CODING / "public_codebook.yaml", True),
    **{
        name: (EXTERNAL / f"{name}.jsonl", EXTERNAL / f"{name}_codebook.yaml", True)
        for name in (
            "proctoring_q5",
            "proctoring_n3",
            "proctoring_n4",
            "claims_code",
            "claims_theme",
        )
    },
}


class CachedEmbedder:
    """The real encoder, with vectors kept on disk by text and model (speed is not what
    this benchmark measures)."""

    def __init__(self, inner: object, name: str) -> None:
        self.inner = inner
        self.name = name

    def __getattr__(self, attr: str) -> object:
        return getattr(self.inner, attr)

    def encode(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        key = hashlib.sha256(("\n".join(texts) + self.name).encode()).hexdigest()[:16]
        path = CACHE / f"sets-{self.name}-{key}.npy"
        if path.exists():
            return np.load(path)
        CACHE.mkdir(exist_ok=True)
        vectors = self.inner.encode(texts, progress=progress)  # type: ignore[attr-defined]
        np.save(path, vectors)
        return vectors


def run_set(name: str, embedder: object, args: argparse.Namespace) -> dict[str, float] | None:
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.evaluate.report import evaluate_coding, format_curves

    labelled, codebook, _ = SETS[name]
    if not labelled.exists():
        print(f"\n## {name}: skipped (fetch it first: see eval/coding/*.md)")
        return None
    t0 = time.perf_counter()
    ev = evaluate_coding(
        labelled,
        load_codebook(codebook),
        embedder,  # type: ignore[arg-type]
        (0, 5, 10, 20),
        setfit=args.setfit,
        seeds=args.seeds,
        ablation=args.ablation,
    )
    print(f"\n## {name}\n{format_curves(ev)}\n({time.perf_counter() - t0:.0f} s)", flush=True)
    at20 = [p for p in ev.points if p.budget == 20]
    return {m: float(np.mean([p.scores[m]["kappa"] for p in at20])) for m in at20[0].scores}


def summary(results: dict[str, dict[str, float]]) -> None:
    peers = [m for m in ("emb+lr", "SetFit") if any(m in r for r in results.values())]
    print("\n## Summary: mean kappa at 20 labels per code (mean over seeds)")
    head = f"{'set':<15}{'qualcode':>10}" + "".join(f"{p:>10}{'gap':>8}" for p in peers)
    print(head)
    gaps: dict[str, list[float]] = {p: [] for p in peers}
    for name, r in results.items():
        row = f"{name:<15}{r['qualcode']:>10.3f}"
        for p in peers:
            gap = r["qualcode"] - r[p]
            row += f"{r[p]:>10.3f}{gap:>+8.3f}"
            if SETS[name][2]:
                gaps[p].append(gap)
        print(row)
    for p in peers:
        if gaps[p]:
            print(
                f"qualcode - {p}, averaged over {len(gaps[p])} public sets: {np.mean(gaps[p]):+.3f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-setfit", dest="setfit", action="store_false")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--seeds", default="13,14,15")
    parser.add_argument("--ablation", action="store_true")
    args = parser.parse_args()
    args.seeds = tuple(int(s) for s in args.seeds.split(","))
    from qualcode.embed.encoder import SentenceTransformerEmbedder

    print(f"load average at start: {os.getloadavg()[0]:.2f}; seeds {args.seeds}")
    embedder = CachedEmbedder(SentenceTransformerEmbedder(None), "all-MiniLM-L6-v2")
    results = {}
    for name in args.sets.split(","):
        r = run_set(name, embedder, args)
        if r is not None:
            results[name] = r
    summary(results)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
