"""Identity keys for names, so one person gets one pseudonym across spellings.

``name_key`` folds a word to a spelling-insensitive skeleton: Cyrillic transliterated
(Дилноза -> dilnoza), Uzbek case endings stripped (``stem``), Uzbek Latin digraphs and
apostrophes folded (o'/oʻ/ў -> u... ), and the a/o alternation that Uzbek and Russian
spellings differ by (Gulnora/Gulnara) collapsed.  Different people whose names differ
only by that alternation share a key: a deliberate recall-first trade-off.
``name_keys`` adds the keys of the nominatives a Russian case form may come from, so
'Гульнору', 'Гульноры' and 'с Фирузой' find 'Гульнора' and 'Feruza'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qualcode.redact.words import stem

_CYR = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳҷӣӯңөүәіұһ",
        "a b v g d e yo j z i y k l m n o p r s t u f x ts ch sh sh ' i ' e yu ya u q g' h j i u "
        "ng o u a i u h".split(),
        strict=True,
    )
)
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Russian case endings of names, longest first: Гульнору, Камолой, Лилии, Рахимовне
RU_CASE = re.compile(r"(?:ией|иям|иях|ами|ями|ыми|ия|ии|ию|ие|ой|ою|ей|ем|ом|ам|ым|ах|[аяуюыиеь])$")
NOMINATIVE_ENDINGS = ("", "а", "я", "ия", "ь", "й")
_FOLDS = (
    (re.compile(r"o'|u'|ў"), "u"),
    (re.compile(r"g'"), "g"),
    (re.compile(r"kh|(?<![sc])h"), "x"),
    (re.compile(r"y(?=[aeiou])"), ""),
    (re.compile(r"q"), "k"),
    (re.compile(r"[o]"), "a"),
    (re.compile(r"[ei]y?"), "i"),
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


def translit(word: str) -> str:
    """Cyrillic (Russian, Uzbek, Tajik letters) to a Latin approximation; others kept."""
    return "".join(_CYR.get(ch, ch) for ch in word.casefold())


@lru_cache(maxsize=50_000)
def name_key(word: str) -> str:
    """Spelling-insensitive key of one name word: Dilnozaning, Дилноза -> the same key."""
    key = stem(translit(word))
    for rx, repl in _FOLDS:
        key = rx.sub(repl, key)
    return key or stem(word)


def nominatives(word: str) -> tuple[str, ...]:
    """The word and, for Cyrillic, the nominatives its Russian case form may come from:
    Гульнору -> гульнору, гульнор, гульнора ...; Latin words only themselves."""
    lower = word.casefold()
    if not CYRILLIC.search(lower):
        return (lower,)
    base = RU_CASE.sub("", lower)
    if len(base) < 3:
        return (lower,)
    return tuple(dict.fromkeys([lower, *(base + end for end in NOMINATIVE_ENDINGS)]))


@lru_cache(maxsize=50_000)
def name_keys(word: str) -> tuple[str, ...]:
    """``name_key`` of the word first, then of each nominative it may be a case of."""
    return tuple(dict.fromkeys(name_key(form) for form in nominatives(word)))
