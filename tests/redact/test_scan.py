"""``redact.scan``: the cheap tests that let a layer skip an expression that cannot match."""

from __future__ import annotations

import re
import sys

from qualcode.redact.scan import casefree, has_any, literals

LETTERS = (
    "abcdefghijklmnopqrstuvwxyz"
    + "".join(chr(c) for c in range(0x430, 0x460))  # Russian and other Cyrillic
    + "ўқғҳҷӣӯңөүәіұһ"
    + "".join(chr(c) for c in range(0x3B1, 0x3CA))  # Greek
)
EVERY_CHAR = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_casefree_equates_exactly_the_characters_ignorecase_equates() -> None:
    folded = casefree(EVERY_CHAR)
    assert len(folded) == len(EVERY_CHAR)  # one character for one: offsets stay
    for letter in LETTERS:
        by_re = {m.start() for m in re.finditer(re.escape(letter), EVERY_CHAR, re.IGNORECASE)}
        by_fold = {m.start() for m in re.finditer(re.escape(casefree(letter)), folded)}
        assert by_re == by_fold, letter


def test_casefree_keeps_a_text_s_length_and_offsets() -> None:
    text = "İstanbul ſtreet, ΟΔΟΣ Ko'chasi"
    assert len(casefree(text)) == len(text)
    assert casefree(text).index("street") == text.index("ſtreet")


def test_literals_take_the_piece_every_match_holds_and_drop_longer_repeats() -> None:
    assert literals("ko['’ʻ‘`]?chasi|mahalla|mahallasi|St\\.") == ("chasi", "mahalla", "st.")


def test_has_any_ignores_case_as_the_expressions_do() -> None:
    assert has_any("Zomin DISTRICT", ("district",))
    assert not has_any("Zomin", ("district",))
