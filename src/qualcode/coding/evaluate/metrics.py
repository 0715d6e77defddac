"""What the evaluation measures of one set of predictions against the gold.

All figures are over the test half, and the per-code ones (F1, kappa, recall) are averaged
over the codes that occur in it: a code absent from the test half would score 0 F1 for
every method, or a kappa of 1 for a method that never suggests it, and say nothing.
Besides agreement (macro F1, mean per-code Cohen's kappa, macro recall) it makes over- and
under-coding visible: suggestions per text next to the gold's codes per text, the share of
gold-coded texts that get at least one suggestion (coverage) and the share of texts
without a gold code that are left alone.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score, recall_score

from qualcode.coding.agreement import kappa

MEASURES = ("macro_f1", "kappa", "recall", "per_text", "coverage", "left_alone")


def measure(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """``gold``, ``pred``: (n, n_codes) of 0/1.  Returns the figures named in MEASURES."""
    coded = gold.sum(axis=1) > 0
    suggested = pred.sum(axis=1) > 0
    present = gold.sum(axis=0) > 0
    if not present.any():
        present[:] = True  # nothing coded at all: judge every code (kappa 1 for silence)
    g, p = gold[:, present], pred[:, present]
    return {
        "macro_f1": float(f1_score(g, p, average="macro", zero_division=0)),
        "kappa": mean_kappa(g, p),
        "recall": float(recall_score(g, p, average="macro", zero_division=0)),
        "per_text": float(pred.sum(axis=1).mean()) if len(pred) else 0.0,
        "coverage": float(suggested[coded].mean()) if coded.any() else float("nan"),
        "left_alone": float((~suggested[~coded]).mean()) if (~coded).any() else float("nan"),
    }


def mean_kappa(gold: np.ndarray, pred: np.ndarray) -> float:
    """Cohen's kappa per code (binary), averaged over the codes."""
    return float(np.mean([kappa(gold[:, j], pred[:, j]) for j in range(gold.shape[1])]))


def per_code_f1(gold: np.ndarray, pred: np.ndarray) -> list[float]:
    return [float(x) for x in f1_score(gold, pred, average=None, zero_division=0)]
