"""Regular-expression detectors for contacts and numbers (emails, URLs, phones).

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
    for kind, rx in (("EMAIL", EMAIL), ("URL", URL), ("PHONE", PHONE)):
        for m in rx.finditer(text):
            value = m.group(0).rstrip(".,;:!?)-( ")
            start, end = m.start(), m.start() + len(value)
            if kind == "PHONE" and not _phone_ok(value):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(Match(start, end, kind, value))
    yield from sorted(found, key=lambda m: m.start)
