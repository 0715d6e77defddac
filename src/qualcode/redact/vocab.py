"""What one transcript says about its own words, for the languages word lists miss.

Uzbek, Tajik and Kyrgyz have no word-frequency list or morphology here, so a capitalised
'Hozir', 'Bizning' or 'Ҷамоат' looks as rare as a name.  The transcript itself helps:

- a word its speakers also write in lower case ('hozir', 'bizga', 'qizlar') is an
  ordinary word, compared by ``keys.name_key`` so case endings and spellings match;
- a word written with a capital in the middle of a sentence somewhere is a name or a
  proper noun wherever it appears;
- at the start of a sentence in a language neither English nor Russian, a capital is no
  evidence at all (``foreign_sentence``): such a word counts as a name only with other
  evidence (the given-name list, a surname ending, a capital elsewhere mid-sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from qualcode.redact.keys import name_key
from qualcode.redact.morph import ru_common
from qualcode.redact.names import fold
from qualcode.redact.words import CYRILLIC, WORD, _zipf_ru, sentence_initial, zipf

MIN_KEY = 3
SENTENCE_BREAK = re.compile(r"[.!?…:;\n]")
KNOWN_SHARE = 0.5  # below this share of English or Russian words a sentence is foreign
MIN_WORDS = 3
MIN_CYRILLIC = 4
# Whole space-delimited tokens (an e-mail, a URL, a file name), searched only from a
# token's start, and only in a text that has a character such a token needs.
CONTACT_LIKE = re.compile(r"(?<!\S)\S*(?:[@/_]|\w\.\w)\S*")
CONTACT_HINT = re.compile(r"[@/_]|\.\w")
WINDOW = 6  # words after a sentence-initial word that tell the sentence's language


def known_word(word: str) -> bool:
    """An English or Russian word (not a rare one): evidence of the sentence's language."""
    folded = fold(word)
    if CYRILLIC.search(folded):
        return _zipf_ru(folded) >= 3.0 or ru_common(folded)
    return zipf(folded) >= 3.5


def foreign_sentence(text: str, start: int) -> bool:
    """True when the words after ``start`` are mostly neither English nor Russian
    (Uzbek, Tajik, Kyrgyz ...): there a capital letter says little about a word.  The
    next few lower-case words of the sentence decide (names tell no language), since
    speakers switch language within one; a sentence too short to tell ('Mayli.') is
    judged by the whole text."""
    stop = SENTENCE_BREAK.search(text, start)
    words = _lower_words(text[start : stop.start() if stop else len(text)])[:WINDOW]
    if len(words) < MIN_WORDS:
        words = _lower_words(text)
    if len(words) < MIN_WORDS:
        return False
    return sum(known_word(w) for w in words) / len(words) < KNOWN_SHARE


def _lower_words(text: str) -> list[str]:
    """Lower-case words that can tell a language: short Cyrillic words cannot (Tajik
    'ба', 'дар', 'мо' are Russian words too)."""
    return [
        w
        for w in WORD.findall(text)
        if w[0].islower() and (len(w) >= MIN_CYRILLIC or not CYRILLIC.search(w))
    ]


class TranscriptVocab:
    """Lower-case words and mid-sentence capitalised words of one transcript, by key."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self.lower: set[str] = set()
        self.capital: set[str] = set()
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        if CONTACT_HINT.search(text):  # a name in an e-mail is no lower-case word
            text = CONTACT_LIKE.sub(" ", text)
        for m in WORD.finditer(text):
            word = m.group(0)
            key = name_key(word)
            if len(key) < MIN_KEY:
                continue
            if word[0].islower():
                self.lower.add(key)
            elif not sentence_initial(text, m.start()):
                self.capital.add(key)

    def ordinary(self, word: str) -> bool:
        """The transcript also writes this word in lower case."""
        key = name_key(word)
        return len(key) >= MIN_KEY and key in self.lower

    def capitalised_elsewhere(self, word: str) -> bool:
        return name_key(word) in self.capital
