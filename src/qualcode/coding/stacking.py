"""How far to trust each source of evidence, learned from the coders' own labels.

A ``Stacker`` is one small logistic regression, pooled over every (segment, code) pair a
coder decided.  Its features, per pair:

* the per-code classifier's out-of-fold probability (as a logit),
* the zero-shot score (the codebook's wording against the project's own distribution),
* each one's margin over the best other code on the same segment (a code that stands
  out beats a code that merely clears a bar: this is how single-code codebooks stop
  over-coding while multi-code ones keep their second and third codes),
* with context, the same two scores of the neighbouring turns.

Pooling the pairs gives even a 5-label project hundreds of rows, so the weights are
stable where per-code thresholds are not; the codebook a user brings decides whether the
wording (zero-shot) or the labels carry more.  The output is a calibrated probability.
Cut-offs maximise F-beta on the out-of-fold probabilities: one pooled over all codes, and
a code's own once it has ``min_own`` labels of each kind.  When nine in ten labelled
segments carry one code, the learned decoding gives each segment at most its best code.
"""

from __future__ import annotations

import numpy as np

from qualcode.coding.classifiers import UNKNOWN

EXCLUSIVE_SHARE = 0.9  # of coded segments with exactly one code: decode one code each


class MonotoneLogistic:
    """Logistic regression whose feature weights cannot go below zero (L2-penalised,
    L-BFGS-B): more evidence from any source never lowers a probability, so a few
    dozen decisions cannot teach the stacker to read a source backwards."""

    def __init__(self, C: float = 1.0) -> None:
        self.C = C

    def fit(self, F: np.ndarray, y: np.ndarray, sample_weight: np.ndarray) -> MonotoneLogistic:
        w = sample_weight / sample_weight.sum()
        d = F.shape[1]

        def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
            z = F @ theta[:d] + theta[d]
            p = 1.0 / (1.0 + np.exp(-z))
            nll = float(np.sum(w * (np.logaddexp(0, z) - y * z)))
            g = w * (p - y)
            reg = 0.5 / (self.C * len(y))
            grad = np.concatenate([F.T @ g + 2 * reg * theta[:d], [g.sum()]])
            return nll + reg * float(theta[:d] @ theta[:d]), grad

        from scipy.optimize import minimize  # ~0.6 s to import: not at a server's start

        bounds = [(0.0, None)] * d + [(None, None)]
        found = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", bounds=bounds)
        self.coef_, self.intercept_ = found.x[None, :d], found.x[d]
        return self

    def predict_proba(self, F: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(F @ self.coef_[0] + self.intercept_)))
        return np.column_stack([1 - p, p])


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.nan_to_num(p, nan=0.5), 1e-4, 1 - 1e-4)
    return np.log(q / (1 - q))


def margin(scores: np.ndarray) -> np.ndarray:
    """Each code's score minus the best other code's on the same row."""
    if scores.shape[1] < 2:
        return np.zeros_like(scores)
    top2 = np.sort(scores, axis=1)[:, -2:]
    best_other = np.where(scores >= top2[:, 1:], top2[:, :1], top2[:, 1:])
    return scores - best_other


def features(sources: list[np.ndarray]) -> np.ndarray:
    """(n * n_codes, n_features): per source its value and its margin, pair by pair."""
    cols = [c for s in sources for c in (s, margin(s))]
    return np.stack([c.ravel() for c in cols], axis=1)


def training_pairs(Y: np.ndarray) -> np.ndarray:
    """(n, n_codes) mask of the pairs the stacker learns from: decided, of a code that has
    at least one positive.  A code nobody has given yet may simply not have been looked
    at (a coder reviewing one code at a time leaves the others looking negative), so its
    pairs would teach the stacker to distrust the codebook's wording."""
    return (Y != UNKNOWN) & ((Y == 1).sum(axis=0) > 0)


def exclusive(Y: np.ndarray, min_coded: int = 10) -> bool:
    """Whether the labels say one code per segment: enough coded rows, nearly all with a
    single code, spread over at least half the codebook (a coder working through one
    code at a time gives single codes too, and says nothing about the others)."""
    n_codes = (Y == 1).sum(axis=1)
    coded = n_codes >= 1
    used = int(((Y == 1).sum(axis=0) > 0).sum())
    single = (n_codes == 1).sum() >= EXCLUSIVE_SHARE * coded.sum()
    return bool(coded.sum() >= min_coded and single and used >= max(2, Y.shape[1] / 2))


