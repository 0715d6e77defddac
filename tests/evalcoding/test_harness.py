"""The coding evaluation: an honest simulated coder, the measures, the labelled-set format."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from helpers import HashEmbedder
from qualcode.coding.evaluate.data import gold_matrix, load_labelled, neighbour_context
from qualcode.coding.evaluate.harness import EvalSet, human_scores, simulate_coder
from qualcode.coding.evaluate.metrics import measure
from qualcode.coding.evaluate.peers import EmbeddingLogReg, QualcodeMethod
from qualcode.coding.evaluate.report import evaluate_coding, format_curves
from qualcode.coding.learn import UNKNOWN
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.errors import InputError
from qualcode.records import Code, Codebook

BOOK = Codebook(
    "t",
    "1",
    (
        Code("water", "Water", "Tap water and irrigation.", keywords=("water",)),
        Code("weddings", "Weddings", "The cost of weddings.", keywords=("wedding",)),
        Code("work", "Work", "Jobs and unemployment.", keywords=("job",)),
    ),
)
TOPICS = ["the tap water stopped", "the wedding cost a lot", "no job in the village"]


def _corpus(n: int = 90) -> tuple[list[str], np.ndarray]:
    rng = np.random.default_rng(1)
    codes = rng.integers(0, 3, n)
    texts = [f"{TOPICS[c]} again in house {i}" for i, c in enumerate(codes)]
    return texts, np.eye(3, dtype=np.int8)[codes]


def test_the_simulated_coder_stops_labelling_a_code_at_its_budget() -> None:
    texts, Y = _corpus()
    emb = HashEmbedder()
    data = EvalSet(texts, emb.encode(texts), Y)
    zs = ZeroShotSuggester(emb).fit(BOOK)
    pool = np.arange(60)
    for k in (3, 5):
        rows, labels = simulate_coder(data, pool, k, lambda: QualcodeMethod(BOOK, zs))
        assert (labels == 1).sum(axis=0).tolist() == [k, k, k]  # never more than k
        assert (labels == UNKNOWN).any()  # later rows leave a full code undecided
        known = labels != UNKNOWN
        assert (labels[known] == Y[rows][known]).all()  # the rest is the gold


def test_measures_count_only_codes_present_and_show_over_coding() -> None:
    gold = np.array([[1, 0, 0], [0, 0, 0], [1, 0, 0], [0, 1, 0]])
    silent = np.zeros_like(gold)
    eager = np.ones_like(gold)
    m = measure(gold, gold)
    assert m["kappa"] == m["macro_f1"] == 1.0 and m["per_text"] == 0.75
    assert measure(gold, silent)["kappa"] == 0.0  # no credit for never suggesting code 3
    e = measure(gold, eager)
    assert e["per_text"] == 3.0 and e["coverage"] == 1.0 and e["left_alone"] == 0.0


def test_human_ceiling_uses_only_the_texts_both_coded() -> None:
    texts, Y = _corpus(10)
    second = Y.copy()
    second[5:] = UNKNOWN
    second[0] = [0, 0, 0]
    result = human_scores(EvalSet(texts, np.zeros((10, 2)), Y, second))
    assert result is not None
    scores, n = result
    assert n == 5 and scores["coverage"] == 0.8


def test_labelled_sets_carry_a_second_coder_and_sources(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "water again", "codes": ["water"], "codes_second": ["work"]},
        {"id": "b", "text": "a wedding", "codes": [], "source": "t1"},
        {"id": "c", "text": "a job", "codes": ["work"], "source": "t1"},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    items = load_labelled(path, ["water", "weddings", "work"])
    assert gold_matrix(items, ["water", "weddings", "work"], second=True).tolist() == [
        [0, 0, 1],
        [-1, -1, -1],
        [-1, -1, -1],
    ]
    ctx = neighbour_context(items, np.array([[1.0], [2.0], [4.0]]))
    assert ctx is not None and ctx.ravel().tolist() == [1.0, 4.0, 2.0]
    rows[0]["codes_second"] = ["nope"]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with pytest.raises(InputError, match="codes_second"):
        load_labelled(path, ["water", "weddings", "work"])


def test_evaluation_runs_every_method_seed_and_budget(tmp_path: Path) -> None:
    texts, Y = _corpus(80)
    path = tmp_path / "set.jsonl"
    lines = [
        json.dumps({"id": str(i), "text": t, "codes": [BOOK.codes[int(np.argmax(y))].id]})
        for i, (t, y) in enumerate(zip(texts, Y, strict=True))
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    ev = evaluate_coding(path, BOOK, HashEmbedder(), (0, 5), seeds=(1, 2), ablation=True)
    assert {(p.seed, p.budget) for p in ev.points} == {(1, 0), (1, 5), (2, 0), (2, 5)}
    at5 = [p for p in ev.points if p.budget == 5]
    assert {"qualcode", "emb+lr", "qc-zero-shot", "qc-codebook"} <= set(at5[0].scores)
    assert all(p.scores["qualcode"]["kappa"] > 0.5 for p in at5)
    text = format_curves(ev)
    assert "suggestions per text" in text and "±" in text


def test_embedding_peer_takes_undecided_labels() -> None:
    X = np.vstack([np.ones((4, 2)), -np.ones((4, 2))])
    Y = np.array([[1, UNKNOWN]] * 4 + [[0, UNKNOWN]] * 4, dtype=np.int8)
    pred = EmbeddingLogReg().fit([""] * 8, X, Y).predict([""] * 8, X)
    assert pred[:, 0].tolist() == [1] * 4 + [0] * 4 and pred[:, 1].sum() == 0
