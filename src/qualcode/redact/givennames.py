"""Given names of the region (``data/given_names.txt``, see its SOURCES.md entry): a
capitalised word that is a known given name is a PERSON even when it is also an English
word or name (Dana, Laura, Lola, Tamara), which the word-frequency layer lets through.
At a sentence start, where English capitalises anyway, only names that are not common
English words count, with lower confidence (flagged for review)."""

from __future__ import annotations

import regex

from qualcode.redact.keys import translit
from qualcode.redact.names import fold
from qualcode.redact.words import (
    CAP_WORD,
    KEEP,
    Candidate,
    given_names,
    sentence_initial,
    stem,
    zipf,
)

MID_SENTENCE_MAX_ZIPF = 5.5  # 'Said' (6.3) mid-sentence is the verb's capitalised form
SENTENCE_START_MAX_ZIPF = 4.5


class GivenNames:
    def __init__(self, keep: frozenset[str] = KEEP) -> None:
        self.keep = keep
        self._seen: dict[str, float | None] = {}  # word -> zipf if a name

    def find(self, text: str) -> list[Candidate]:
        out = []
        for m in CAP_WORD.finditer(text):
            confidence = self._confidence(text, m)
            if confidence is not None:
                out.append(Candidate(m.start(), m.end(), "PERSON", stem(m.group(0)), confidence))
        return out

    def claims(self, text: str, m: regex.Match[str]) -> bool:
        """Whether ``find`` returns the capitalised word ``m`` of ``text`` as a name."""
        return self._confidence(text, m) is not None

    def _confidence(self, text: str, m: regex.Match[str]) -> float | None:
        zipf = self._zipf_if_name(m.group(0))
        if zipf is None:
            return None
        if sentence_initial(text, m.start()):
            return 0.6 if zipf < SENTENCE_START_MAX_ZIPF else None
        return 0.85 if zipf < MID_SENTENCE_MAX_ZIPF else None

    def _zipf_if_name(self, word: str) -> float | None:
        """The word's English frequency if it is a given name not on the keep-list."""
        cached = self._seen.get(word, False)
        if cached is not False:
            return cached
        folded, base = fold(word), stem(word)
        name = len(word) >= 3 and not {folded, base} & self.keep
        result = zipf(folded) if name and {folded, base, translit(folded)} & given_names() else None
        self._seen[word] = result
        return result
