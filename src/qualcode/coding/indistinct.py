"""Indistinct pairs: two codes the model can hardly tell apart (``findings.INDISTINCT``).

A pair figure counts as high when it stands out among the codebook's own pairs (robust z
at least ``Limits.tail_z``) and passes an absolute floor.  Without a corpus, alike
descriptions are a finding unless an exclusion note already draws the line between the
two; with a corpus, two of three figures must be high: the descriptions' similarity, the
correlation of the two score columns and the share of top-scoring segments they have in
common (the last two only count when both codes are suggested somewhere: a code
suggested nowhere is a finding of its own).  Sharing half their top segments is enough
alone, and near-duplicate descriptions are a finding whatever the other pairs.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from qualcode.coding import separation as sep
from qualcode.coding.findings import INDISTINCT, Finding, Limits
from qualcode.coding.suggest import ZeroShotSuggester


def _high(values: np.ndarray, floor: float, limits: Limits) -> np.ndarray:
    return np.asarray((sep.robust_z(values) >= limits.tail_z) & (values >= floor))


def indistinct_pairs(
    model: ZeroShotSuggester,
    similar: np.ndarray,
    corpus: sep.CorpusScores | None,
    limits: Limits,
) -> list[Finding]:
    """Pairs of codes the model can hardly tell apart (see the module's notes)."""
    pairs = sep.upper_pairs(len(model.code_ids_))
    figures = _pair_figures(similar, corpus)
    high, certain = _pair_flags(figures, _both_used(corpus, pairs), limits)
    out = []
    for k, (a, b) in enumerate(pairs):
        drawn = b in model.excluded_to_[a] or a in model.excluded_to_[b]
        votes = [name for name, flags in high.items() if flags[k]]
        if certain[k] or (len(votes) >= 2 if corpus else votes and not drawn):
            evidence = _pair_evidence(figures, k, drawn, corpus, a, b)
            out.append(_indistinct(model.code_ids_, a, b, votes, evidence))
    return out


def _both_used(corpus: sep.CorpusScores | None, pairs: list[tuple[int, int]]) -> np.ndarray:
    """Per pair, whether both codes are suggested somewhere in the corpus."""
    used = np.asarray(corpus.picked.any(axis=0)) if corpus else None
    return np.array([used is None or bool(used[a] and used[b]) for a, b in pairs], dtype=bool)


def _pair_flags(
    figures: dict[str, np.ndarray], both_used: np.ndarray, limits: Limits
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per figure, the pairs where it is high; and the pairs that are near-duplicates."""
    floors = {"descriptions": limits.similar, "scores": limits.correlated, "top": limits.shared_top}
    high = {name: _high(values, floors[name], limits) for name, values in figures.items()}
    certain = np.asarray(figures["descriptions"] >= limits.duplicate)
    if "top" in figures:
        high["scores"] &= both_used
        high["top"] &= both_used
        certain |= high["top"] & (figures["top"] >= limits.same_top)
    return high, certain


def _pair_figures(similar: np.ndarray, corpus: sep.CorpusScores | None) -> dict[str, np.ndarray]:
    descriptions = sep.pair_values(similar)
    if corpus is None:
        return {"descriptions": descriptions}
    return {
        "descriptions": descriptions,
        "scores": sep.pair_values(sep.score_correlation(corpus.scores)),
        "top": sep.pair_values(sep.top_overlap(corpus.scores)),
    }


def _pair_evidence(
    figures: dict[str, np.ndarray],
    k: int,
    drawn: bool,
    corpus: sep.CorpusScores | None,
    a: int,
    b: int,
) -> dict[str, Any]:
    evidence: dict[str, Any] = {"exclusion_draws_line": drawn}
    for name, values in figures.items():
        evidence[name] = round(float(values[k]), 3)
        evidence[f"typical_{name}"] = round(float(np.median(values)), 3)
    if corpus is not None:
        evidence["top_segments"] = sep.top_count(corpus.size)
        evidence["shared_segments"] = sep.shared_segments(corpus, a, b)
    return evidence


def _indistinct(
    ids: list[str], a: int, b: int, votes: list[str], evidence: dict[str, Any]
) -> Finding:
    reasons = {
        "descriptions": "their descriptions are much alike (similarity "
        f"{evidence['descriptions']:.2f}; typical here {evidence['typical_descriptions']:.2f})",
        "scores": "their scores rise and fall together over the segments (correlation "
        f"{evidence.get('scores', 0):.2f}; typical here {evidence.get('typical_scores', 0):.2f})",
        "top": f"{evidence.get('top', 0):.0%} of their top-scoring segments are the same",
    }
    shown = [reasons[v] for v in votes] or [reasons["descriptions"]]
    line = (
        "Their exclusion notes draw a line already: make it sharper"
        if evidence["exclusion_draws_line"]
        else "Say in each code's exclusion note when to use the other"
    )
    judged = "scores" in evidence  # against a corpus, or from the descriptions alone
    pair = (
        f"can hardly tell '{ids[a]}' from '{ids[b]}'"
        if judged
        else f"is likely to confuse '{ids[a]}' and '{ids[b]}'"
    )
    message = (
        f"The model {pair}: {'; '.join(shown)}. "
        f"{line}, give examples that differ, or merge them if they are one idea."
    )
    return Finding(INDISTINCT, (ids[a], ids[b]), message, evidence)
