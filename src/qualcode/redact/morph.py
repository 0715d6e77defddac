"""Russian morphology as evidence that a capitalised Cyrillic word is an ordinary word.

pymorphy3 (MIT; OpenCorpora dictionary, bundled in the wheel) knows Russian words with
their grammemes.  A word it knows in its dictionary, none of whose readings is a given
name, surname or patronymic (``Name``, ``Surn``, ``Patr``), is a common noun, adjective,
verb or country: 'Многие', 'Учительница', 'Кризисного', 'Участковый', 'Сирия'.  Names
that are also words ('Роза', 'Вера', 'Лилия') carry a ``Name`` reading and so stay
candidates.  Names of the region the dictionary lacks ('Дилноза', 'Гавхар') are unknown
to it, and names it reads only as something else ('Ирода', the genitive of 'Ирод') are
caught by the given-name list first.  Words shaped like a surname ('Кулаков', also the
genitive plural of 'кулак') get no verdict either, nor do words with Uzbek, Tajik or
Kyrgyz letters, which are not Russian.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from qualcode.redact.keys import nominatives, translit
from qualcode.redact.words import SURNAME, given_names

NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
RUSSIAN_ONLY = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
ACRONYM = re.compile(r"[А-ЯЁ]{2,5}(?:[а-яё]{1,2})?")  # ЗАГС, СВП, МВД, ЗАГСе


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def acronym(word: str) -> bool:
    """An all-capital Cyrillic abbreviation, possibly inflected: an institution."""
    return bool(ACRONYM.fullmatch(word))


@lru_cache(maxsize=50_000)
def ru_common(word: str) -> bool:
    """True when ``word`` is a Russian dictionary word with no name reading."""
    lower = word.casefold()
    if not RUSSIAN_ONLY.fullmatch(lower) or len(lower) < 2:
        return False
    if SURNAME.search(translit(lower)):  # 'Кулаков' is also 'of fists': a surname first
        return False
    names = given_names()
    if any(form in names or translit(form) in names for form in nominatives(lower)):
        return False
    morph = _analyzer()
    if not morph.word_is_known(lower):
        return False
    return not any(p.tag.grammemes & NAME_GRAMMEMES for p in morph.parse(lower))
