"""The given-names layer: names that are also English words are still redacted."""

from __future__ import annotations

from qualcode.redact.givennames import GivenNames
from qualcode.redact.words import given_names


def _found(text: str) -> list[str]:
    return [text[c.start : c.end] for c in GivenNames().find(text)]


def test_names_that_are_english_words_are_found_mid_sentence() -> None:
    assert _found("The psychologist, Tamara, told her. Ask Laura and Dana.") == [
        "Tamara",
        "Laura",
        "Dana",
    ]


def test_case_endings_and_cyrillic_forms_are_found() -> None:
    assert _found("Madinaning eri and Дилноза came") == ["Madinaning", "Дилноза"]


def test_common_words_and_kept_words_are_not_names() -> None:
    assert "said" in given_names()  # an Arabic name, and the English verb
    assert _found("Then Said the man. We met in Tashkent on Monday.") == []


def test_sentence_starts_are_flagged_with_lower_confidence() -> None:
    (c,) = GivenNames().find("Lola wanted to study.")
    assert c.confidence < 0.7
