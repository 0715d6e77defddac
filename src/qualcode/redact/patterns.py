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
CARD = re.compile(r"(?<![\d+])(?:\d{4}[\s-]?){3}\d{4}(?![\d])")
# Dates of birth: a date right after "born" / "date of birth" / "DOB" / "tug'ilgan".
DOB = re.compile(
    r"(?i:\b(?:born(?:\s+on)?|date\s+of\s+birth:?|d\.?o\.?b\.?:?|tug['’ʻ‘`]ilgan)\s+)"
    r"(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
# A run of digits with phone-style separators, optionally with a country code.
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-]{5,}\d(?![\w])")
_DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{2}[./]\d{2}[./]\d{4}$|^\d{4}$")
_LOCAL_7 = re.compile(r"^\d{3}[\s-]\d{2}[\s-]\d{2}$")


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
    ("CARD", CARD),
    ("ID", PERSONAL_NO),
    ("DOB", DOB),
    ("PHONE", PHONE),
)


def _phone_ok(candidate: str) -> bool:
    stripped = candidate.strip()
    digits = sum(ch.isdigit() for ch in stripped)
    if _DATE_LIKE.match(stripped):
        return False
    if 9 <= digits <= 15:
        return True
    return digits == 7 and bool(_LOCAL_7.match(stripped))


def find_contacts(text: str) -> Iterator[Match]:
    """Yield email, URL and phone matches, non-overlapping, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[Match] = []
    for kind, rx in _ORDER:
        for m in rx.finditer(text):
            group = 1 if rx.groups else 0
            value = m.group(group).rstrip(".,;:!?)-( ")
            start, end = m.start(group), m.start(group) + len(value)
            if kind == "PHONE" and not _phone_ok(value):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(Match(start, end, kind, value))
    yield from sorted(found, key=lambda m: m.start)
