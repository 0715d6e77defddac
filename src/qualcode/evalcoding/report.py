"""``qualcode eval-coding``: load, embed, run the curves, print the tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qualcode.embed import Embedder
from qualcode.evalcoding.data import gold_matrix, load_labelled
from qualcode.evalcoding.harness import CurvePoint, run_curves
from qualcode.evalcoding.peers import (
    EmbeddingLogReg,
    KeywordDictionary,
    QualcodeMethod,
    TfidfLogReg,
)
from qualcode.models import Codebook


def evaluate_coding(
    path: Path, codebook: Codebook, embedder: Embedder, budgets: Sequence[int]
) -> tuple[list[CurvePoint], list[str], int]:
    code_ids = [c.id for c in codebook.codes]
    items = load_labelled(path, code_ids)
    texts = [i.text for i in items]
    X = embedder.encode(texts)
    Y = gold_matrix(items, code_ids)
    methods = {
        "qualcode": lambda: QualcodeMethod(codebook, embedder),
        "keywords": lambda: KeywordDictionary(codebook),
        "tfidf+lr": TfidfLogReg,
        "emb+lr": EmbeddingLogReg,
    }
    return run_curves(texts, X, Y, methods, budgets), code_ids, len(items)


def format_curves(points: list[CurvePoint], code_ids: list[str], n: int) -> str:
    methods = list(points[0].macro_f1)
    head = f"{'labels/code':>11}{'decided':>9}{'reached':>9}"
    lines = [
        f"{n} labelled segments: half a review pool, half a test set (fixed seed).",
        "",
        "macro F1 on the test half",
        head + "".join(f"{m:>11}" for m in methods) + f"{'ECE':>8}",
    ]
    for p in points:
        ece = f"{p.ece:.3f}" if p.ece is not None else "-"
        lines.append(
            f"{p.budget:>11}{p.labelled:>9}{p.mean_positives:>9.1f}"
            + "".join(f"{p.macro_f1[m]:>11.3f}" for m in methods)
            + f"{ece:>8}"
        )
    lines += [
        "",
        "macro Cohen's kappa on the test half",
        head + "".join(f"{m:>11}" for m in methods),
    ]
    for p in points:
        lines.append(
            f"{p.budget:>11}{p.labelled:>9}{p.mean_positives:>9.1f}"
            + "".join(f"{p.kappa[m]:>11.3f}" for m in methods)
        )
    lines += ["", "per-code F1, qualcode, at each budget"]
    lines.append(f"{'code':<26}" + "".join(f"{p.budget:>7}" for p in points))
    for j, c in enumerate(code_ids):
        lines.append(f"{c:<26}" + "".join(f"{p.per_code_f1['qualcode'][j]:>7.2f}" for p in points))
    return "\n".join(lines)
