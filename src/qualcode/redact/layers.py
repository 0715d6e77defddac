"""Detector layers of the redactor, each a ``Finder``: text -> candidate spans.

Per-transcript layers (contact patterns, names known for the transcript) live in
``run.Run``; the layers here are built once per redactor and shared by every
transcript.  Heavy ones (natasha, the spaCy NER model) import their libraries on first use.

Layer names, in the order they claim text (an earlier layer's span wins an overlap):

- ``patterns``: phones, emails, URLs, IDs, cards, dates of birth, addresses, ages
- ``known``: speaker labels, participant list, facilitator, names used with aka/opa
- ``orgs``: the project's list of organisations that identify a person
- ``places``: names before a place word ('Zomin district') and numbered institutions
- ``gazetteer``: districts and towns of the region (regions and capitals are kept)
- ``names``: given names of the region, also those that are English words (Dana, Laura)
- ``russian``: natasha NER on Cyrillic passages
- ``ner``: the spaCy NER model trained here (``models/ner``) or the user's own
- ``unknown``: capitalised words that are not common English, by wordfreq and morphology
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import regex

from qualcode.redact.givennames import GivenNames
from qualcode.redact.names import fold
from qualcode.redact.ordinary import Ordinary
from qualcode.redact.unknown import find_unknown
from qualcode.redact.words import (
    CAP_WORD,
    CYRILLIC,
    KEEP,
    WORD,
    Candidate,
    sentence_initial,
    zipf,
)
from qualcode.settings import check_layers

FAST_LAYERS = ("patterns", "known", "orgs", "places", "gazetteer", "names", "unknown")
PER_TRANSCRIPT = frozenset({"patterns", "known"})
COMMON_AT_START = 5.0  # Zipf: 'Thank', 'Hello', 'Ask' at a sentence start need no model


class Finder(Protocol):
    def find(self, text: str) -> list[Candidate]: ...


class OrgList:
    """Organisations that identify a person (a small workshop, a named school), as ORG."""

    def __init__(self, orgs: Iterable[str]) -> None:
        self.orgs = tuple(orgs)

    def find(self, text: str) -> list[Candidate]:
        names = sorted((o.strip() for o in self.orgs if o.strip()), key=len, reverse=True)
        if not names:
            return []
        rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
        )
        return [
            Candidate(m.start(), m.end(), "ORG", fold(m.group(0)), 1.0) for m in rx.finditer(text)
        ]


class UnknownWords:
    """Capitalised words that are not common English and not on the keep-list."""

    def __init__(self, keep: frozenset[str] = KEEP) -> None:
        self.keep = keep

    def find(self, text: str) -> list[Candidate]:
        return list(find_unknown(text, (), self.keep))


class GatedNer:
    """Runs an NER model only on texts the cheaper layers leave in doubt (``doubtful``).

    The bundled model is used for PERSON only: its places and organisations cost more
    precision than they add recall (see models/ner/README.md).  It was trained on English:
    on Cyrillic it tags ordinary words ('Теперь', 'Кризисного'), so its Cyrillic spans are
    dropped (natasha and the morphology of ``unknown`` cover Russian), and so are spans
    of keep-list words ('Hokimiyat', 'Namangan').  ``names``: the given-name layer that
    runs before this one, if any (words it claims are settled)."""

    def __init__(
        self, ner: Finder, keep: frozenset[str] = KEEP, names: GivenNames | None = None
    ) -> None:
        self.ner = ner
        self.keep = keep
        self.names = names

    def needed(self, text: str, ordinary: Ordinary | None = None) -> bool:
        """Whether ``text`` holds a doubtful word, one whose fate only the model can decide:
        a capitalised word, written in the Latin script, that is

        - common enough in English to pass as a word (Zipf >= 3): rarer ones are redacted
          by ``unknown`` whatever the model says;
        - rare enough to be a name (Zipf < 5.5: 'The', 'But', 'Yes' are not);
        - not on the keep-list: a span of keep-list words is dropped;
        - not an ordinary word of this transcript (``ordinary``: written in lower case
          elsewhere in it, or a function word): ``Ordinary.dismiss`` drops a model span
          made only of such words;
        - not claimed as a given name by ``names``, which runs first and wins the overlap;
        - not a very common English word (Zipf >= 5) at the start of a sentence, where
          English capitalises every word.

        So is a keep-list word followed by another capitalised Latin word ('Muslim Aliyev',
        'Temir Sattorov'): the model may read both as one full name.

        Cyrillic words are never doubtful: the model's Cyrillic spans are dropped.  Names
        written in lower case are the name lists' job, as the model needs capitals too.
        """
        words = list(CAP_WORD.finditer(text))
        for m, after in zip(words, [*words[1:], None], strict=False):
            if self._doubtful(text, m, ordinary) or self._pair(text, m, after):
                return True
        return False

    def _pair(self, text: str, m: regex.Match[str], after: regex.Match[str] | None) -> bool:
        if after is None or after.start() != m.end() + 1 or text[m.end()] != " ":
            return False
        if fold(m.group(0)) not in self.keep or fold(after.group(0)) in self.keep:
            return False
        return not CYRILLIC.search(m.group(0) + after.group(0))

    def _doubtful(self, text: str, m: regex.Match[str], ordinary: Ordinary | None) -> bool:
        word = m.group(0)
        folded = fold(word)
        if not 3.0 <= zipf(folded) < 5.5 or folded in self.keep or CYRILLIC.search(word):
            return False
        if ordinary is not None and ordinary.word(word):
            return False
        if zipf(folded) >= COMMON_AT_START and sentence_initial(text, m.start()):
            return False
        return self.names is None or not self.names.claims(text, m)

    def find(self, text: str) -> list[Candidate]:
        return self._kept(text, self.ner.find(text)) if self.needed(text) else []

    def _kept(self, text: str, found: list[Candidate]) -> list[Candidate]:
        out = []
        for c in found:
            surface = text[c.start : c.end]
            words = [fold(w) for w in WORD.findall(surface)]
            if CYRILLIC.search(surface) or (words and all(w in self.keep for w in words)):
                continue
            out.append(c)
        return out

    def find_many(
        self, texts: Sequence[str], ordinary: Ordinary | None = None
    ) -> list[list[Candidate]]:
        """``find`` for all texts of a transcript, the doubtful ones in one batch;
        ``ordinary`` knows the transcript's vocabulary (``Run.prefetch``)."""
        chosen = [i for i, t in enumerate(texts) if self.needed(t, ordinary)]
        found = getattr(self.ner, "find_many", None)
        batch = (
            found([texts[i] for i in chosen])
            if found
            else [self.ner.find(texts[i]) for i in chosen]
        )
        out: list[list[Candidate]] = [[] for _ in texts]
        for i, candidates in zip(chosen, batch, strict=True):
            out[i] = self._kept(texts[i], candidates)
        return out


