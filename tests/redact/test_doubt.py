"""The NER gate (``redact.doubt``): which words need a model, what the spaCy model reads,
batching, and that the gate leaks no word of a name the spaCy model would have redacted,
on the redaction evaluation sets.  The judge that decides the doubts by default:
test_judge.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest

from qualcode.redact.doubt import CONTEXT_WORDS, DoubtGate, GatedNer
from qualcode.redact.evaluate import EvalDoc, load_eval_set, qualcode_detector
from qualcode.redact.givennames import GivenNames
from qualcode.redact.ner import SpacyNer
from qualcode.redact.ordinary import Ordinary
from qualcode.redact.redactor import RuleRedactor
from qualcode.redact.vocab import TranscriptVocab
from qualcode.redact.words import CAP_WORD, KEEP, Candidate

EVAL = Path(__file__).resolve().parents[2] / "eval" / "redaction"
SETS = ("synthetic", "heldout", "presidio_research", "multilingual")
DOCS_PER_SET = 12  # the first documents of each set: enough to exercise every layer


class Echo:
    """A stand-in model that tags every text whole, to see what the gate lets through."""

    def find(self, text: str) -> list[Candidate]:
        return [Candidate(0, len(text), "PERSON", text, 0.75)]


class Ungated(GatedNer):
    """The gate open: the model reads every text, whole."""

    def windows(self, text: str, ordinary: Ordinary | None = None) -> list[tuple[int, int]]:
        return [(0, len(text))] if text else []


def _gate(names: bool = False) -> GatedNer:
    return GatedNer(Echo(), KEEP, GivenNames(KEEP) if names else None)


def _docs(name: str) -> list[EvalDoc]:
    return load_eval_set(EVAL / f"{name}.jsonl")[:DOCS_PER_SET]


def test_rare_words_kept_words_and_cyrillic_need_no_model() -> None:
    gate = _gate()
    assert not gate.needed("Then Dilnozaning eri came.")  # rare: ``unknown`` takes it
    assert not gate.needed("We went to Tashkent and the bazaar.")  # kept or very common
    assert not gate.needed("Then Fridays were hard.")  # the plural of a kept word
    assert not gate.needed("Мы видели Розу вчера.")  # the model's Cyrillic spans are dropped
    assert gate.needed("We asked Scott about it.")  # Zipf 4.7 mid-sentence: a doubt


def test_a_word_written_in_lower_case_elsewhere_in_the_transcript_is_settled() -> None:
    texts = ["Then Tea was served.", "we drank tea at the mosque."]
    ordinary = Ordinary(KEEP, TranscriptVocab(texts))
    assert _gate().needed(texts[0])
    assert not _gate().needed(texts[0], ordinary)  # a span of it would be dismissed


def test_given_names_are_left_to_the_name_list_that_claims_them_first() -> None:
    assert _gate().needed("We asked Tamara about it.")
    assert not _gate(names=True).needed("We asked Tamara about it.")


def test_common_words_open_sentences_but_rarer_capitals_there_stay_in_doubt() -> None:
    gate = _gate()
    assert not gate.needed("Thank you. Everyone, sit.")  # Zipf >= 5 at a sentence start
    assert gate.needed("Scott is a very sympathetic person.")  # a name at the start


def test_a_kept_word_before_a_capital_may_begin_a_full_name() -> None:
    assert _gate().needed("Muslim Aliyev signed it.")
    assert not _gate().needed("Muslim women signed it.")


def test_an_inline_speaker_label_stays_in_doubt_at_a_line_start() -> None:
    assert not _gate().needed("Wait. John said so.")  # Zipf 5.4 at a sentence start
    assert _gate().needed("Nicole: Remember me?\nJohn: You saved my life!")


def test_the_model_reads_the_doubtful_sentence_and_those_either_side() -> None:
    text = "We met. It rained. We asked Scott. He came. It ended."
    ((start, end),) = _gate().windows(text)
    assert text[start:end] == "It rained. We asked Scott. He came."
    found = _gate().find(text)
    assert [(c.start, c.end) for c in found] == [(start, end)]  # offsets into the whole text
    assert _gate().windows("We went to Tashkent.") == []


def test_the_bundled_model_reads_the_words_either_side_of_each_doubt() -> None:
    gate = GatedNer(Echo(), KEEP, context_words=2)
    text = "We met at noon. Then we asked Scott about it. Much, much later, Sabrina came by. Fine."
    assert [text[s:e] for s, e in gate.windows(text)] == [
        "we asked Scott about it.",
        "much later, Sabrina came by.",
    ]
    close = "One two Scott three Sabrina four five six seven."
    assert [close[s:e] for s, e in gate.windows(close)] == ["One two Scott three Sabrina four five"]
    assert gate.find("Scott")[0] == Candidate(0, 5, "PERSON", "Scott", 0.75)


def test_the_default_layers_judge_the_doubts_and_a_users_model_reads_sentences(
    tmp_path: Path,
) -> None:
    from qualcode.redact.judge import JudgedDoubts
    from qualcode.redact.layers import build_finders

    ours = dict(build_finders(["names", "ner"], KEEP))["ner"]
    theirs = dict(build_finders(["ner"], KEEP, ner_model=tmp_path))["ner"]
    assert isinstance(ours, JudgedDoubts) and isinstance(ours.names, GivenNames)
    assert isinstance(theirs, GatedNer) and theirs.context_words is None


def test_find_many_gives_what_find_gives_text_by_text() -> None:
    gate = GatedNer(SpacyNer(), KEEP, GivenNames(KEEP))
    for name in SETS:
        for doc in _docs(name):
            texts = [t.text for t in doc.turns]
            ordinary = Ordinary(KEEP, TranscriptVocab(texts))
            one_by_one = [gate.find_many([t], ordinary)[0] for t in texts]
            assert gate.find_many(texts, ordinary) == one_by_one, doc.id


class Counting(Echo):
    """Echo that records what each batch asked of it."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def find_many(self, texts: list[str]) -> list[list[Candidate]]:
        self.batches.append(list(texts))
        return [self.find(t) for t in texts]


