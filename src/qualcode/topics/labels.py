"""Topic labels a reader can take in: the first words with distinct stems."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache


def readable_label(words: Sequence[str], n: int = 3) -> str:
    """The first ``n`` words with distinct stems, joined: "Wedding · debt · dowry"."""
    chosen: list[str] = []
    seen: set[str] = set()
    for word in words:
        stems = {_stem(p) for p in word.split()}
        if word and not stems <= seen:
            chosen.append(word)
            seen |= stems
        if len(chosen) == n:
            break
    if not chosen:
        return "(no words)"
    return " · ".join([chosen[0][:1].upper() + chosen[0][1:], *chosen[1:]])


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    from nltk.stem.snowball import SnowballStemmer

    return str(SnowballStemmer("english").stem(word.lower()))
