"""SetFit (Tunstall et al. 2022) with qualcode's encoder, as a peer for the coding evaluation.

The ``setfit`` library fine-tunes the sentence-transformer contrastively on pairs of the
labelled segments (a pair is positive when the two share a code, ``CosineSimilarityLoss``),
then fits a one-vs-rest logistic-regression head on the tuned embeddings.  The head is
class-balanced, like ``EmbeddingLogReg``'s: SetFit's unweighted default predicts almost
nothing for codes on ~10% of segments.  Iterations: SetFit's default of 20 (2 x 20 x n
pairs, one epoch) on small labelled sets, scaled down to keep about 1,000 pairs on larger
ones (``iterations_for``), so a fit stays a few CPU-minutes; the earlier fixed 2
iterations under-trained it on small sets.  The frozen vectors ``X`` the harness passes
are ignored: SetFit encodes with its own tuned body.  setfit and torch are imported lazily.
"""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np


class SetFitPeer:
    name = "SetFit"

    def __init__(
        self,
        model_path: str | None = None,
        *,
        num_iterations: int | None = None,
        epochs: int = 1,
        batch_size: int = 16,
        seed: int = 13,
    ) -> None:
        self.model_path = model_path
        self.num_iterations = num_iterations
        self.epochs = epochs
        self.batch_size = batch_size
        self.seed = seed

    def fit(
        self, texts: Sequence[str], X: np.ndarray, Y: np.ndarray, context: object = None
    ) -> SetFitPeer:
        """``Y``: (n, n_codes) of 0/1.  Codes with no positive label are predicted 0."""
        self.k_ = Y.shape[1]
        self.has_positive_ = (Y == 1).any(axis=0) if len(Y) else np.zeros(self.k_, dtype=bool)
        self.model_: Any = None
        if not len(texts) or not self.has_positive_.any():
            return self
        labels = (np.asarray(Y) == 1).astype(int).tolist()  # undecided (-1) counts as absent
        self.iterations_ = self.num_iterations or iterations_for(len(texts))
        self.model_ = self._train(list(texts), labels)
        return self

    def predict(self, texts: Sequence[str], X: np.ndarray, context: object = None) -> np.ndarray:
        out = np.zeros((len(texts), self.k_), dtype=np.int8)
        if self.model_ is None or not len(texts):
            return out
        pred = self.model_.predict(list(texts), as_numpy=True, show_progress_bar=False)
        out[:] = np.asarray(pred).reshape(len(texts), self.k_)
        out[:, ~self.has_positive_] = 0
        return out

    def _train(self, texts: list[str], labels: list[list[int]]) -> Any:
        import setfit
        from setfit import SetFitModel, Trainer, TrainingArguments
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from transformers import set_seed
        from transformers.trainer_callback import ProgressCallback
        from transformers.utils import logging as hf_logging

        from qualcode.embed.encoder import load_sentence_transformer

        setfit.logging.set_verbosity_warning()  # the library turns on INFO when imported
        set_seed(self.seed)
        bar = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # "Loading weights" on every fit
        try:
            body = load_sentence_transformer(self.model_path)
        finally:
            if bar:
                hf_logging.enable_progress_bar()
        model = SetFitModel(
            model_body=body,
            model_head=OneVsRestClassifier(
                LogisticRegression(class_weight="balanced", max_iter=1000)
            ),
            multi_target_strategy="one-vs-rest",
        )
        with (
            tempfile.TemporaryDirectory(prefix="qualcode-setfit-") as tmp,
            warnings.catch_warnings(),
        ):
            # one-vs-rest warns for a code with one class only; it then predicts that class
            warnings.filterwarnings("ignore", message="Label .* is present in all training")
            args = TrainingArguments(
                output_dir=tmp,
                batch_size=self.batch_size,
                num_iterations=self.iterations_,
                num_epochs=self.epochs,
                seed=self.seed,
                save_strategy="no",
                logging_strategy="no",
                report_to="none",
                show_progress_bar=False,
            )
            trainer = Trainer(model=model, args=args)
            trainer.st_trainer.remove_callback(ProgressCallback)
            trainer.st_trainer.args.dataloader_pin_memory = False  # CPU: avoids a warning
            if _has_pairs(labels):
                trainer.train_embeddings(texts, labels)
            trainer.train_classifier(texts, labels)
        return model


def iterations_for(n: int, pairs: int = 1000) -> int:
    """SetFit's default of 20 iterations (2 x 20 x n pairs) where that stays under
    ``pairs`` pairs, fewer for larger sets (at least 2): a fit stays a few CPU-minutes."""
    return int(max(2, min(20, pairs // max(2 * n, 1))))


def _has_pairs(labels: list[list[int]]) -> bool:
    """SetFit's sampler needs at least one positive pair (two segments sharing a code; a
    segment pairs with itself) and one negative pair (two with no code in common)."""
    Y = np.asarray(labels, dtype=bool)
    if not Y.any():
        return False
    shared = (Y.astype(int) @ Y.T.astype(int)) > 0
    return bool((~shared).any())
