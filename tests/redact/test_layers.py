"""Layer plumbing: the NER gate, layer names, and the project's redactor settings."""

from __future__ import annotations

import pytest

from qualcode.errors import ConfigError
from qualcode.records import RawTranscript, TranscriptMeta, Turn
from qualcode.redact import RuleRedactor
from qualcode.redact.layers import GatedNer, OrgList
from qualcode.redact.words import Candidate
from qualcode.settings import check_layers


class CountingNer:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def find(self, text: str) -> list[Candidate]:
        self.seen.append(text)
        return [Candidate(0, 4, "PERSON", "dana", 0.75)] if text.startswith("Dana") else []


def test_the_ner_model_only_sees_texts_that_rules_cannot_decide() -> None:
    ner = CountingNer()
    gate = GatedNer(ner)
    texts = [
        "Dana helps the women here.",  # Dana: an English word and a name (Zipf 3.8)
        "We went to Tashkent and the bazaar.",  # only kept or very common capitals
        "Dilnozaning eri came.",  # a rare word: the unknown-word layer takes it
    ]
    found = gate.find_many(texts)
    assert ner.seen == ["Dana helps the women here."]
    assert [len(f) for f in found] == [1, 0, 0]


def test_unknown_layers_are_refused_with_the_known_ones_listed() -> None:
    with pytest.raises(ConfigError, match="Choose among: patterns"):
        check_layers(["patterns", "magic"])
    assert check_layers(["unknown", "patterns"]) == ("patterns", "unknown")


def test_org_list_finds_the_longest_listed_name_whole_words_any_case() -> None:
    orgs = OrgList(["Umid", "Umid Sewing Workshop", " ", "School 12"])
    text = "She works at UMID sewing workshop; school 12 and Umidjon are not it."
    found = [(text[c.start : c.end], c.kind, c.key) for c in orgs.find(text)]
    assert found == [
        ("UMID sewing workshop", "ORG", "umid sewing workshop"),
        ("school 12", "ORG", "school 12"),
    ]
    assert OrgList([" ", ""]).find(text) == []
    red = RuleRedactor(orgs=["Umid Sewing Workshop"], layers=("orgs",))
    raw = RawTranscript("t.txt", "text", "h", (Turn("P1", text, None, None),), TranscriptMeta("t"))
    assert [s.span.kind for s in red.find_spans(raw)] == ["ORG"]
