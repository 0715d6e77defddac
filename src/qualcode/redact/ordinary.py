"""Second thoughts on what the guessing layers found, with the whole transcript in view.

The layers that guess (``unknown``, ``ner``, ``russian``) see one text at a time and
know English best.  In Russian, Uzbek, Tajik and Kyrgyz text they take ordinary
capitalised words for names.  ``Ordinary.dismiss`` drops such a candidate when every
word of it is ordinary:

- on the keep-list (also inflected: 'Toshkentda');
- a Russian dictionary word with no name reading, or an abbreviation ('ЗАГС', 'СВП');
- an Uzbek, Tajik or Kyrgyz function word (``qualcode.function_words``: 'Lekin', 'Bizning');
- written in lower case elsewhere in the transcript (``vocab.TranscriptVocab``).

A bare capital at the start of a sentence is not dismissed for want of other evidence:
that rule lost real names.  Declared names, contacts, the project's
organisations and the given-name list are never second-guessed here.
"""

from __future__ import annotations

from qualcode.function_words import ALL as FUNCTION_WORDS
from qualcode.redact.morph import acronym, ru_common
from qualcode.redact.names import HONORIFICS, fold
from qualcode.redact.vocab import TranscriptVocab
from qualcode.redact.words import (
    CYRILLIC,
    PLACE_WORDS,
    WORD,
    Candidate,
    stem,
)

GUESSING = frozenset({"unknown", "ner", "russian"})
SURE = 0.75  # at or above: the layer had more than a capital letter to go on


class Ordinary:
    def __init__(self, keep: frozenset[str], vocab: TranscriptVocab | None = None) -> None:
        self.keep = keep
        self.vocab = vocab or TranscriptVocab()

    def word(self, word: str) -> bool:
        """An ordinary word: kept, a Russian non-name, an abbreviation, or lower case
        elsewhere in the transcript."""
        folded = fold(word)
        if folded in self.keep or stem(word) in self.keep or folded in HONORIFICS:
            return True
        if word.lower() in FUNCTION_WORDS:
            return True
        if CYRILLIC.search(word):
            return ru_common(word) or acronym(word) or self.vocab.ordinary(word)
        return self.vocab.ordinary(word)

    def dismiss(self, text: str, c: Candidate, layer: str) -> bool:
        if layer not in GUESSING or c.kind == "ORG":  # «Ромашка» is a firm, not a flower
            return False
        surface = text[c.start : c.end]
        words = [w for w in WORD.findall(surface) if not {fold(w), stem(w)} & PLACE_WORDS]
        # none left: place words only ('Maktab').  A bare sentence-initial capital in a
        # foreign sentence is not dismissed: that lost real names (recall comes first).
        return all(self.word(w) for w in words)
