"""Detector layers of the redactor, each a ``Finder``: text -> candidate spans.

Per-transcript layers (contact patterns, names known for the transcript) live in
``run.Run``; the layers here are built once per redactor and shared by every
transcript.  Heavy ones (natasha, a spaCy NER model) import their libraries on first use.

Layer names, in the order they claim text (an earlier layer's span wins an overlap):

- ``patterns``: phones, emails, URLs, IDs, cards, dates of birth, addresses, ages
- ``known``: speaker labels, participant list, facilitator, names used with aka/opa
- ``orgs``: the project's list of organisations that identify a person
- ``places``: names before a place word ('Zomin district') and numbered institutions
- ``gazetteer``: districts and towns of the region (regions and capitals are kept)
- ``names``: given names of the region, also those that are English words (Dana, Laura)
- ``russian``: natasha NER on Cyrillic passages
- ``ner``: the judge of doubtful words trained here (``models/judge``) or the user's own
  spaCy NER model
- ``unknown``: capitalised words that are not common English, by wordfreq and morphology
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from qualcode.redact.doubt import GatedNer
from qualcode.redact.givennames import GivenNames
from qualcode.redact.names import fold
from qualcode.redact.unknown import find_unknown
from qualcode.redact.words import (
    KEEP,
    Candidate,
)
from qualcode.settings import check_layers

FAST_LAYERS = ("patterns", "known", "orgs", "places", "gazetteer", "names", "unknown")
PER_TRANSCRIPT = frozenset({"patterns", "known"})


class Finder(Protocol):
    def find(self, text: str) -> list[Candidate]: ...


class OrgList:
    """Organisations that identify a person (a small workshop, a named school), as ORG."""

    def __init__(self, orgs: Iterable[str]) -> None:
        self.orgs = tuple(orgs)
        names = sorted((o.strip() for o in self.orgs if o.strip()), key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names)  # built once, not per text
        self._rx = (
            re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE) if names else None
        )

    def find(self, text: str) -> list[Candidate]:
        if self._rx is None:
            return []
        return [
            Candidate(m.start(), m.end(), "ORG", fold(m.group(0)), 1.0)
            for m in self._rx.finditer(text)
        ]


class UnknownWords:
    """Capitalised words that are not common English and not on the keep-list."""

    def __init__(self, keep: frozenset[str] = KEEP) -> None:
        self.keep = keep

    def find(self, text: str) -> list[Candidate]:
        return list(find_unknown(text, (), self.keep))


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
            names = next((f for n, f in out if isinstance(f, GivenNames)), None)
            out.append((name, _ner(keep, names, ner_model)))
        elif name == "unknown":
            out.append((name, UnknownWords(keep)))
    return out


def _ner(keep: frozenset[str], names: GivenNames | None, model: str | Path | None) -> Finder:
    """The bundled judge of doubtful words or, with ``model``, the user's spaCy NER model
    over the sentences around them."""
    if model is None:
        from qualcode.redact.judge import JudgedDoubts

        return JudgedDoubts(keep=keep, names=names)
    from qualcode.redact.ner import SpacyNer

    return GatedNer(SpacyNer(model, labels=None), keep, names, context_words=None)
