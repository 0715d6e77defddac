"""The NER layer's gate: only what the cheaper layers leave in doubt is read by a model.

Most words need no model: a rare capitalised word is redacted by ``unknown`` whatever a
model says; a kept, ordinary or Cyrillic word is dropped from a model's spans afterwards
anyway; a given name is claimed by ``names`` first.  ``DoubtGate`` finds the doubtful
words (``doubtful``) and keeps a reader's spans (``_kept``); its readers decide all of a
transcript's -- or of many transcripts' -- doubtful words in one call (``find_many``,
``find_groups``):

- ``judge.JudgedDoubts`` (the default): a classifier of each doubtful word in its context;
- ``GatedNer``: a spaCy NER model, sent only the text around the doubtful words
  (``windows``), its spans mapped back onto the whole texts.

How much text around a doubtful word ``GatedNer`` sends: for the spaCy model trained here
(``models/ner``), ``CONTEXT_WORDS`` words either side, which hold all that model reads for
that word (its CNN sees four tokens either side, and the entity recogniser's state the
token before); for any other model, whose reach we don't know, the doubtful word's
sentence and the sentences either side.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

import regex

from qualcode.redact.givennames import GivenNames
from qualcode.redact.names import fold
from qualcode.redact.ordinary import Ordinary
from qualcode.redact.words import (
    CAP_WORD,
    CYRILLIC,
    KEEP,
    WORD,
    Candidate,
    sentence_initial,
    zipf,
)

# Where a sentence ends: after . ! ? … and white space, or at a line break.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|\n+")
COMMON_AT_START = 5.0  # Zipf: 'Thank', 'Hello', 'Ask' at a sentence start need no model
# Words either side of a doubtful word that the bundled model reads: its tok2vec's four
# window-1 layers reach 4 spaCy tokens (a word is one or more), the NER state 1 more.
CONTEXT_WORDS = 6
SPACE_SEPARATED = re.compile(r"\S+")


class NerFinder(Protocol):
    def find(self, text: str) -> list[Candidate]: ...


class DoubtGate:
    """What every reader of doubtful words shares: which words are in doubt
    (``doubtful``) and which of a reader's spans to keep (``_kept``).  A subclass
    decides the doubtful words of many texts at once (``find_groups``): ``GatedNer``
    with an NER model over the text around them, ``judge.JudgedDoubts`` with a
    classifier of each word in its context.

    A reader's spans are used for PERSON only.  Its Cyrillic spans are dropped (natasha
    and the morphology of ``unknown`` cover Russian), and so are spans of keep-list
    words ('Hokimiyat', 'Namangan').  ``names``: the given-name layer that runs before
    this one, if any (words it claims are settled)."""

    def __init__(self, keep: frozenset[str] = KEEP, names: GivenNames | None = None) -> None:
        self.keep = keep
        self.names = names

    def needed(self, text: str, ordinary: Ordinary | None = None) -> bool:
        """Whether ``text`` holds a doubtful word (see ``doubtful``)."""
        return any(True for _ in self.doubtful(text, ordinary))

    def doubtful(self, text: str, ordinary: Ordinary | None = None) -> Iterable[int]:
        """Offsets of the doubtful words of ``text``, those whose fate only the model can
        decide: capitalised words, written in the Latin script, that are

        - common enough in English to pass as a word (Zipf >= 3): rarer ones are redacted
          by ``unknown`` whatever the model says;
        - rare enough to be a name (Zipf < 5.5: 'The', 'But', 'Yes' are not);
        - not on the keep-list: a span of keep-list words is dropped; nor the plural of a
          keep-list word ('Fridays'), which names nobody;
        - not an ordinary word of this transcript (``ordinary``: written in lower case
          elsewhere in it, or a function word): ``Ordinary.dismiss`` drops a model span
          made only of such words;
        - not claimed as a given name by ``names``, which runs first and wins the overlap;
        - not a very common English word (Zipf >= 5) at the start of a sentence, where
          English capitalises every word, unless a colon follows it: an inline speaker
          label ('John: You saved my life!').

        So is a keep-list word of three letters or more followed by another capitalised
        Latin word ('Muslim Aliyev', 'Temir Sattorov'): the model may read both as one
        full name ("I'm Kira" is no such pair: 'Kira' is doubtful or not on its own).

        Cyrillic words are never doubtful: the model's Cyrillic spans are dropped.  Names
        written in lower case are the name lists' job, as the model needs capitals too.
        """
        return (m.start() for m in self.doubtful_words(text, ordinary))

    def doubtful_words(
        self, text: str, ordinary: Ordinary | None = None
    ) -> Iterator[regex.Match[str]]:
        """The doubtful words of ``text`` (see ``doubtful``), as matches of ``CAP_WORD``."""
        words = list(CAP_WORD.finditer(text))
        for m, after in zip(words, [*words[1:], None], strict=False):
            if self._doubtful(text, m, ordinary) or self.pair(text, m, after):
                yield m

    def open_to_doubt(self, word: str) -> bool:
        """Whether ``word`` can be in doubt in some context: Latin, common enough in
        English to pass as a word and rare enough to be a name (Zipf 3 to 5.5), and not
        on the keep-list."""
        folded = fold(word)
        return 3.0 <= zipf(folded) < 5.5 and not CYRILLIC.search(word) and folded not in self.keep

    def pair(self, text: str, m: regex.Match[str], after: regex.Match[str] | None) -> bool:
        """Whether ``m`` is a keep-list word that may start a full name with the
        capitalised word ``after`` it ('Temir Sattorov'; see ``doubtful``)."""
        if after is None or after.start() != m.end() + 1 or text[m.end()] != " ":
            return False
        first = fold(m.group(0))
        if not (first.isalpha() and len(first) >= 3 and first in self.keep):
            return False
        if fold(after.group(0)) in self.keep:
            return False
        return not CYRILLIC.search(m.group(0) + after.group(0))

    def _doubtful(self, text: str, m: regex.Match[str], ordinary: Ordinary | None) -> bool:
        word = m.group(0)
        folded = fold(word)
        if not self.open_to_doubt(word) or (folded.endswith("s") and folded[:-1] in self.keep):
            return False
        if ordinary is not None and ordinary.word(word):
            return False
        if zipf(folded) >= COMMON_AT_START and sentence_initial(text, m.start()):
            return text[m.end() : m.end() + 1] == ":"
        return self.names is None or not self.names.claims(text, m)

    def find(self, text: str) -> list[Candidate]:
        return self.find_many([text])[0]

    def find_many(
        self, texts: Sequence[str], ordinary: Ordinary | None = None
    ) -> list[list[Candidate]]:
        """``find`` for all texts of a transcript, the doubtful ones in one batch;
        ``ordinary`` knows the transcript's vocabulary (``run.prefetch_all``)."""
        return self.find_groups([(texts, ordinary)])[0]

    def _kept(self, text: str, found: list[Candidate]) -> list[Candidate]:
        out = []
        for c in found:
            surface = text[c.start : c.end]
            words = [fold(w) for w in WORD.findall(surface)]
            if CYRILLIC.search(surface) or (words and all(w in self.keep for w in words)):
                continue
            out.append(c)
        return out

    def find_groups(
        self, groups: Sequence[tuple[Sequence[str], Ordinary | None]]
    ) -> list[list[list[Candidate]]]:
        """``find_many`` for the texts of several transcripts, each with its own
        vocabulary, in one batch."""
        raise NotImplementedError


