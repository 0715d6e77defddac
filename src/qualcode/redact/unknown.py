"""Names and places nobody declared: recall-first detection from capitalisation,
English word frequency (wordfreq), Cyrillic script and Uzbek/Russian morphology.

A capitalised word is a name candidate when it is not a common English word and not on
the keep-list (regions, countries, institutions, registries, religious and calendar
words that the analysis needs).  Confidence is lower at the start of a sentence, where
English capitalises anyway; such detections are flagged for review.  A candidate
followed by a place word (makhalla, district, street, ko'chasi ...) is a PLACE; one
or two words alone in guillemets («Ромашка») are an ORG.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from qualcode.redact.morph import acronym, ru_common
from qualcode.redact.names import HONORIFICS, fold
from qualcode.redact.words import (
    CAP_WORD,
    CYRILLIC,
    GIVEN,
    KEEP,
    NAME_CUE,
    PLACE_WORDS,
    RARE_ZIPF,
    RU_KEEP,
    SURNAME,
    WORD,
    Candidate,
    _zipf_ru,
    given_names,
    sentence_initial,
    stem,
    zipf,
)

# One or two capitalised words alone in guillemets: how Russian writes the
# name of a firm, shop or club ('работает в «Ромашка»'); quoted speech runs longer.
QUOTED_NAME = re.compile(r"«\w+(?:[ -][A-ZА-ЯЁ]\w*)?»")


def _russian_given_name(word: str) -> bool:
    return word.casefold() in given_names()


def _is_common(word: str, keep: frozenset[str]) -> bool:
    folded = fold(word)
    return folded in keep or stem(word) in keep or zipf(folded) >= RARE_ZIPF


def _next_word(text: str, end: int, fold_it: bool = True) -> str:
    m = WORD.search(text, end)
    if not m or text[end : m.start()].strip():
        return ""
    return fold(m.group(0)) if fold_it else m.group(0)


def _starts_full_name(text: str, start: int, word: str, nxt: str, keep: frozenset[str]) -> bool:
    """'Faina Yefremova said': a rare-ish word opening a sentence before a surname."""
    if not (nxt[:1].isupper() and sentence_initial(text, start)):
        return False
    if fold(word) in keep or zipf(fold(word)) >= RARE_ZIPF:
        return False
    return zipf(fold(nxt)) < RARE_ZIPF and fold(nxt) not in keep and fold(nxt) not in PLACE_WORDS


def find_unknown(
    text: str, skip: Iterable[tuple[int, int]] = (), keep: frozenset[str] = KEEP
) -> Iterator[Candidate]:
    """Capitalised, non-common words outside ``skip`` spans, as PERSON or PLACE.
    ``keep``: casefolded words never redacted (default ``KEEP``; projects extend it)."""
    taken = list(skip)
    for m in CAP_WORD.finditer(text):
        word = m.group(0)
        folded = fold(word)
        if zipf(folded) >= 5.0 or folded in keep:  # 'The', 'We', 'Tashkent': the fast path
            continue
        if taken and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        conf = _confidence(text, m.start(), word, keep)
        nxt = _next_word(text, m.end(), fold_it=False)
        latin = not CYRILLIC.search(word)
        if conf == 0.0 and latin and _starts_full_name(text, m.start(), word, nxt, keep):
            conf = 0.7
        if conf == 0.0 and latin and NAME_CUE.search(text, max(0, m.start() - 24), m.start()):
            conf = 0.8
        if QUOTED_NAME.match(text, max(0, m.start() - 1)):  # «Ромашка»: a firm's name
            yield Candidate(m.start(), m.end(), "ORG", stem(word), 0.8)
            continue
        if conf == 0.0:
            continue
        kind = "PLACE" if fold(nxt) in PLACE_WORDS else "PERSON"
        yield Candidate(m.start(), m.end(), kind, stem(word), conf)


def _confidence(text: str, start: int, word: str, keep: frozenset[str]) -> float:
    if fold(word) in HONORIFICS or fold(word) in keep:
        return 0.0
    if CYRILLIC.search(word):  # in Russian passages, common Russian words are no names
        if len(word) < 2 or word.casefold().startswith(RU_KEEP):
            return 0.0
        if ru_common(word) or acronym(word):  # a dictionary word with no name reading
            return 0.0
        if sentence_initial(text, start):
            return 0.6 if _zipf_ru(word) < 3.5 else 0.0
        return 0.9 if _zipf_ru(word) < 4.5 or _russian_given_name(word) else 0.0
    morph = bool(SURNAME.search(word) or GIVEN.search(word))
    if _is_common(word, keep) and not (morph and zipf(fold(word)) < 4.0):
        return 0.0
    if sentence_initial(text, start):  # English capitalises here anyway: flag for review
        return 0.7 if (morph or zipf(stem(word)) < 1.0) else 0.6
    return 0.9 if morph else 0.8


ADDRESS_WORDS = (
    "aka",
    "opa",
    "domla",
    "xola",
    "buvi",
    "amaki",
    "hoji",
    "apa",
    "eje",
    "ota",
    "akajon",
    "opajon",
    "akaxon",
    "opaxon",
)
_ADDRESSED = re.compile(
    r"(?<![\w'’])([A-ZА-ЯЁЎҚҒҲ][^\W\d_]+(?:['’ʻ‘`][^\W\d_]+)*)\s+(?:"
    + "|".join(ADDRESS_WORDS)
    + r")(?:[^\W\d_]{0,6})(?!\w)"
)


def addressed_names(texts: Iterable[str], keep: frozenset[str] = KEEP) -> list[str]:
    """Words used with a form of address ('Akbar aka', 'Malohat opa'): names for sure,
    even when also an English word.  Common function words ('Our opa') are skipped."""
    found: dict[str, None] = {}
    for text in texts:
        if not any(w in text for w in ADDRESS_WORDS):  # each match ends in one of them
            continue
        for m in _ADDRESSED.finditer(text):
            word = m.group(1)
            if fold(word) not in keep and zipf(fold(word)) < 5.0:
                found[word] = None
    return list(found)
