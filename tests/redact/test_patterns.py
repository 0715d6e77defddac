"""Contact and number patterns: what must be found, and amounts that must not be."""

from __future__ import annotations

import pytest

from qualcode.records import RawTranscript, TranscriptMeta, Turn
from qualcode.redact import RuleRedactor
from qualcode.redact.patterns import find_ages, find_contacts


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start : m.end]) for m in find_contacts(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Call +998 90 123 45 67 now", "PHONE", "+998 90 123 45 67"),
        ("Call 998-90-123-45-67.", "PHONE", "998-90-123-45-67"),
        ("home 71 234 56 78", "PHONE", "71 234 56 78"),
        ("Dushanbe +992 93 123 4567", "PHONE", "+992 93 123 4567"),
        ("Osh +996 555 123 456", "PHONE", "+996 555 123 456"),
        ("Moscow 8 (912) 345-67-89", "PHONE", "8 (912) 345-67-89"),
        ("office 467 3395", "PHONE", "467 3395"),
        ("office 9472 7916", "PHONE", "9472 7916"),
        ("passport AB 1234567 lost", "ID", "AB 1234567"),
        ("PINFL 31203870123456", "ID", "31203870123456"),
        ("IBAN GB56HXDO88167774656119", "ID", "GB56HXDO88167774656119"),
        ("card 8600 1234 5678 9012", "CARD", "8600 1234 5678 9012"),
        ("card 4131034282458809939", "CARD", "4131034282458809939"),
        ("date of birth. It's 6/24/1991", "DOB", "6/24/1991"),
        ("She was born on 12.03.1987 in", "DOB", "12.03.1987"),
        ("at Amir Temur ko'chasi 12, kv. 4 near", "ADDRESS", "Amir Temur ko'chasi 12, kv. 4"),
        ("at 12 Mustaqillik street we", "ADDRESS", "12 Mustaqillik street"),
        ("улица Ленина, д. 5, кв. 12 и", "ADDRESS", "улица Ленина, д. 5, кв. 12"),
    ],
)
def test_contacts_and_numbers_are_found_whole(text: str, kind: str, value: str) -> None:
    assert (kind, value) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The wedding cost 150 000 000 som.",
        "We paid 20 000 000 sum for the toy.",
        "about 1 500 000 so'm a month",
        "15,000,000 for the bride price",
        "on 12-05-2023 we met, and on 2023-05-14 again",
        "It was 2019 and 300 guests came.",
    ],
)
def test_amounts_dates_and_years_are_not_phone_numbers(text: str) -> None:
    assert _found(text) == []


def test_an_age_is_redacted_only_when_attached_to_a_name() -> None:
    text = "Dilnoza, 34, said her son Jasur is 17. I am 45 and 300 people came."
    raw = RawTranscript(
        "f.txt", "text", "h", (Turn("P1", text),), TranscriptMeta(title="t", participants=())
    )
    out = RuleRedactor().redact(raw).turns[0].text
    assert "34" not in out and "17" not in out and "[AGE_1]" in out
    assert "I am 45 and 300 people came." in out


def test_initials_join_the_name_they_stand_by() -> None:
    raw = RawTranscript(
        "f.txt", "text", "h", (Turn("P1", "I think A. Karimov left."),), TranscriptMeta(title="t")
    )
    assert RuleRedactor().redact(raw).turns[0].text == "I think [PERSON_1] left."


@pytest.mark.parametrize(
    ("text", "found"),
    [  # each detector's skip test (``_hints``) lets through what its expression matches
        ("ул.Навои тут", [("ADDRESS", "ул.Навои")]),
        ("KUCHAI Rudaki", [("ADDRESS", "KUCHAI Rudaki")]),
        ("at ПРОСПЕКТ Мира 5", [("ADDRESS", "ПРОСПЕКТ Мира 5")]),
        ("Flat No. 7", [("ADDRESS", "Flat No. 7")]),
        ("BORN 1 May 1980.", [("DOB", "1 May 1980")]),
        ("TUG'ILGAN 1990-05-04", [("DOB", "1990-05-04")]),
        ("Иванов 03.04.1985 г.р. был", [("DOB", "03.04.1985")]),
        ("see HTTPS://example.org/x now", [("URL", "HTTPS://example.org/x")]),
        ("works at Barakat Tikuv now", [("ORG", "Barakat Tikuv")]),
        (
            "no 1234567890123 but 12345678901234.",
            [("PHONE", "1234567890123"), ("ID", "12345678901234")],
        ),
    ],
)
def test_upper_case_and_digit_free_forms_pass_the_skip_tests(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "age"), [("I am 45, yes", "45"), ("AGED 30", "30"), ("a 34-year-old", "34")]
)
def test_ages_anywhere_pass_the_skip_tests(text: str, age: str) -> None:
    assert [m.value for m in find_ages(text, [])] == [age]
