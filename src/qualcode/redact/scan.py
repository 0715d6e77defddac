"""Cheap tests that spare a layer a regular expression which cannot match a text.

Most of a transcript's turns hold no digit, no street word, no place word, and scanning
each of them with a dozen case-insensitive alternations cost more than everything else
the rule layers do.  A layer now first asks whether the words its expression needs occur
in the text at all (``has_any``: plain substring tests on ``casefree(text)``) and runs the
expression only then, so what it finds is unchanged: every literal tested is one the
expression cannot match without.

``casefree`` lowers a text the way ``re.IGNORECASE`` compares letters: one character for
one, with the few letters ``re`` also treats as equal (dotless ı and i, long ſ and s,
Greek and old Cyrillic variants) made the same.  A literal ``x`` matches a text under
``re.IGNORECASE`` only where ``casefree(x)`` occurs in ``casefree(text)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Letters re.IGNORECASE takes as equal although str.lower() keeps them apart (re's
# case-fix table), each mapped to one of its group; 'İ' lowers to two characters in str.
_SAME = {
    "İ": "i",
    "ı": "i",
    "ſ": "s",
    "µ": "μ",
    "\u0345": "ι",
    "\u1fbe": "ι",
    "ϐ": "β",
    "ϑ": "θ",
    "ϕ": "φ",
    "ϖ": "π",
    "ϰ": "κ",
    "ϱ": "ρ",
    "ϵ": "ε",
    "ς": "σ",
    "\u1c80": "в",
    "\u1c81": "д",
    "\u1c82": "о",
    "\u1c83": "с",
    "\u1c84": "т",
    "\u1c85": "т",
    "\u1c86": "ъ",
    "\u1c87": "ѣ",
    "\u1c88": "ꙋ",
    "ẛ": "ṡ",
    "\u1fd3": "\u0390",
    "\u1fe3": "\u03b0",
    "ﬅ": "ﬆ",
}
_TABLE = str.maketrans(_SAME)
_ODD = re.compile("[" + "".join(_SAME) + "]")
APOSTROPHES = "['’ʻ‘`]?"


@lru_cache(maxsize=8)  # the layers ask about the same text one after another
def casefree(text: str) -> str:
    """``text`` lowered as ``re.IGNORECASE`` compares letters, one character for one."""
    if "İ" in text:
        text = text.replace("İ", "i")
    low = text.lower()  # before the table: a final 'Σ' lowers to 'ς'
    return low.translate(_TABLE) if _ODD.search(low) else low


def has_any(text: str, literals: Iterable[str]) -> bool:
    """Whether any of ``literals`` (already ``casefree``) occurs in ``casefree(text)``."""
    low = casefree(text)
    return any(lit in low for lit in literals)


def literals(alternatives: str) -> tuple[str, ...]:
    """For a '|'-separated list of words in which an apostrophe may be optional
    (ko['’ʻ‘`]?chasi), the longest piece of each that every match contains, casefree."""
    out = []
    for alt in alternatives.split("|"):
        pieces = alt.replace("\\.", ".").split(APOSTROPHES)
        out.append(casefree(max(pieces, key=len)))
    # a literal that holds another is found whenever that one is: 'mahallasi', 'mahalla'
    return tuple(x for x in dict.fromkeys(out) if not any(y != x and y in x for y in out))
