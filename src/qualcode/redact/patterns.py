"""Regular-expression detectors for contacts and numbers: emails, URLs, passport and
personal (PINFL) numbers, bank cards, dates of birth, phones.

Recall first: a string that looks like a phone number is redacted even if it might be
something else; dates (YYYY-MM-DD, DD.MM.YYYY) and clock times are not phone-shaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qualcode.redact import scan

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(
    r"(?:\bhttps?://|\bwww\.|\bt\.me/|\b(?:telegram|instagram|facebook)\.(?:me|com)/)"
    r"[^\s<>\"')\]]+",
    re.IGNORECASE,
)
# Passports and ID cards (AA1234567, AB-1234567, N0 2799674, A75714252), 14-digit personal
# numbers (PINFL), bank cards, IBANs.
PASSPORT = re.compile(r"(?<![\w-])[A-Z]{1,2}\d?[\s-]?\d{6,8}(?![\w-])")
PERSONAL_NO = re.compile(r"(?<![\d+])\d{14}(?![\d])")
CARD = re.compile(r"(?<![\d+])(?:(?:\d{4}[\s-]?){3}\d{4}|\d{15,19})(?![\d])")
IBAN = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]{4}){2,7}(?:\s?[A-Za-z0-9]{1,4})?(?![\w])"
)
# Dates of birth: a date shortly after "born" / "date of birth" / "DOB" / "tug'ilgan", or
# before "г.р." (year of birth).
_DATE = (
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
    r"|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{4}-yil\s+\d{1,2}-[a-z]+"
)
DOB = re.compile(
    r"(?i:\b(?:born|date\s+of\s+birth|d\.?o\.?b\.?|tug['’ʻ‘`]ilgan|родил[а-я]*|дата\s+рождения)"
    rf"[^\d\n]{{0,24}}?)({_DATE})|({_DATE})(?=\s*г\.\s*р\.)"
)
# Street addresses: a street name with a house (and flat) number; a street name alone is a
# PLACE (``placewords``).  "house 12", "kv. 4" alone are addresses too.
_AP = "['’ʻ‘`]"
_STREET = (
    rf"(?:ko{_AP}?chasi|street|st\.|avenue|ave\.|prospekti|prospect|mavzesi|kvartal|"
    r"massivi|ulitsa|road|lane)"
)
_NAME = r"[A-ZА-ЯЁЎҚҒҲ][\w'’ʻ‘`-]*"
_NUM = r"\d+[a-zA-Z]?(?:-(?:uy|xonadon|kv|dom))?"
_HOUSE = (
    rf"(?:(?:house|home|uy|dom|д\.|No\.?|№)\s*)?{_NUM}"
    rf"(?:\s*[,/-]?\s*(?:apt\.?|apartment|flat|kv\.?|xonadon|кв\.?)?\s*{_NUM})?"
)
_STREET_NAME = rf"{_NAME}(?:\s+(?:{_NAME}|[a-z]{{1,8}})){{0,2}}\s+{_STREET}"
_PREFIX_STREET = (
    r"(?<!\w)(?i:ulitsa|ul\.|улица|ул\.|проспект|пр-т|переулок|пер\.|kuchai|кӯчаи|кучаи)"
    r"\s*[A-ZА-ЯЁ][\w-]+"
)
ADDRESS = re.compile(
    rf"(?:\b\d+[a-zA-Z]?\s*,?\s+{_STREET_NAME}(?:\s*,?\s*{_HOUSE})?"
    rf"|(?i:house)\s+\d+\w?\s+on\s+{_STREET_NAME}"
    rf"|{_STREET_NAME}\s*,?\s*{_HOUSE}(?!\w)"
    rf"|{_PREFIX_STREET}(?:\s*,?\s*(?:д\.|дом)?\s*\d+\w?(?:[-/]\d+)?)?"
    r"(?:\s*,?\s*(?:кв\.?|квартира)\s*\d+)?"
    r"|(?i:\b(?:house|apartment|flat|apt\.|kv\.)\s*(?:No\.?\s*)?\d+[a-z]?\b))"
)
# Organisations by legal form or trade word: OOO "Barakat Tikuv", "Sever Invest" MChJ,
# Orient Savdo, Ipak Group LLC.  A named employer identifies a person in a small town.
_FORM_WORDS = "OOO|ООО|MChJ|XK|AJ|LLC|JSC|Ltd|ЧП|ИП|ТОО|АО|ОАО|ЗАО"
_FORM = rf"(?:{_FORM_WORDS})"
_QUOTED = r"[\"«“„][^\"»”\n]{2,40}[\"»”]"
_TRADE_WORDS = (
    "Invest|Agro|Savdo|Tekstil|Textile|Tikuv|Group|Servis|Service|Food|Foods|Trade|"
    "Qurilish|Stroy|Строй|Market|Holding|Logistics|Plus|Lux|Auto|Motors|Pharm|Farm|Medical"
)
_TRADE = rf"(?:{_TRADE_WORDS})"
ORG = re.compile(
    rf"\b{_FORM}\s*{_QUOTED}|{_QUOTED}\s*{_FORM}\b"
    rf"|(?<![\w-]){_NAME}(?:[\s-]+{_NAME}){{0,2}}[\s-]+{_TRADE}(?:\s+{_FORM})?\b"
    rf"|(?<![\w-]){_NAME}(?:\s+{_NAME}){{0,2}}\s+{_FORM}\b"
)
# Exact ages attached to a person: "Dilnoza, 34,", "Jasur (17)", "34-year-old", "aged 34",
# "Zhanar apa is sixty-seven", and self-introductions: "I'm fifty-eight".
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
AGE_NUM = (
    rf"\d{{1,3}}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS}"
)
_NOT_AGE = (
    r"(?!\s*(?:%|percent|km|kg|som|dollars?|thousand|million|times|people|days|months|hours))"
)
AGE_NEAR = re.compile(
    rf"^\s*[,(.]\s*({AGE_NUM})\s*(?:[,).;]|$)"
    rf"|^\s+(?:\w+\s+)?(?:is|was|turned|turns)\s+(?:only\s+|just\s+|now\s+)?({AGE_NUM})\b{_NOT_AGE}"
    rf"|\bI(?:['’]m|\s+am)\s+({AGE_NUM})\b{_NOT_AGE}",
    re.IGNORECASE,
)
AGE_ANYWHERE = re.compile(
    rf"\b({AGE_NUM})[- ]years?[- ]old\b|\baged\s+({AGE_NUM})\b"
    rf"|\bI(?:['’]m|\s+am)\s+({AGE_NUM})(?:\s+years(?:\s+old)?)?\s*[,.;]",
    re.IGNORECASE,
)
AGE_WINDOW = 60
DIGIT_RUNS = re.compile(r"\d+")
NUMBER_WORDS = scan.literals(
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|"
    f"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS}"
)
AGE_WORDS = scan.literals("year|aged")
I_AM = re.compile(r"i(?:['’]m|\s+am)")  # on ``scan.casefree`` text: "I'm", "I am"
GROUP_SEP = re.compile(r"[\s.,]")
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


# Each detector with a cheap test that must pass before its regex runs: most turns hold
# no digit, '@', street or company word, and skipping those scans keeps redaction fast.
# Every test asks for something its regex cannot match without (``redact.scan``).
DIGIT = re.compile(r"\d")
URL_WORDS = ("http:", "https:", "www.", "t.me/", ".me/", ".com/")
# ORG is case-sensitive: its words as written, one alternation (fast: capitals lead)
ORG_WORDS = re.compile(f"{_FORM_WORDS}|{_TRADE_WORDS}")
LETTER_2_DIGITS = re.compile(r"[A-Za-z]\d\d")  # how every IBAN starts
ORG_HINT = re.compile(rf"\b(?:{_FORM}|{_TRADE})\b")
PREFIX_WORDS = scan.literals("ulitsa|ul.|улица|ул.|проспект|пр-т|переулок|пер.|kuchai|кучаи|кӯчаи")
STREET_WORDS = scan.literals(
    "chasi|street|st.|avenue|ave.|prospekti|prospect|mavzesi|kvartal|massivi|ulitsa|road|lane"
)
HOUSE_WORDS = scan.literals("house|apartment|flat|apt.|kv.")
DOB_WORDS = scan.literals("born|birth|dob|d.ob|do.b|d.o.b|tug|родил|рождения|г.")
_ORDER = (
    ("EMAIL", EMAIL, "@"),
    ("URL", URL, "url"),
    ("ID", PASSPORT, "run6"),
    ("ID", IBAN, "iban"),
    ("CARD", CARD, "run4"),
    ("ID", PERSONAL_NO, "run14"),
    ("DOB", DOB, "dob"),
    ("ADDRESS", ADDRESS, "address"),
    ("ORG", ORG, "org"),
    ("PHONE", PHONE, "digits7"),
)


def _hints(text: str) -> set[str]:
    """Which detectors can match ``text``: digit runs long enough for an ID (6 digits),
    an IBAN (2, after a letter), a card (4), a personal number (exactly 14); seven
    digits in all for a phone; the words a date of birth, an address, a URL or an
    organisation needs."""
    runs = [len(r) for r in DIGIT_RUNS.findall(text)]
    tests = {
        "@": "@" in text,
        "url": scan.has_any(text, URL_WORDS),
        "run6": bool(runs) and max(runs) >= 6,
        "iban": bool(runs) and max(runs) >= 2 and LETTER_2_DIGITS.search(text) is not None,
        "run4": bool(runs) and max(runs) >= 4,
        "run14": 14 in runs,
        "dob": bool(runs) and scan.has_any(text, DOB_WORDS),
        "address": scan.has_any(text, PREFIX_WORDS)
        or (bool(runs) and (scan.has_any(text, STREET_WORDS) or scan.has_any(text, HOUSE_WORDS))),
        "org": ORG_WORDS.search(text) is not None and ORG_HINT.search(text) is not None,
        "digits7": sum(runs) >= 7,
    }
    return {k for k, v in tests.items() if v}


def _phone_ok(candidate: str, after: str) -> bool:
    stripped = candidate.strip()
    digits = sum(ch.isdigit() for ch in stripped)
    if _DATE_LIKE.match(stripped) or _is_money(stripped, after):
        return False
    if 9 <= digits <= 15:
        return True
    if digits == 8:  # 2-2-2-2, 4-4, (99) 645-791: local numbers with separators
        return len(DIGIT_RUNS.findall(stripped)) >= 2
    return digits == 7 and bool(_LOCAL_7.match(stripped))


def _is_money(value: str, after: str) -> bool:
    """'150 000 000 som', '20,000,000': amounts (wedding costs!) are not phone numbers."""
    if _CURRENCY.match(after):
        return True
    groups = GROUP_SEP.split(value)
    return len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and value.endswith("00")


def find_contacts(text: str) -> Iterator[Match]:
    """Yield email, URL and phone matches, non-overlapping, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[Match] = []
    hints = _hints(text)
    for kind, rx, hint in _ORDER:
        if hint not in hints:
            continue
        for m in rx.finditer(text):
            group = next((i for i in range(1, rx.groups + 1) if m.group(i)), 0)
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
    """Exact ages: within a few words after a person's name (``people``: their spans),
    and anywhere as 'N-year-old', 'aged N' or 'I'm N.'."""
    if not DIGIT.search(text) and not scan.has_any(text, NUMBER_WORDS):
        return
    for _, end in people:
        m = AGE_NEAR.search(text[end : end + AGE_WINDOW])
        if m:
            group = next(i for i in range(1, 4) if m.group(i))
            yield Match(end + m.start(group), end + m.end(group), "AGE", m.group(group))
    if not (scan.has_any(text, AGE_WORDS) or I_AM.search(scan.casefree(text))):
        return
    for m in AGE_ANYWHERE.finditer(text):
        group = next(i for i in range(1, 4) if m.group(i))
        yield Match(m.start(group), m.end(group), "AGE", m.group(group))