class GatedNer(DoubtGate):
    """Runs an NER model only on the text around the words the cheaper layers leave in
    doubt.  The bundled spaCy model (``models/ner``) was trained on English: on Cyrillic
    it tags ordinary words ('Теперь', 'Кризисного'), and its places and organisations
    cost more precision than they add recall (see models/ner/README.md).
    ``context_words``: how many words either side of a doubtful word the model needs
    (``CONTEXT_WORDS`` for the bundled model); None, for a model whose reach is unknown,
    sends whole sentences."""

    def __init__(
        self,
        ner: NerFinder,
        keep: frozenset[str] = KEEP,
        names: GivenNames | None = None,
        context_words: int | None = None,
    ) -> None:
        super().__init__(keep, names)
        self.ner = ner
        self.context_words = context_words

    def find_groups(
        self, groups: Sequence[tuple[Sequence[str], Ordinary | None]]
    ) -> list[list[list[Candidate]]]:
        """``find_many`` for the texts of several transcripts, each with its own
        vocabulary, in one batch: a call to the model costs more than a short text."""
        chosen = [
            (g, i, window)
            for g, (texts, ordinary) in enumerate(groups)
            for i, text in enumerate(texts)
            for window in self.windows(text, ordinary)
        ]
        parts = [groups[g][0][i][s:e] for g, i, (s, e) in chosen]
        batch = self._read(parts)
        out: list[list[list[Candidate]]] = [[[] for _ in texts] for texts, _ in groups]
        for (g, i, (s, _)), part, found in zip(chosen, parts, batch, strict=True):
            out[g][i] += [
                replace(c, start=c.start + s, end=c.end + s) for c in self._kept(part, found)
            ]
        return out

    def _read(self, parts: Sequence[str]) -> list[list[Candidate]]:
        """The model's candidates for each part, each distinct part read once: the same
        sentences recur ('Thank you for being so open.'), and the model reads a sentence
        the same whatever else is in its batch."""
        distinct = list(dict.fromkeys(parts))
        many = getattr(self.ner, "find_many", None)
        found = many(distinct) if many else [self.ner.find(p) for p in distinct]
        by_part = dict(zip(distinct, found, strict=True))
        return [by_part[p] for p in parts]

    def windows(self, text: str, ordinary: Ordinary | None = None) -> list[tuple[int, int]]:
        """What the model reads of ``text``: the ``context_words`` words either side of
        each doubtful word or, without that, each sentence with a doubtful word and the
        sentences either side of it (the model needs them: without, it lost names); joined
        where they touch, and nothing when no word is in doubt."""
        offsets = list(self.doubtful(text, ordinary))
        if not offsets:
            return []
        if self.context_words is not None:
            return _word_windows(text, offsets, self.context_words)
        bounds = _sentences(text)
        hit = {k for k, (s, e) in enumerate(bounds) if any(s <= o < e for o in offsets)}
        near = sorted({j for k in hit for j in (k - 1, k, k + 1) if 0 <= j < len(bounds)})
        out: list[tuple[int, int]] = []
        for j in near:
            if out and j - 1 in near and out[-1][1] == bounds[j - 1][1]:
                out[-1] = (out[-1][0], bounds[j][1])
            else:
                out.append(bounds[j])
        return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of ``text``, the breaks between left out."""
    out, pos = [], 0
    for m in SENTENCE_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _word_windows(text: str, offsets: Sequence[int], reach: int) -> list[tuple[int, int]]:
    """The ``reach`` space-separated words either side of the word at each offset (in
    order), windows that overlap or touch joined into one."""
    words = [(m.start(), m.end()) for m in SPACE_SEPARATED.finditer(text)]
    starts = [start for start, _ in words]
    out: list[tuple[int, int]] = []
    for offset in offsets:
        at = bisect.bisect_right(starts, offset) - 1
        start = words[max(0, at - reach)][0]
        end = words[min(len(words) - 1, at + reach)][1]
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