class Stacker:
    def __init__(
        self, *, beta: float = 2.0, C: float = 1.0, min_pairs: int = 5, min_own: int = 8
    ) -> None:
        self.beta = beta
        self.C = C
        self.min_pairs = min_pairs
        self.min_own = min_own

    def can_fit(self, Y: np.ndarray) -> bool:
        pairs = training_pairs(Y)
        return bool(min((Y == 1).sum(), (Y[pairs] == 0).sum()) >= self.min_pairs)

    def fit(
        self,
        sources: list[np.ndarray],
        Y: np.ndarray,
        undecided: list[np.ndarray] | None = None,
        weight: float = 0.2,
    ) -> Stacker:
        """``sources``: (n, n_codes) score matrices of the labelled rows, out of fold.
        ``undecided``: the same for segments nobody decided, taken as weak negatives
        (``weight``): coders decide what was suggested, so among decided rows the
        zero-shot score says little; the undecided rows show how rare a code is where
        the scores are low."""
        pairs = training_pairs(Y)
        F, y = features(sources)[pairs.ravel()], Y[pairs]
        w = np.ones(len(y))
        prob_rows, Y_all, W = sources, Y, pairs.astype(float)
        if undecided is not None and len(undecided[0]):
            cols = np.broadcast_to(pairs.any(axis=0), undecided[0].shape)
            F = np.vstack([F, features(undecided)[cols.ravel()]])
            y = np.concatenate([y, np.zeros(int(cols.sum()), dtype=y.dtype)])
            w = np.concatenate([w, np.full(int(cols.sum()), weight)])
            prob_rows = [np.vstack([s, u]) for s, u in zip(sources, undecided, strict=True)]
            Y_all = np.vstack([Y, np.zeros(undecided[0].shape, dtype=Y.dtype)])
            W = np.vstack([W, cols * 1.0])
        self.model_ = MonotoneLogistic(C=self.C).fit(F, y.astype(float), w)
        self.exclusive_ = exclusive(Y)
        self._cuts(self.probabilities(prob_rows), Y_all, W)
        return self

    def probabilities(self, sources: list[np.ndarray]) -> np.ndarray:
        n, k = sources[0].shape
        return self.model_.predict_proba(features(sources))[:, 1].reshape(n, k)

    def decide(self, prob: np.ndarray, threshold: float | None = None) -> np.ndarray:
        """0/1 per (row, code): over the cut-off, and the row's best code when exclusive."""
        cut = self.thresholds_ if threshold is None else threshold
        keep = prob >= cut
        if self.exclusive_ and prob.shape[1]:
            keep &= prob >= prob.max(axis=1, keepdims=True)
        return keep.astype(np.int8)

    def _cuts(self, prob: np.ndarray, Y: np.ndarray, W: np.ndarray) -> None:
        """Per code its own cut-off with ``min_own`` labels of each kind, else the pooled
        one; ``W`` weighs each (row, code) pair (0: undecided and left out)."""
        pooled = self._best_cut(prob, Y, W)
        enough = np.minimum((Y == 1).sum(axis=0), ((Y == 0) & (W == 1)).sum(axis=0))
        self.thresholds_ = np.array(
            [
                self._best_cut(prob[:, j : j + 1], Y[:, j : j + 1], W[:, j : j + 1])
                if enough[j] >= self.min_own
                else pooled
                for j in range(Y.shape[1])
            ]
        )

    def _best_cut(self, prob: np.ndarray, Y: np.ndarray, W: np.ndarray) -> float:
        """The cut-off with the best weighted F-beta over the given pairs."""
        gold = (Y == 1) * W
        best, best_f = 0.5, -1.0
        for t in np.linspace(0.05, 0.95, 37):
            pred = self.decide(prob, float(t)) * W
            tp = float((pred * (Y == 1)).sum())
            p, r = tp / max(pred.sum(), 1e-9), tp / max(gold.sum(), 1e-9)
            f = (1 + self.beta**2) * p * r / (self.beta**2 * p + r) if p + r else 0.0
            if f > best_f:
                best, best_f = float(t), f
        return best
