"""Codebook keywords found in text with a spaCy ``PhraseMatcher`` over stems, so that a
keyword matches its inflections: "migrant" finds "migrants", "beat" finds "beating",
"early marriage" finds "early marriages" (word order still counts).

A blank spaCy pipeline tokenises; each token's ``NORM`` is set to its comparable form,
and the matcher compares NORMs.  The default language, ``auto``, takes each word's form
from ``morphology.word_form`` (Russian lemmas, English stems, Uzbek/Tajik/Kyrgyz suffixes
stripped), so keywords in any of these languages match in mixed-language text; a
Snowball language name (``english``, ``russian`` ...) stems every word in that language.
Multi-word keywords match as phrases.  Stems are cached per word, and hits per text,
so re-scoring after a coder's decision costs nothing here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from qualcode.nlp import blank
from qualcode.stems import stemmer

_SPACY_LANG = {"english": "en", "russian": "ru", "german": "de", "french": "fr"}


def _stemmer(language: str) -> Callable[[str], str]:
    if language == "auto":
        from qualcode.coding.morphology import word_form

        return word_form
    return stemmer(language)


class KeywordMatcher:
    """Per code, the keywords (as written in the codebook) that occur in a text."""

    def __init__(self, keywords: Sequence[Sequence[str]], language: str = "auto") -> None:
        self.n_codes = len(keywords)
        self.nlp = blank(_SPACY_LANG.get(language, "xx"))  # imports spaCy (qualcode.nlp)
        from spacy.matcher import PhraseMatcher

        self._stem = _stemmer(language)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self._keyword: dict[int, tuple[int, str]] = {}
        for j, words in enumerate(keywords):
            for word in (w.strip() for w in words):
                if word:
                    key = self.nlp.vocab.strings.add(f"{j}:{word}")
                    self._keyword[key] = (j, word)
                    self.matcher.add(f"{j}:{word}", [self._doc(word)])
        self._cache: dict[str, list[frozenset[str]]] = {}

    def _doc(self, text: str) -> Any:
        doc = self.nlp.make_doc(text)
        for token in doc:
            token.norm_ = self._stem(token.text)
        return doc

    def hits(self, text: str) -> list[frozenset[str]]:
        """For each code, the keywords found in ``text``."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        found: list[set[str]] = [set() for _ in range(self.n_codes)]
        for match_id, _, _ in self.matcher(self._doc(text)):
            j, word = self._keyword[match_id]
            found[j].add(word)
        out = [frozenset(s) for s in found]
        if len(self._cache) < 500_000:
            self._cache[text] = out
        return out
