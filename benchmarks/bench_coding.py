"""Coding benchmark: how fast suggestions learn, and how good they are against peers.

Part 1, speed.  A project of 10,000 segments (embeddings cached, as in a project after
``process``) with 200 coded ones.  A coder makes one more decision; qualcode retrains
(``feedback.suggester_for``: per-code classifiers, out-of-fold stacker, cut-offs)
and re-scores all 10,000 segments.  Peers in the same run, on the same data: frozen
embeddings + logistic regression, and SetFit with the same encoder (fine-tuning).

Part 2, quality (``--curves``): ``qualcode eval-coding`` on the driver set, all peers
(every labelled set: ``bench_coding_sets.py``).

    python benchmarks/bench_coding.py [--segments 10000] [--no-setfit] [--curves]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import time

import numpy as np

from _common import CODEBOOK, REPO, best_of, demo_segments

LABELLED = REPO / "eval" / "coding" / "drivers_labelled.jsonl"
CACHE = REPO / "benchmarks" / ".cache"


def project_texts(n: int, seed: int = 7) -> list[str]:
    """``n`` distinct segment-like texts: pairs of demo and driver-set segments."""
    pool = demo_segments() + _driver_texts()
    rng = np.random.default_rng(seed)
    out: set[str] = set()
    while len(out) < n:
        a, b = rng.choice(len(pool), 2, replace=False)
        out.add(f"{pool[a]} {pool[b]}"[:600])
    return sorted(out)


def _driver_texts() -> list[str]:
    import json

    return [json.loads(x)["text"] for x in LABELLED.read_text().splitlines() if x.strip()]


def cached_encode(embedder: object, texts: list[str], name: str) -> np.ndarray:
    """Embed once; later runs read the vectors (the benchmark times learning, not this)."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.npy"
    if path.exists():
        return np.load(path)
    CACHE.mkdir(exist_ok=True)
    vectors = embedder.encode(texts, progress=True)  # type: ignore[attr-defined]
    np.save(path, vectors)
    return vectors


def speed(n_segments: int, with_setfit: bool) -> None:
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.evaluate.data import gold_matrix, load_labelled
    from qualcode.coding.evaluate.peers import EmbeddingLogReg
    from qualcode.coding.feedback import suggester_for
    from qualcode.coding.suggest import ZeroShotSuggester
    from qualcode.embed.encoder import SentenceTransformerEmbedder

    book = load_codebook(CODEBOOK)
    code_ids = [c.id for c in book.codes]
    items = load_labelled(LABELLED, code_ids)
    emb = SentenceTransformerEmbedder(None)
    coded = [i.text for i in items[:200]]
    texts = coded + project_texts(n_segments - len(coded))
    X = cached_encode(emb, texts, "project")
    Y = gold_matrix(items[:200], code_ids)
    ids = list(range(len(texts)))
    zs = ZeroShotSuggester(emb).fit(book)
    zs.scores(texts, X)  # warm the keyword cache, as a running service would be

    def events(n: int) -> list[dict[str, object]]:
        return [
            {
                "id": r * 20 + j,
                "segment_id": r,
                "code_id": c,
                "action": "add" if y else "reject",
                "undoes": None,
            }
            for r in range(n)
            for j, (c, y) in enumerate(zip(code_ids, Y[r], strict=True))
            if y or j == 0
        ]

    log = events(199)

    def qualcode_one_decision() -> None:
        log.append(events(200)[-1])
        model = suggester_for(zs, book, ids, texts, X, log)
        model.suggest(ids, texts, X)
        log.pop()

    def emb_lr() -> None:
        EmbeddingLogReg().fit(coded, X[:200], Y).predict(texts, X)

    print(f"load average before: {os.getloadavg()[0]:.2f}")
    times: dict[str, list[float]] = {"qualcode": [], "emb+lr": []}
    for name in ["qualcode", "emb+lr", "emb+lr", "qualcode"] * 2:  # A/B/B/A, twice
        times[name].append(best_of(qualcode_one_decision if name == "qualcode" else emb_lr, 1))
    t_q, t_lr = min(times["qualcode"]), min(times["emb+lr"])
    print(f"Retrain after one decision + re-score {len(texts):,} segments (embeddings cached;")
    print("fastest of 4 runs each, alternated A/B/B/A)")
    print(f"  qualcode (classifiers, stacker, cut-offs):       {t_q:7.2f} s")
    print(f"  embeddings + logistic regression (no calibration): {t_lr:7.2f} s")
    print(f"  ratio qualcode / emb+lr: {t_q / t_lr:.1f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if with_setfit:
        from qualcode.coding.evaluate.setfit_peer import SetFitPeer

        t0 = time.perf_counter()
        SetFitPeer().fit(coded, X[:200], Y).predict(texts, X)
        t_sf = time.perf_counter() - t0
        print(f"  SetFit (fine-tunes the encoder, re-encodes all):  {t_sf:7.2f} s")
        print(f"  ratio SetFit / qualcode: {t_sf / t_q:.1f}x")


def curves(with_setfit: bool) -> None:
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.evaluate.report import evaluate_coding, format_curves
    from qualcode.embed.encoder import SentenceTransformerEmbedder

    book = load_codebook(CODEBOOK)
    t0 = time.perf_counter()
    ev = evaluate_coding(
        LABELLED, book, SentenceTransformerEmbedder(None), (0, 5, 10, 20), setfit=with_setfit
    )
    print(format_curves(ev))
    print(f"(curves took {time.perf_counter() - t0:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--no-setfit", action="store_true")
    parser.add_argument("--curves", action="store_true")
    args = parser.parse_args()
    speed(args.segments, not args.no_setfit)
    if args.curves:
        curves(not args.no_setfit)


if __name__ == "__main__":
    main()
