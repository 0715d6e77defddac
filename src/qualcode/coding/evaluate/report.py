"""``qualcode eval-coding``: load, embed, run the curves over seeds, print the tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qualcode.coding.evaluate.data import gold_matrix, load_labelled, neighbour_context
from qualcode.coding.evaluate.harness import CurvePoint, EvalSet, Method, human_scores, run_curves
from qualcode.coding.evaluate.peers import (
    EmbeddingLogReg,
    KeywordDictionary,
    QualcodeMethod,
    TfidfLogReg,
)
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.embed.encoder import Embedder
from qualcode.records import Codebook

# what each part of qualcode's learner adds: each variant switches one part off
ABLATION = {
    "-zero-shot": {"use_zero_shot": False},
    "-codebook": {"use_codebook": False},
    "-context": {"use_context": False},
}


@dataclass
class Evaluation:
    points: list[CurvePoint]
    code_ids: list[str]
    n: int
    gold_per_text: float
    human: tuple[dict[str, float], int] | None
    seeds: tuple[int, ...]


def evaluate_coding(
    path: Path,
    codebook: Codebook,
    embedder: Embedder,
    budgets: Sequence[int],
    *,
    setfit: bool = False,
    seeds: Sequence[int] = (13, 14, 15),
    ablation: bool = False,
) -> Evaluation:
    """Learning curves for qualcode and its peers; ``setfit`` adds SetFit (slow: it
    fine-tunes the encoder at every budget; needs the ``bench`` extra); ``ablation``
    adds qualcode with one part switched off at a time."""
    code_ids = [c.id for c in codebook.codes]
    items = load_labelled(path, code_ids)
    texts = [i.text for i in items]
    X = embedder.encode(texts)
    second = gold_matrix(items, code_ids, second=True) if any(i.second for i in items) else None
    data = EvalSet(texts, X, gold_matrix(items, code_ids), second, neighbour_context(items, X))
    # the whole set is the project's corpus: its similarity distribution (no labels)
    zero_shot = ZeroShotSuggester(embedder).fit(codebook).calibrate_to(texts, X)
    methods = _methods(codebook, zero_shot, setfit, ablation, embedder)
    points = run_curves(data, methods, budgets, seeds)
    gold = float(data.Y.sum(axis=1).mean())
    return Evaluation(points, code_ids, len(items), gold, human_scores(data), tuple(seeds))


def _methods(
    codebook: Codebook,
    zero_shot: ZeroShotSuggester,
    setfit: bool,
    ablation: bool,
    embedder: Embedder,
) -> dict[str, Method]:
    # peers apply a fixed 0.5 cut-off, so F1 compares with qualcode's "balanced"
    # preference (beta 1); the service's default leans to recall (beta 2)
    methods: dict[str, Method] = {
        "qualcode": lambda: QualcodeMethod(codebook, zero_shot, beta=1.0),
        "keywords": lambda: KeywordDictionary(codebook),
        "tfidf+lr": TfidfLogReg,
        "emb+lr": EmbeddingLogReg,
    }
    if ablation:
        for name, switch in ABLATION.items():
            methods[f"qc{name}"] = _variant(codebook, zero_shot, switch)
    if setfit:
        from qualcode.coding.evaluate.setfit_peer import SetFitPeer

        methods["SetFit"] = lambda: SetFitPeer(getattr(embedder, "model", None))
    return methods


def _variant(codebook: Codebook, zero_shot: ZeroShotSuggester, switch: dict[str, bool]) -> Method:
    return lambda: QualcodeMethod(codebook, zero_shot, 1.0, **switch)


def format_curves(ev: Evaluation) -> str:
    points = ev.points
    methods = list(points[0].scores)
    lines = [
        f"{ev.n} labelled texts; per seed ({', '.join(map(str, ev.seeds))}) half a review pool,"
        " half a test set; mean ± standard deviation over the seeds.",
        f"gold codes per text: {ev.gold_per_text:.2f}",
    ]
    if ev.human is not None:
        h, n = ev.human
        lines.append(
            f"second human coder vs gold ({n} texts both coded): kappa {h['kappa']:.3f},"
            f" macro F1 {h['macro_f1']:.3f}"
        )
    for measure, title in _TITLES.items():
        lines += _table(title, points, methods, measure)
    lines += _per_code(points, ev.code_ids)
    return "\n".join(lines)


_TITLES = {
    "macro_f1": "macro F1 on the test half (codes present in it)",
    "kappa": "mean Cohen's kappa per code on the test half",
    "recall": "macro recall on the test half",
    "per_text": "suggestions per text (compare: gold codes per text above)",
    "coverage": "coverage: share of gold-coded texts with at least one suggestion",
    "left_alone": "share of texts without a gold code left without suggestion",
}


def _table(title: str, points: list[CurvePoint], methods: list[str], measure: str) -> list[str]:
    budgets = sorted({p.budget for p in points})
    head = f"{'labels/code':>11}{'decided':>9}{'reached':>9}" + "".join(f"{m:>15}" for m in methods)
    lines = ["", title, head]
    for k in budgets:
        at = [p for p in points if p.budget == k]
        row = f"{k:>11}{np.mean([p.labelled for p in at]):>9.0f}"
        row += f"{np.mean([p.mean_positives for p in at]):>9.1f}"
        row += "".join(_cell([p.scores[m][measure] for p in at]) for m in methods)
        lines.append(row)
    return lines


def _cell(values: Sequence[float]) -> str:
    v = np.array(values, dtype=float)
    if np.isnan(v).all():
        return f"{'-':>15}"
    return f"{np.nanmean(v):>9.3f} ±{np.nanstd(v):.3f}"


def _per_code(points: list[CurvePoint], code_ids: list[str]) -> list[str]:
    budgets = sorted({p.budget for p in points})
    lines = [
        "",
        "per-code F1, qualcode, mean over seeds",
        f"{'code':<26}" + "".join(f"{k:>7}" for k in budgets),
    ]
    for j, c in enumerate(code_ids):
        cells = [
            np.mean([p.per_code_f1["qualcode"][j] for p in points if p.budget == k])
            for k in budgets
        ]
        lines.append(f"{c:<26}" + "".join(f"{x:>7.2f}" for x in cells))
    return lines
