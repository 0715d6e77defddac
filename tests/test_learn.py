"""Learning from coders: per-code classifiers, blending, thresholds, calibration, queue,
agreement."""

from __future__ import annotations

import numpy as np

from helpers import HashEmbedder
from qualcode.coding.agreement import alpha, kappa
from qualcode.coding.learn import (
    UNKNOWN,
    CodeClassifiers,
    LearningSuggester,
    best_thresholds,
    blend,
    expected_calibration_error,
    labels_matrix,
)
from qualcode.coding.order import review_order
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.records import Code, Codebook

RNG = np.random.default_rng(0)


def test_classifiers_learn_per_code_and_skip_codes_without_labels() -> None:
    X = np.vstack([RNG.normal(1, 0.3, (20, 4)), RNG.normal(-1, 0.3, (20, 4))])
    Y = np.full((40, 2), UNKNOWN, dtype=np.int8)
    Y[:, 0] = [1] * 20 + [0] * 20
    p = CodeClassifiers().fit(X, Y).predict_proba(X)
    assert (p[:20, 0] > 0.9).all() and (p[20:, 0] < 0.1).all()
    assert np.isnan(p[:, 1]).all()  # no labels for code 2: no classifier, no guess


def test_blend_trusts_labels_more_as_they_accumulate_and_keeps_zero_shot_without() -> None:
    zs, learned = np.array([[0.2, 0.2]]), np.array([[1.0, np.nan]])
    few = blend(zs, learned, np.array([2.0, 0.0]), half=8)
    many = blend(zs, learned, np.array([50.0, 0.0]), half=8)
    assert 0.2 < few[0, 0] < many[0, 0] < 1.0
    assert few[0, 1] == many[0, 1] == 0.2


def test_thresholds_favour_recall_and_need_enough_positives() -> None:
    scores = np.array([[0.9], [0.6], [0.55], [0.3], [0.2], [0.1], [0.58], [0.7], [0.05], [0.5]])
    Y = np.array([[1], [1], [1], [0], [0], [0], [1], [1], [0], [0]], dtype=np.int8)
    assert best_thresholds(scores, Y, default=0.45)[0] == 0.55
    assert best_thresholds(scores, Y, default=0.45, beta=0.5)[0] == 0.55
    assert best_thresholds(scores[:3], Y[:3], default=0.45)[0] == 0.45  # 3 positives only
    assert best_thresholds(scores[:8], Y[:8], default=0.45)[0] == 0.45  # 3 negatives only


def test_labels_from_decisions_make_unreviewed_rows_unknown() -> None:
    Y = labels_matrix(3, ["a", "b"], positives={0: {"a"}}, negatives={1: {"b"}})
    assert Y.tolist() == [[1, 0], [0, 0], [UNKNOWN, UNKNOWN]]


def test_learning_fixes_a_code_the_codebook_describes_badly() -> None:
    book = Codebook(
        "t",
        "1",
        (
            Code("weddings", "Weddings", "The cost of weddings and toy ceremonies."),
            Code("water", "Water", "Irrigation canals and farm plots."),  # misses 'tap'
        ),
    )
    emb = HashEmbedder()
    texts = [f"the tap water stopped again in house {i}" for i in range(12)]
    texts += [f"the wedding toy cost so much for family {i}" for i in range(12)]
    X = emb.encode(texts)
    Y = np.array([[0, 1]] * 12 + [[1, 0]] * 12, dtype=np.int8)
    zero = LearningSuggester(ZeroShotSuggester(emb)).fit(book)
    learned = LearningSuggester(ZeroShotSuggester(emb)).fit(book, X, Y, texts)
    test = ["no tap water since monday", "the tap is dry"]
    Xt = emb.encode(test)
    assert zero.predict(test, Xt)[:, 1].sum() == 0 < learned.predict(test, Xt)[:, 1].sum()
    tap = next(s for s in learned.suggest([1], test[:1], Xt[:1]) if s.code_id == "water")
    assert tap.evidence[0].startswith("like confirmed: the tap water stopped again")


def test_expected_calibration_error_separates_honest_from_overconfident() -> None:
    y = (RNG.random(5000) < 0.7).astype(int)
    assert expected_calibration_error(np.full(5000, 0.7), y) < 0.02
    assert expected_calibration_error(np.full(5000, 0.99), y) > 0.25


def test_review_order_puts_unsure_rare_and_varied_segments_first() -> None:
    scores = np.array([[0.5, 0.0], [0.46, 0.0], [0.46, 0.0], [0.0, 0.5]])
    vectors = np.array([[1, 0], [0, 1], [0, 1], [0.7, 0.7]], dtype=float)
    order = review_order(scores, np.array([0.45, 0.45]), np.array([10, 0]), vectors, 3)
    assert order[0] == 3  # at the threshold of the code with no labels
    assert set(order[1:]) != {1, 2}  # the two identical segments are not both next


def test_agreement_is_perfect_for_identical_codings_and_lower_otherwise() -> None:
    a = np.array([[1, 0], [0, 1], [1, 1], [0, 0]])
    b = np.array([[1, 0], [0, 0], [1, 1], [1, 0]])
    assert kappa(a[:, 0], a[:, 0]) == 1.0 and kappa(a[:, 0], b[:, 0]) < 1.0
    assert alpha({"x": a, "y": a}) == 1.0 and alpha({"x": a, "y": b}) < 1.0