def test_a_sentence_repeated_across_transcripts_is_read_once_and_found_in_each() -> None:
    model = Counting()
    gate = GatedNer(model, KEEP)
    hello = "Thank you, Scott."
    groups = [([hello, "We asked Scott."], None), (["Hi.", hello], None)]
    found = gate.find_groups(groups)
    assert model.batches == [[hello, "We asked Scott."]]
    span = [Candidate(0, len(hello), "PERSON", hello, 0.75)]
    assert found[0][0] == span and found[1][1] == span and found[1][0] == []
    assert found == [gate.find_many(texts) for texts, _ in groups]


def test_transcripts_redacted_together_are_redacted_as_one_at_a_time() -> None:
    red = RuleRedactor()
    raws = [doc.raw() for name in SETS for doc in _docs(name)]
    assert red.find_spans_many(raws) == [red.find_spans(raw) for raw in raws]
    assert red.redact_many_with_key(raws[:8]) == [red.redact_with_key(r) for r in raws[:8]]


def _capitals_left(docs: list[EvalDoc], red: RuleRedactor) -> set[tuple[str, str, str]]:
    """The capitalised words of gold spans that ``red`` leaves unredacted."""
    left = set()
    detect = qualcode_detector(red)
    for doc in docs:
        covered: dict[tuple[int, str], set[int]] = {}
        for p in detect(doc):
            covered.setdefault((p.turn, p.field), set()).update(range(p.start, p.end))
        for g in doc.spans:
            text = doc.field_text(g.turn, g.field)
            for m in CAP_WORD.finditer(text, g.start, g.end):
                if not set(range(m.start(), m.end())) <= covered.get((g.turn, g.field), set()):
                    left.add((doc.id, g.label, m.group(0)))
    return left


@pytest.mark.parametrize("name", SETS)
def test_the_gate_leaks_no_word_of_a_name_that_the_model_on_every_text_redacts(
    name: str,
) -> None:
    """The model reading every text whole may still redact more of a gold span: it may
    stretch a rare word's span over a lower-case word beside it ('jamoati Tugalang'),
    which the gate doesn't read.  No capitalised word may leak for the gate's sake."""
    docs = _docs(name)
    gated = _with_ner(lambda f: GatedNer(_bundled(), f.keep, f.names, CONTEXT_WORDS))
    ungated = _with_ner(lambda f: Ungated(_bundled(), f.keep, f.names))
    assert _capitals_left(docs, gated) <= _capitals_left(docs, ungated)


def _bundled() -> SpacyNer:
    return SpacyNer(labels={"PERSON": "PERSON", "PER": "PERSON"})


def _with_ner(make: Callable[[DoubtGate], DoubtGate]) -> RuleRedactor:
    """The default redactor with the bundled spaCy model in its NER layer's place."""
    red = RuleRedactor()
    red.swap_layer("ner", lambda gate: make(cast(DoubtGate, gate)))
    return red


def test_swapping_a_layer_replaces_it_in_place_and_an_unknown_one_is_refused() -> None:
    red = RuleRedactor()
    order = [n for n, _ in red._finders]
    red.swap_layer("ner", lambda gate: GatedNer(Echo(), cast(DoubtGate, gate).keep))
    assert [n for n, _ in red._finders] == order
    assert isinstance(dict(red._finders)["ner"], GatedNer)
    with pytest.raises(ValueError, match="no layer 'nope'"):
        red.swap_layer("nope", lambda layer: layer)
