"""Model as a coder: kappa per code and alpha, model vs coders and coders vs each other.

Scenario (U = unemployment, M = labour_migration), segments s1..s4:

    model (suggestions): s1 U; s2 U M; s3 M; s4 -
    ann codes s1..s4:    s1 U; s2 U (rejects M); s3 M; s4 adds U
    bob codes s1..s3:    s1 U; s2 U M (a reject undone first); s3 M (wedding_costs undone)

so over their segments: model U 1100 M 0110, ann U 1101 M 0010, bob U 110 M 011.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from typer.testing import CliRunner

from helpers import DRIVERS
from qualcode.cli import app
from qualcode.codebook.load import load_codebook
from qualcode.coding.agreement import alpha
from qualcode.coding.trust import coder_decisions, format_trust, trust_report
from qualcode.errors import ConflictError
from qualcode.records import RedactedTranscript, RedactedTurn, Suggestion, TranscriptMeta
from qualcode.review import decisions as review
from qualcode.segment.sentences import SentenceSegmenter
from qualcode.store import Store
from qualcode.text import layout, text_hash

U, M = "unemployment", "labour_migration"
TURNS = ["There are no jobs here.", "Men go to Russia for work.", "My son left.", "We wait."]


@pytest.fixture
def segs(store: Store) -> list[int]:
    """Four one-sentence segments, the drivers codebook, and the model's suggestions."""
    turns = tuple(RedactedTurn(f"P{i}", t) for i, t in enumerate(TURNS, 1))
    doc = RedactedTranscript("f.txt", "text", "h", turns, TranscriptMeta(title="t"), ())
    text, spans = layout(doc.turns)
    tid = store.transcripts.add_transcript(doc, text, spans)
    found = SentenceSegmenter().segment(tid, text, spans, [t.speaker for t in turns])
    store.segments.add_segments(found, [text_hash(s.text) for s in found])
    store.codebook.save_codebook(load_codebook(DRIVERS), {})
    ids = [s.id for s in store.segments.segments() if s.id is not None]
    assert len(ids) == 4
    s1, s2, s3, _ = ids
    made = [(s1, U), (s2, U), (s2, M), (s3, M)]
    store.analysis.replace_suggestions([Suggestion(s, c, 0.9) for s, c in made], "fp")
    return ids


def _ann(store: Store, ids: list[int]) -> None:
    s1, s2, s3, s4 = ids
    for seg, code, action in [(s1, U, "accept"), (s2, U, "accept"), (s2, M, "reject")]:
        review.record(store, seg, code, action, "ann")
    review.record(store, s3, M, "accept", "ann")
    review.record(store, s4, U, "add", "ann")


def _bob(store: Store, ids: list[int]) -> None:
    s1, s2, s3, _ = ids
    review.record(store, s1, U, "accept", "bob")
    review.undo(store, review.record(store, s2, U, "reject", "bob"), "bob")
    review.record(store, s2, U, "accept", "bob")
    review.record(store, s2, M, "accept", "bob")
    review.record(store, s3, M, "accept", "bob")
    wedding = review.record(store, s3, "wedding_costs", "add", "bob")
    review.undo(store, wedding, "ann")  # an undo by anyone removes the entry it names


def test_coder_decisions_fold_each_coders_own_log_with_undos(store: Store, segs: list[int]) -> None:
    _ann(store, segs)
    _bob(store, segs)
    s1, s2, s3, _ = segs
    bob = coder_decisions(store.review.review_events())["bob"]
    assert bob == {(s1, U): 1, (s2, U): 1, (s2, M): 1, (s3, M): 1}


def test_kappas_match_hand_computed_values(store: Store, segs: list[int]) -> None:
    _ann(store, segs)
    _bob(store, segs)
    r = trust_report(store)
    assert r.coders == ["ann", "bob"]
    assert r.segments_coded == {"ann": 4, "bob": 3} and r.n_segments == 4
    assert r.codes == [M, U]
    assert "wedding_costs" in r.unused_codes and U not in r.unused_codes
    ann, bob = r.model_vs_coders
    assert (ann.second, ann.n_segments, bob.n_segments) == ("ann", 4, 3)
    # model U 1100 vs ann 1101: po 3/4, pe 1/2 -> 0.5; M 0110 vs 0010 likewise 0.5
    assert ann.kappa == pytest.approx({U: 0.5, M: 0.5})
    assert ann.kappa[U] == pytest.approx(cohen_kappa_score([1, 1, 0, 0], [1, 1, 0, 1]))
    assert ann.percent == pytest.approx({U: 0.75, M: 0.75})  # 3 of 4 segments agree
    assert bob.kappa == {U: 1.0, M: 1.0} and bob.mean_kappa == 1.0  # perfect agreement
    (pair,) = r.between_coders
    assert (pair.first, pair.second, pair.n_segments) == ("ann", "bob", 3)
    # M: ann 001 vs bob 011: po 2/3, pe 4/9 -> (2/9)/(5/9) = 0.4
    assert pair.kappa == pytest.approx({U: 1.0, M: 0.4})
    assert pair.kappa[M] == pytest.approx(cohen_kappa_score([0, 0, 1], [0, 1, 1]))
    assert pair.mean_kappa == pytest.approx(0.7)
    assert pair.percent == pytest.approx({U: 1.0, M: 2 / 3})


