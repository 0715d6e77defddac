"""Learning from coders: per-code classifiers, the codebook as labelled rows, stacking,
context, calibration, queue, agreement."""

from __future__ import annotations

import numpy as np

from helpers import HashEmbedder
from qualcode.coding.agreement import alpha, kappa
from qualcode.coding.classifiers import codebook_rows
from qualcode.coding.context import neighbour_mean
from qualcode.coding.learn import (
    UNKNOWN,
    CodeClassifiers,
    LearningSuggester,
    expected_calibration_error,
    labels_matrix,
)
from qualcode.coding.order import review_order
from qualcode.coding.stacking import Stacker, exclusive, margin
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


def test_stacker_trusts_the_source_that_agrees_with_the_labels() -> None:
    Y = (RNG.random((120, 4)) < 0.25).astype(np.int8)
    good = np.where(Y == 1, 2.0, -2.0) + RNG.normal(0, 0.5, Y.shape)
    noise = RNG.normal(0, 1, Y.shape)
    w_first = Stacker().fit([good, noise], Y).model_.coef_[0]
    w_second = Stacker().fit([noise, good], Y).model_.coef_[0]
    assert w_first[0] > 5 * abs(w_first[2]) and w_second[2] > 5 * abs(w_second[0])
    stacked = Stacker(beta=1.0).fit([good, noise], Y)
    assert (stacked.decide(stacked.probabilities([good, noise])) == Y).mean() > 0.95


def test_stacker_decodes_one_code_per_segment_only_when_labels_say_so() -> None:
    single = np.eye(3, dtype=np.int8)[RNG.integers(0, 3, 60)]
    double = single.copy()
    double[::2, (np.argmax(single[::2], axis=1) + 1) % 3] = 1
    assert exclusive(single) and not exclusive(double)
    assert not exclusive(single[:5])  # too few coded segments to tell
    scores = single * 2.0 + 1.0  # every code clears any cut-off; the best stands out
    stacked = Stacker(beta=1.0).fit([scores], single)
    assert stacked.decide(np.array([[0.9, 0.8, 0.1]])).tolist() == [[1, 0, 0]]


def test_margin_is_the_lead_over_the_best_other_code() -> None:
    assert margin(np.array([[0.9, 0.5, 0.2]])).round(2).tolist() == [[0.4, -0.4, -0.7]]
    assert margin(np.array([[0.3]])).tolist() == [[0.0]]


def test_codebook_texts_become_one_positive_row_each() -> None:
    V, Y = codebook_rows([np.ones((2, 3)), np.zeros((0, 3)), np.ones((1, 3))])
    assert V.shape == (3, 3) and Y.tolist() == [[1, 0, 0], [1, 0, 0], [0, 0, 1]]


def test_context_is_the_mean_of_the_neighbours_in_the_same_transcript() -> None:
    X = np.array([[1.0, 0], [0, 1.0], [1.0, 1.0], [5.0, 5.0]])
    ctx = neighbour_mean([1, 1, 1, 2], X)
    assert ctx[0].tolist() == [0, 1] and ctx[1].tolist() == [1, 0.5]
    assert ctx[3].tolist() == [5, 5]  # alone in its transcript: itself


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


def _story(n: int) -> tuple[list[str], list[int], np.ndarray]:
    """Two-turn stories: the second turn says nothing of the topic the first one set."""
    texts, groups, labels = [], [], []
    for i in range(n):
        first, code = (
            (f"the wedding toy cost so much family {i}", 0)
            if i % 2
            else (f"the tap water stopped again in house {i}", 1)
        )
        texts += [first, f"and after that it was hard for all of us {i}"]
        groups += [i, i]
        labels += [code, code]
    return texts, groups, np.eye(2, dtype=np.int8)[labels]


