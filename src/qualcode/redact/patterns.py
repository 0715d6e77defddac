"""Regular-expression detectors for contacts and numbers: emails, URLs, passport and
personal (PINFL) numbers, bank cards, dates of birth, phones.

Recall first: a string that looks like a phone number is redacted even if it might be
something else; dates (YYYY-MM-DD, DD.MM.YYYY) and clock times are not phone-shaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(
    r"(?:\bhttps?://|\bwww\.|\bt\.me/|\b(?:telegram|instagram|facebook)\.(?:me|com)/)"
    r"[^\s<>\"')\]]+",
    re.IGNORECASE,
)
# Passports (AA1234567, AB 1234567), 14-digit personal numbers (PINFL), bank cards.
PASSPORT = re.compile(r"(?<![\w])[A-Z]{2}\s?\d{7}(?![\w])")
PERSONAL_NO = re.compile(r"(?<![\d+])\d{14}(?![\d])")
CARD = re.compile(r"(?<![\d+])(?:(?:\d{4}[\s-]?){3}\d{4}|\d{15,19})(?![\d])")
IBAN = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]{4}){2,7}(?:\s?[A-Za-z0-9]{1,4})?(?![\w])"
)
# Dates of birth: a date right after "born" / "date of birth" / "DOB" / "tug'ilgan".
DOB = re.compile(
    r"(?i:\b(?:born|date\s+of\s+birth|d\.?o\.?b\.?|tug['’ʻ‘`]ilgan|родил[а-я]*|дата\s+рождения)"
    r"[^\d\n]{0,24}?)"
    r"(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
# Street addresses: a street name with a house (and flat) number; a street name alone is a
# PLACE.  "house 12", "kv. 4" alone are addresses too.
_AP = "['’ʻ‘`]"
_STREET = (
    rf"(?:ko{_AP}?chasi|street|st\.|avenue|ave\.|prospekti|prospect|mavzesi|kvartal|"
    r"massivi|ulitsa|улица|ул\.)"
)
_HOUSE = (
    r"(?:(?:house|home|uy|dom|д\.|No\.?|№)\s*)?\d+[a-zA-Z]?"
    r"(?:\s*[,/-]?\s*(?:apt\.?|apartment|flat|kv\.?|xonadon|кв\.?)?\s*\d+)?"
)
_STREET_NAME = rf"(?:[A-ZА-ЯЁЎҚҒҲ][\w{_AP[1:-1]}-]*\s+){{1,3}}{_STREET}"
ADDRESS = re.compile(
    rf"(?:\b\d+[a-zA-Z]?\s*,?\s+{_STREET_NAME}|{_STREET_NAME}\s*,?\s*{_HOUSE}(?!\w)"
    r"|(?i:\b(?:house|apartment|flat|apt\.|kv\.)\s*(?:No\.?\s*)?\d+[a-z]?\b)"
    r"|(?i:(?:улица|ул\.|проспект|пр-т|переулок|пер\.)\s*[А-ЯЁ][\w-]+"
    r"(?:\s*,?\s*(?:д\.|дом)\s*\d+\w?)?(?:\s*,?\s*(?:кв\.?|квартира)\s*\d+)?))"
)
# Exact ages attached to a person: "Dilnoza, 34,", "Jasur (17)", "34-year-old", "aged 34".
AGE_NEAR = re.compile(
    r"\b(\d{1,3})[- ]years?[- ]old\b|\baged?\s+(\d{1,3})\b|^\s*[,(]\s*(\d{1,3})\s*[,)]"
    r"|^\s+(?:is|was|turned|turns)\s+(?:only\s+|just\s+)?(\d{1,3})\b(?!\s*(?:%|percent|km|kg|som|"
    r"dollars?|thousand|million|times|people|days|months))",
    re.IGNORECASE,
)
AGE_WINDOW = 40
# A run of digits with phone-style separators, optionally with a country code.
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-]{5,}\d(?![\w])")
_DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{4}$|^\d{4}$")
_LOCAL_7 = re.compile(r"^\d{3}[\s-]\d{2}[\s-]\d{2}$|^\d{3}[\s-]\d{4}$")
_CURRENCY = re.compile(
    r"\s*(?:som|so['’ʻ‘`]m|sum|сум|сўм|usd|\$|dollars?|rub|rubles?|roubles?|руб|tenge|тенге|"
    r"somoni|сомони|million|thousand|ming|mln)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str
    value: str
    confidence: float = 1.0


_ORDER = (
    ("EMAIL", EMAIL),
    ("URL", URL),
    ("ID", PASSPORT),
    ("ID", IBAN),
    ("CARD", CARD),
    ("ID", PERSONAL_NO),
    ("DOB", DOB),
    ("ADDRESS", ADDRESS),
    ("PHONE", PHONE),
)


def _phone_ok(candidate: str, after: str) -> bool:
    stripped = candidate.strip()
    digits = sum(ch.isdigit() for ch in stripped)
    if _DATE_LIKE.match(stripped) or _is_money(stripped, after):
        return False
    if 9 <= digits <= 15:
        return True
    if digits == 8:  # 2-2-2-2, 4-4, (99) 645-791: local numbers with separators
        return len(re.findall(r"\d+", stripped)) >= 2
    return digits == 7 and bool(_LOCAL_7.match(stripped))


def _is_money(value: str, after: str) -> bool:
    """'150 000 000 som', '20,000,000': amounts (wedding costs!) are not phone numbers."""
    if _CURRENCY.match(after):
        return True
    groups = re.split(r"[\s.,]", value)
    return len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and value.endswith("00")


def find_contacts(text: str) -> Iterator[Match]:
    """Yield email, URL and phone matches, non-overlapping, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[Match] = []
    for kind, rx in _ORDER:
        for m in rx.finditer(text):
            group = 1 if rx.groups else 0
            value = m.group(group).rstrip(".,;:!?)-( ")
            start, end = m.start(group), m.start(group) + len(value)
            if kind == "PHONE" and not _phone_ok(value, text[end : end + 12]):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(Match(start, end, kind, value))
    yield from sorted(found, key=lambda m: m.start)


def find_ages(text: str, people: list[tuple[int, int]]) -> Iterator[Match]:
    """Exact ages within a few words of a person's name (``people``: their spans)."""
    for _, end in people:
        m = AGE_NEAR.search(text[end : end + AGE_WINDOW])
        if m:
            group = next(i for i in range(1, 5) if m.group(i))
            yield Match(end + m.start(group), end + m.end(group), "AGE", m.group(group))
    for start, _ in people:
        window = text[max(0, start - AGE_WINDOW) : start]
        for m in re.finditer(r"\b(\d{1,3})[- ]years?[- ]old\b", window, re.IGNORECASE):
            base = max(0, start - AGE_WINDOW)
            yield Match(base + m.start(1), base + m.end(1), "AGE", m.group(1))
