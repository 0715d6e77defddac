"""Coding quality in English, Russian and Uzbek, and embedding speed, for MiniLM and the
multilingual model, in one run (issue 13).

Quality: the 180 driver segments written in all three languages
(eval/coding/drivers_tri_*.jsonl), the same gold codes; qualcode's evaluation harness
(half a review pool answered by a simulated coder, half a test set, fixed seed 13)
gives macro F1 and Cohen's kappa at 0, 5, 10 and 20 labels per code.  The pool holds 90
segments, so budgets above about 10 use the whole pool ("reached" says how many labels
per code the coder gave).

Speed: sentences per second embedding the demo corpus's segments, the two models taking
turns (A/B/B/A), with the load average printed.

    .venv/bin/python benchmarks/bench_languages.py [--skip-speed] [--skip-quality]
"""

from __future__ import annotations

import argparse
import os
import time

from _common import CODEBOOK, REPO, demo_segments

MODELS = ("all-MiniLM-L6-v2", "multilingual-e5-small")
LANGUAGES = ("en", "ru", "uz")
BUDGETS = (0, 5, 10, 20)


def quality() -> None:
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.evaluate.report import evaluate_coding
    from qualcode.embed.choose import make_embedder

    book = load_codebook(CODEBOOK)
    print("labels/code  model                   lang  reached  macroF1  kappa   emb+LR F1")
    for model in MODELS:
        embedder = make_embedder(model)
        for lang in LANGUAGES:
            path = REPO / "eval" / "coding" / f"drivers_tri_{lang}.jsonl"
            ev = evaluate_coding(path, book, embedder, BUDGETS, seeds=(13,))
            for p in ev.points:
                q, lr = p.scores["qualcode"], p.scores["emb+lr"]
                print(
                    f"{p.budget:>11}  {model:<22}  {lang:<4}  {p.mean_positives:>7.1f}  "
                    f"{q['macro_f1']:>7.3f}  {q['kappa']:>5.3f}   {lr['macro_f1']:>7.3f}"
                )


def speed(rounds: int = 2) -> None:
    from qualcode.embed.choose import make_embedder

    texts = demo_segments()
    models = {m: make_embedder(m) for m in MODELS}
    for m in models.values():
        m.encode(texts[:32])  # load and warm up
    times: dict[str, list[float]] = {m: [] for m in MODELS}
    order = [*MODELS, *reversed(MODELS)] * rounds  # A/B/B/A
    for name in order:
        t0 = time.perf_counter()
        models[name].encode(texts)
        times[name].append(time.perf_counter() - t0)
    print(f"load average {os.getloadavg()}; {len(texts)} demo segments, order {order}")
    base = min(times[MODELS[0]])
    for name in MODELS:
        best = min(times[name])
        print(
            f"{name:<22}  best {best:6.2f} s  {len(texts) / best:7.1f} sentences/s  "
            f"runs {[round(t, 2) for t in times[name]]}  time vs MiniLM {best / base:4.2f}x"
        )


def cross_lingual() -> None:
    """Zero-shot on all 180 segments of each language, with the bundled codebook (English
    plus Russian and Uzbek labels and keywords) and with its English part alone."""
    import dataclasses
    import json

    import numpy as np
    from sklearn.metrics import cohen_kappa_score, f1_score

    from qualcode.codebook.load import load_codebook
    from qualcode.coding.suggest import ZeroShotSuggester
    from qualcode.embed.choose import make_embedder

    full = load_codebook(CODEBOOK)
    english = dataclasses.replace(
        full, codes=tuple(dataclasses.replace(c, translations=()) for c in full.codes)
    )
    ids = [c.id for c in full.codes]
    for model in MODELS:
        embedder = make_embedder(model)
        for name, book in (("en+ru+uz codebook", full), ("English-only codebook", english)):
            zero_shot = ZeroShotSuggester(embedder).fit(book)
            for lang in LANGUAGES:
                path = REPO / "eval" / "coding" / f"drivers_tri_{lang}.jsonl"
                items = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
                texts = [i["text"] for i in items]
                X = embedder.encode(texts)
                Y = np.array([[c in i["codes"] for c in ids] for i in items])
                P = np.zeros_like(Y)
                for s in zero_shot.calibrate_to(texts, X).suggest(range(len(texts)), texts, X):
                    P[s.segment_id, ids.index(s.code_id)] = True
                f1 = f1_score(Y, P, average="macro", zero_division=0)
                kappa = np.mean([cohen_kappa_score(Y[:, j], P[:, j]) for j in range(len(ids))])
                print(
                    f"cross-lingual {model:<22} {name:<22} {lang}  zero-shot F1 {f1:.3f}  "
                    f"kappa {kappa:.3f}  suggestions/text {P.sum() / len(P):.2f} "
                    f"(gold {Y.sum() / len(Y):.2f})"
                )


def themes() -> None:
    """Topics fitted on the demo corpus with the multilingual model; each translated
    segment is assigned to its nearest topic: how often do the Russian and the Uzbek
    versions land in the same topic as the English one?"""
    import json
    import tempfile
    from pathlib import Path

    import numpy as np

    from qualcode.embed.choose import make_embedder
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.pipeline.run import process
    from qualcode.store import Store
    from qualcode.topics.languages import centre_by_language
    from qualcode.topics.model import nearest_topics

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp), create=True)
        store.settings.set_settings({"embedding_model": MODELS[1]})
        ingest_paths(store, [REPO / "demo" / "corpus"])
        process(store)
        centroids = store.topics.topic_centroids()
        store.close()
    embedder = make_embedder(MODELS[1])
    vectors, languages = [], []
    for lang in LANGUAGES:
        path = REPO / "eval" / "coding" / f"drivers_tri_{lang}.jsonl"
        texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
        vectors.append(embedder.encode(texts))
        languages += [lang] * len(texts)
    centred = centre_by_language(np.vstack(vectors), languages)  # as process() does
    n = len(vectors[0])
    assigned = {
        lang: nearest_topics(centred[k * n : (k + 1) * n], centroids, 0.0)[0]
        for k, lang in enumerate(LANGUAGES)
    }
    for lang in LANGUAGES[1:]:
        same = float(np.mean(assigned[lang] == assigned["en"]))
        print(f"themes: {lang} segment in the same topic as its English original: {same:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()}")
    if not args.skip_speed:
        speed()
    if not args.skip_quality:
        quality()
        cross_lingual()
    themes()


if __name__ == "__main__":
    main()
