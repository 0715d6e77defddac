"""Snowball stemmers, shared by keyword matching and topic labels.

They come from ``snowballstemmer``, the Snowball project's own Python package (BSD),
generated from the Snowball 3 sources.  NLTK's port was used before: importing it took
about 3 s in every process that matched keywords or labelled topics, because NLTK's
package imports most of NLTK and SciPy's statistics.  Snowball 3 also conflates fewer
unrelated English words than NLTK's older port ("organ" and "organization", "even"
and "evening", "university" and "universal"), and stems "added" to "add", not "ad".

A stemmer object keeps its state while it works, so each is used under a lock: the
server stems from more than one thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache, lru_cache

from qualcode.errors import ConfigError


@cache
def languages() -> tuple[str, ...]:
    """The languages there is a Snowball stemmer for ("english", "russian", ...)."""
    import snowballstemmer

    return tuple(sorted(snowballstemmer.algorithms()))


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The Snowball stem of a word, lower-cased first; results are cached.

    Raises ``ConfigError`` for a language with no stemmer."""
    import snowballstemmer

    if language not in languages():
        raise ConfigError(
            f"No stemmer for the language '{language}'.",
            hint=f"Use one of: {', '.join(languages())}.",
        )
    stem_word = snowballstemmer.stemmer(language).stemWord
    lock = threading.Lock()

    @lru_cache(maxsize=200_000)
    def stem(word: str) -> str:
        lowered = word.lower()
        with lock:
            return str(stem_word(lowered))

    return stem
