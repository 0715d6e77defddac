"""Keywords match inflected words in Russian, Uzbek, Tajik, Kyrgyz and English."""

from __future__ import annotations

import pytest

from qualcode.coding.keywords import KeywordMatcher
from qualcode.coding.morphology import word_form


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("свадьбу", "свадьба"),
        ("мигрантов", "мигрант"),
        ("to'ylarda", "to'y"),
        ("Rossiyaga", "rossiya"),
        ("qaynonasi", "qaynona"),
        ("мигрантларга", "мигрант"),
        ("beating", "beat"),
    ],
)
def test_inflections_share_a_form(a: str, b: str) -> None:
    assert word_form(a) == word_form(b)


def test_common_english_words_are_not_cut_like_uzbek() -> None:
    assert word_form("dollar") == "dollar" and word_form("garden") == "garden"


def test_keywords_in_several_languages_match_mixed_text() -> None:
    matcher = KeywordMatcher([["свадьба", "to'y", "wedding"], ["мигрант", "patent"]])
    hits = matcher.hits("Ну, на свадьбу all the money went, to'ylarda hamma qarz oladi.")
    assert hits[0] == frozenset({"свадьба", "to'y"}) and hits[1] == frozenset()
    assert matcher.hits("Мигрантов депортируют без патента.")[1] == frozenset({"мигрант"})
