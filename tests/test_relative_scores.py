"""Zero-shot scores relative to the project's own distribution, the same for any subset."""

from __future__ import annotations

import numpy as np

from helpers import DRIVERS, HashEmbedder
from qualcode.codebook.load import load_codebook
from qualcode.coding.suggest import ZeroShotSuggester

TEXTS = [f"Line {i}: the harvest was {i} tonnes and the road was dusty." for i in range(40)] + [
    "The wedding cost so much that the family took a loan for the bride price.",
    "Men go to Russia for work and send money home to their families.",
]


def _fitted() -> tuple[ZeroShotSuggester, np.ndarray]:
    emb = HashEmbedder()
    zs = ZeroShotSuggester(emb).fit(load_codebook(DRIVERS))
    return zs, emb.encode(TEXTS)


def test_a_calibrated_subset_scores_as_it_does_among_all() -> None:
    zs, X = _fitted()
    zs.calibrate_to(TEXTS, X)
    whole = zs.scores(TEXTS, X)
    assert np.allclose(zs.scores(TEXTS[-2:], X[-2:]), whole[-2:])


def test_relative_scores_pick_out_the_texts_about_a_code() -> None:
    zs, X = _fitted()
    scores = zs.scores(TEXTS, X)
    wedding = zs.code_ids_.index("wedding_costs")
    assert int(np.argmax(scores[:, wedding])) == 40
    suggested = {(s.segment_id, s.code_id) for s in zs.suggest(range(len(TEXTS)), TEXTS, X)}
    assert (40, "wedding_costs") in suggested and (41, "labour_migration") in suggested


def test_few_texts_fall_back_to_the_reference_scale() -> None:
    zs, X = _fitted()
    scores = zs.scores(TEXTS[-2:], X[-2:])  # 2 texts: too few for a distribution
    assert scores.shape == (2, len(zs.code_ids_)) and (scores >= 0).all() and (scores <= 1).all()
