"""Topic labels a reader can take in: the first words with distinct stems."""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.stems import stemmer


def readable_label(words: Sequence[str], n: int = 3) -> str:
    """The first ``n`` words with distinct stems, joined: "Wedding · debt · dowry"."""
    chosen: list[str] = []
    seen: set[str] = set()
    for word in words:
        stems = {stemmer("english")(p) for p in word.split()}
        if word and not stems <= seen:
            chosen.append(word)
            seen |= stems
        if len(chosen) == n:
            break
    if not chosen:
        return "(no words)"
    return " · ".join([chosen[0][:1].upper() + chosen[0][1:], *chosen[1:]])