def test_neighbouring_turns_find_the_code_a_story_carries() -> None:
    book = Codebook(
        "t",
        "1",
        (Code("weddings", "Weddings", "Wedding costs."), Code("water", "Water", "Tap water.")),
    )
    emb = HashEmbedder()
    texts, groups, Y = _story(40)
    X = emb.encode(texts)
    ctx = neighbour_mean(groups, X)
    train, test = np.arange(40), np.arange(40, 80)
    second = test[1::2]  # the turns that need their story
    hits = {}
    for use in (True, False):
        model = LearningSuggester(ZeroShotSuggester(emb), beta=1.0, use_context=use)
        model.fit(book, X[train], Y[train], [texts[i] for i in train], context=ctx[train])
        pred = model.predict([texts[i] for i in second], X[second], ctx[second])
        hits[use] = float((pred == Y[second]).all(axis=1).mean())
    assert hits[True] >= 0.9 > hits[False]


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


def _plain_greedy(value: np.ndarray, vectors: np.ndarray, n: int) -> list[int]:
    """The order's definition, written out: maximal marginal relevance, diversity 0.3."""
    chosen: list[int] = []
    max_sim = np.zeros(len(value))
    for _ in range(min(n, len(value))):
        gain = 0.7 * value - 0.3 * max_sim
        gain[chosen] = -np.inf
        chosen.append(int(np.argmax(gain)))
        max_sim = np.maximum(max_sim, vectors @ vectors[chosen[-1]])
    return chosen


def _value(scores: np.ndarray, thresholds: np.ndarray, n_labels: np.ndarray) -> np.ndarray:
    closeness = 1.0 - np.minimum(np.abs(scores - thresholds) / 0.5, 1.0)
    return (closeness / np.sqrt(1.0 + n_labels)).max(axis=1)


def test_review_order_leaves_out_what_is_not_allowed_and_is_the_plain_greedy() -> None:
    rng = np.random.default_rng(3)
    scores, vectors = rng.random((60, 3)), rng.normal(size=(60, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    thresholds, n_labels = np.array([0.5, 0.4, 0.6]), np.array([0, 3, 9])
    allowed = rng.random(60) < 0.5
    rows = np.flatnonzero(allowed)
    order = review_order(scores, thresholds, n_labels, vectors, 10, allowed=allowed)
    plain = _plain_greedy(_value(scores[rows], thresholds, n_labels), vectors[rows], 10)
    assert order == [int(rows[p]) for p in plain]  # as over the allowed rows alone
    everything = review_order(scores, thresholds, n_labels, vectors, 99, allowed=allowed)
    assert sorted(everything) == rows.tolist()  # no more than are allowed


def test_review_order_with_a_pool_chooses_among_the_most_valuable() -> None:
    rng = np.random.default_rng(4)
    scores, vectors = rng.random((200, 2)), rng.normal(size=(200, 6))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    thresholds, n_labels = np.array([0.5, 0.5]), np.array([1, 2])
    allowed = np.ones(200, dtype=bool)
    allowed[:40] = False
    value = np.where(allowed, _value(scores, thresholds, n_labels), -np.inf)
    pool = np.sort(np.argsort(-value, kind="stable")[:16])
    order = review_order(scores, thresholds, n_labels, vectors, 8, allowed=allowed, pool=16)
    assert review_order(scores, thresholds, n_labels, vectors, 8, allowed=allowed, pool=500) == (
        review_order(scores, thresholds, n_labels, vectors, 8, allowed=allowed)
    )  # a pool as large as the candidates: the plain greedy
    plain = _plain_greedy(value[pool], vectors[pool], 8)
    assert order == [int(pool[p]) for p in plain]
    assert order[0] == int(np.argmax(value))  # the most valuable segment still leads


def test_agreement_is_perfect_for_identical_codings_and_lower_otherwise() -> None:
    a = np.array([[1, 0], [0, 1], [1, 1], [0, 0]])
    b = np.array([[1, 0], [0, 0], [1, 1], [1, 0]])
    assert kappa(a[:, 0], a[:, 0]) == 1.0 and kappa(a[:, 0], b[:, 0]) < 1.0
    assert alpha({"x": a, "y": a}) == 1.0 and alpha({"x": a, "y": b}) < 1.0