def build_finders(
    layers: Sequence[str],
    keep: frozenset[str],
    orgs: Iterable[str] = (),
    ner_model: str | Path | None = None,
) -> list[tuple[str, Finder]]:
    """The shared layers named in ``layers``, built in claiming order."""
    out: list[tuple[str, Finder]] = []
    for name in check_layers(layers):
        if name == "orgs":
            out.append((name, OrgList(orgs)))
        elif name == "places":
            from qualcode.redact.placewords import PlaceWords

            out.append((name, PlaceWords(keep)))
        elif name == "gazetteer":
            from qualcode.redact.gazetteer import PlaceGazetteer

            out.append((name, PlaceGazetteer(keep=keep)))
        elif name == "names":
            out.append((name, GivenNames(keep)))
        elif name == "russian":
            from qualcode.redact.russian import NatashaNer

            out.append((name, NatashaNer()))
        elif name == "ner":
            from qualcode.redact.ner import SpacyNer

            labels = None if ner_model else {"PERSON": "PERSON", "PER": "PERSON"}
            names = next((f for n, f in out if isinstance(f, GivenNames)), None)
            out.append((name, GatedNer(SpacyNer(ner_model, labels=labels), keep, names)))
        elif name == "unknown":
            out.append((name, UnknownWords(keep)))
    return out
