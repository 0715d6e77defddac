"""``qualcode eval-coding``: load, embed, run the curves, print the tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qualcode.coding.evaluate.data import gold_matrix, load_labelled
from qualcode.coding.evaluate.harness import CurvePoint, run_curves
from qualcode.coding.evaluate.peers import (
    EmbeddingLogReg,
    KeywordDictionary,
    QualcodeMethod,
    TfidfLogReg,
)
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.embed.encoder import Embedder
from qualcode.records import Codebook


def evaluate_coding(
    path: Path,
    codebook: Codebook,
    embedder: Embedder,
    budgets: Sequence[int],
    *,
    setfit: bool = False,
) -> tuple[list[CurvePoint], list[str], int]:
    """Learning curves for qualcode and its peers; ``setfit`` adds SetFit (slow: it
    fine-tunes the encoder at every budget; needs the ``bench`` extra)."""
    code_ids = [c.id for c in codebook.codes]
    items = load_labelled(path, code_ids)
    texts = [i.text for i in items]
    X = embedder.encode(texts)
    Y = gold_matrix(items, code_ids)
    # the whole set is the project's corpus: its similarity distribution (no labels)
    zero_shot = ZeroShotSuggester(embedder).fit(codebook).calibrate_to(texts, X)
    methods = {
        # peers apply a fixed 0.5 cut-off, so F1 compares with qualcode's "balanced"
        # preference (F1 thresholds); "qc-recall" is the default recall-leaning one
        "qualcode": lambda: QualcodeMethod(codebook, zero_shot, beta=1.0),
        "qc-recall": lambda: QualcodeMethod(codebook, zero_shot, beta=2.0),
        "keywords": lambda: KeywordDictionary(codebook),
        "tfidf+lr": TfidfLogReg,
        "emb+lr": EmbeddingLogReg,
    }
    if setfit:
        from qualcode.coding.evaluate.setfit_peer import SetFitPeer

        methods["SetFit"] = lambda: SetFitPeer(getattr(embedder, "model", None))
    return run_curves(texts, X, Y, methods, budgets), code_ids, len(items)


def format_curves(points: list[CurvePoint], code_ids: list[str], n: int) -> str:
    methods = list(points[0].macro_f1)
    lines = [f"{n} labelled segments: half a review pool, half a test set (fixed seed)."]
    lines += _table("macro F1 on the test half", points, methods, lambda p: p.macro_f1, True)
    lines += _table("macro Cohen's kappa on the test half", points, methods, lambda p: p.kappa)
    lines += _table("macro recall on the test half", points, methods, lambda p: p.recall)
    lines += ["", "per-code F1, qualcode, at each budget"]
    lines.append(f"{'code':<26}" + "".join(f"{p.budget:>7}" for p in points))
    for j, c in enumerate(code_ids):
        lines.append(f"{c:<26}" + "".join(f"{p.per_code_f1['qualcode'][j]:>7.2f}" for p in points))
    return "\n".join(lines)


def _table(
    title: str,
    points: list[CurvePoint],
    methods: list[str],
    values: Callable[[CurvePoint], dict[str, float]],
    ece: bool = False,
) -> list[str]:
    head = f"{'labels/code':>11}{'decided':>9}{'reached':>9}" + "".join(f"{m:>11}" for m in methods)
    lines = ["", title, head + (f"{'ECE':>8}" if ece else "")]
    for p in points:
        row = f"{p.budget:>11}{p.labelled:>9}{p.mean_positives:>9.1f}"
        row += "".join(f"{values(p)[m]:>11.3f}" for m in methods)
        if ece:
            row += f"{p.ece:>8.3f}" if p.ece is not None else f"{'-':>8}"
        lines.append(row)
    return lines