def test_alpha_among_coders_and_with_the_model(store: Store, segs: list[int]) -> None:
    _ann(store, segs)
    _bob(store, segs)
    r = trust_report(store)
    # 6 pairable (segment, code) units, 12 values (7 ones), one disagreeing unit:
    # 1 - (2/12) / (2*7*5/(12*11)) = 24/35
    assert r.alpha_humans == pytest.approx(24 / 35)
    nan = np.nan
    columns_m_u = {  # codes in report order: M, U
        "model": [[0, 1], [1, 1], [1, 0], [0, 0]],
        "ann": [[0, 1], [0, 1], [1, 0], [0, 1]],
        "bob": [[0, 1], [1, 1], [1, 0], [nan, nan]],
    }
    expected = alpha({k: np.array(v, dtype=float) for k, v in columns_m_u.items()})
    assert r.alpha_with_model == pytest.approx(expected)
    assert -1.0 <= expected < 1.0


def test_reading_says_the_model_is_as_good_as_a_colleague(store: Store, segs: list[int]) -> None:
    _ann(store, segs)
    _bob(store, segs)
    text = format_trust(trust_report(store))
    assert "model~ann" in text and "ann~bob" in text
    assert "n segments" in text and "Krippendorff's alpha, coders only: 0.69" in text
    assert "about as well as coders agree with each other" in text
    assert "mean kappa model~coder 0.75, coder~coder 0.70" in text


def test_reading_says_less_reliable_when_coders_agree_but_the_model_does_not(
    store: Store, segs: list[int]
) -> None:
    for coder in ("ann", "bob"):
        for seg in segs:
            review.record(store, seg, U, "reject", coder)
        review.record(store, segs[3], M, "add", coder)
    r = trust_report(store)
    assert r.between_coders[0].kappa == {U: None, M: 1.0}  # neither coder used U: no kappa
    assert "less reliable than a colleague" in format_trust(r)


def test_a_third_coder_without_shared_segments(store: Store, segs: list[int]) -> None:
    _ann(store, segs)
    _bob(store, segs)
    review.record(store, segs[3], U, "add", "cat")
    r = trust_report(store)
    pairs = {(p.first, p.second): p for p in r.between_coders}
    assert pairs["ann", "cat"].n_segments == 1 and pairs["ann", "cat"].kappa[U] == 1.0
    assert pairs["ann", "cat"].kappa[M] is None
    nothing = pairs["bob", "cat"]
    assert nothing.n_segments == 0 and nothing.mean_kappa is None
    assert set(nothing.kappa.values()) == {None}
    assert "bob~cat" in format_trust(r)


def test_single_coder_has_no_coder_to_coder_part(store: Store, segs: list[int]) -> None:
    _ann(store, segs)
    r = trust_report(store)
    assert r.between_coders == [] and r.alpha_humans is None
    assert r.alpha_with_model is not None
    assert r.model_vs_coders[0].kappa == pytest.approx({U: 0.5, M: 0.5})
    text = format_trust(r)
    assert "Only one coder (ann)" in text and "no coder-to-coder" in text


def test_no_decisions_is_a_conflict_saying_to_review_first(store: Store, segs: list[int]) -> None:
    # the request is well formed; the project's state is what refuses it (409 in the API)
    with pytest.raises(ConflictError, match="No review decisions") as err:
        trust_report(store)
    assert "Accept, reject or add codes" in str(err.value)
    review.undo(store, review.record(store, segs[0], U, "accept", "ann"), "ann")
    with pytest.raises(ConflictError):  # everything undone: still nothing to compare
        trust_report(store)


def test_without_suggestions_the_model_cannot_be_compared(store: Store, segs: list[int]) -> None:
    store.analysis.replace_suggestions([], "fp2")
    _ann(store, segs)
    _bob(store, segs)
    r = trust_report(store)
    assert not r.has_suggestions
    assert "No code suggestions are stored yet" in format_trust(r)


runner = CliRunner()


def test_cli_agreement_prints_the_table_and_json(store: Store, segs: list[int]) -> None:
    _ann(store, segs)
    _bob(store, segs)
    project = str(store.path.parent)
    result = runner.invoke(app, ["agreement", "--project", project])
    assert result.exit_code == 0, result.output
    assert "model~bob" in result.output and "about as well" in result.output
    result = runner.invoke(app, ["agreement", "-p", project, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["between_coders"][0]["kappa"][M] == pytest.approx(0.4)
    assert data["alpha_humans"] == pytest.approx(24 / 35)
    assert "about as well" in data["reading"]


def test_cli_agreement_without_decisions_exits_4(store: Store, segs: list[int]) -> None:
    result = runner.invoke(app, ["agreement", "-p", str(store.path.parent)])
    assert result.exit_code == ConflictError.exit_code == 4, result.output
    assert "No review decisions" in result.output and "Traceback" not in result.output
