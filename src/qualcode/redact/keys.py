"""Identity keys for names, so one person gets one pseudonym across spellings.

``name_key`` folds a word to a spelling-insensitive skeleton: case endings stripped
(``stem``), Cyrillic transliterated (Дилноза -> dilnoza), Uzbek Latin digraphs and
apostrophes folded (o'/oʻ/ў -> u... ), and the a/o alternation that Uzbek and Russian
spellings differ by (Gulnora/Gulnara) collapsed.  Different people whose names differ
only by that alternation share a key: a deliberate recall-first trade-off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qualcode.redact.words import stem

_CYR = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ",
        "a b v g d e yo j z i y k l m n o p r s t u f x ts ch sh sh ' i ' e yu ya u q g' h".split(),
        strict=True,
    )
)
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
    key = translit(stem(word))
    for rx, repl in _FOLDS:
        key = rx.sub(repl, key)
    return key or stem(word)
