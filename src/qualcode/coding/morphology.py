"""One comparable form per word, in whatever language it is written, so a keyword matches
its inflections: Russian by lemma (pymorphy3, MIT), English by Snowball stem (NLTK), and
Uzbek, Tajik and Kyrgyz by stripping their case, plural and possessive suffixes.

The form depends on the word alone (its script and letters), so a keyword and a word of
the text always get the same treatment: "свадьбу" and "свадьбы" -> "свадьба";
"to'ylarda" -> "to'y"; "мигрантларга" -> "мигрант"; "beating" -> "beat".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from qualcode.stems import stemmer

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
TURKIC_CYRILLIC = set("ўқғҳңөүәіұһӣӯҷ")
APOSTROPHE = re.compile(r"[ʻ'‘’`]")
# Longest first; each strip leaves a stem of at least MIN_STEM letters.
_UZ_LATIN = ("larining", "laridan", "larida", "larini", "lariga", "larning", "lardan", "larda",
             "larga", "larni", "lari", "ning", "dagi", "dan", "lar", "da", "ga", "ka", "qa",
             "ni", "im", "ing", "imiz", "si")  # fmt: skip
_TURKIC_CYR = ("ларнинг", "ларидан", "ларида", "ларини", "ларига", "лардан", "ларда", "ларга",
               "ларни", "лари", "нинг", "дан", "лар", "лер", "дар", "дер", "тар", "тер", "нын",
               "нин", "дын", "дин", "тын", "га", "ге", "ка", "ке", "қа", "да", "де", "та", "те",
               "ни", "ны", "ди", "ды", "ҳо", "ро", "и")  # fmt: skip
MIN_STEM = 3
ENGLISH_ZIPF = 2.5  # below this, a Latin word with an Uzbek ending is read as Uzbek


def word_form(word: str) -> str:
    """The comparable form of one word (lower case)."""
    return _form(word.lower())


@lru_cache(maxsize=200_000)
def _form(word: str) -> str:
    if CYRILLIC.search(word):
        if set(word) & TURKIC_CYRILLIC:
            return strip_suffixes(word, _TURKIC_CYR)
        parsed = _morph().parse(word)[0]
        return str(parsed.normal_form) if parsed.is_known else strip_suffixes(word, _TURKIC_CYR)
    if APOSTROPHE.search(word) or _uzbek_ending(word):
        return strip_suffixes(APOSTROPHE.sub("'", word), _UZ_LATIN)
    return stemmer("english")(word)


def strip_suffixes(word: str, suffixes: tuple[str, ...]) -> str:
    """Strip suffixes from the end while a stem of ``MIN_STEM`` letters remains."""
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word, changed = word[: -len(suffix)], True
                break
    return word


def _uzbek_ending(word: str) -> bool:
    """An Uzbek ending on a word that is not (common) English: "Rossiyaga", not "dollar"."""
    if not word.endswith(_UZ_LATIN):
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") < ENGLISH_ZIPF


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
