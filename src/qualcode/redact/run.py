"""One transcript's redaction run: finds spans, allocates pseudonyms, applies them.

A run numbers pseudonyms by type in order of first appearance and ties every word of a
detected name to its pseudonym by ``name_key``, so 'Dilnoza Karimova', 'Dilnozaning'
and 'Дилноза' are one ``[PERSON_n]``.  Originals are collected only for ``originals()``,
which the caller encrypts or drops.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from qualcode.models import Redaction
from qualcode.redact.keys import name_key
from qualcode.redact.layers import Finder
from qualcode.redact.names import HONORIFICS, Person, is_generic_label
from qualcode.redact.patterns import find_ages, find_contacts
from qualcode.redact.unknown import PLACE_WORDS, WORD, Candidate, fold

SOURCES = {"patterns": "pattern", "known": "known-name"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    pseudonym: str
    confidence: float
    source: str


@dataclass
class Pseudonyms:
    """Allocates ``[KIND_n]`` per distinct entity and counts occurrences."""

    by_key: dict[tuple[str, str], str] = field(default_factory=dict)
    per_kind: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    source: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)

    def get(self, kind: str, key: str, source: str) -> str:
        if (kind, key) not in self.by_key:
            self.per_kind[kind] += 1
            self.by_key[(kind, key)] = f"[{kind}_{self.per_kind[kind]}]"
            self.source[self.by_key[(kind, key)]] = source
        return self.by_key[(kind, key)]

    def summary(self) -> tuple[Redaction, ...]:
        return tuple(
            Redaction(
                kind=k,
                pseudonym=p,
                count=self.counts[p],
                source=self.source[p],
                confidence=self.confidence.get(p, 1.0),
            )
            for (k, _), p in self.by_key.items()
            if self.counts[p]
        )


class Run:
    def __init__(
        self,
        people: list[tuple[Person, re.Pattern[str]]],
        finders: list[tuple[str, Finder]],
        *,
        patterns: bool = True,
    ) -> None:
        self.people = people
        self.finders = finders
        self.patterns = patterns
        self.names = Pseudonyms()
        self.alias: dict[tuple[str, str], str] = {}
        self.cache: dict[tuple[str, str], list[Candidate]] = {}  # (layer, text) -> found
        self.surfaces: defaultdict[str, set[str]] = defaultdict(set)
        for person, _ in people:  # number known people in order of appearance in the lists
            pseudo = self.names.get("PERSON", person.key, "known-name")
            for token in person.tokens:
                self.alias.setdefault(("PERSON", name_key(token)), pseudo)

    def prefetch(self, texts: list[str]) -> None:
        """Run batch-capable layers (the NER model) over all texts at once."""
        for name, finder in self.finders:
            find_many = getattr(finder, "find_many", None)
            if find_many is not None:
                for text, found in zip(texts, find_many(texts), strict=True):
                    self.cache[(name, text)] = found

    def label(self, speaker: str) -> str:
        return speaker if is_generic_label(speaker) else self.text(speaker)

    def text(self, text: str) -> str:
        out, pos = [], 0
        for s in self.spans(text):
            out += [text[pos : s.start], s.pseudonym]
            self.names.counts[s.pseudonym] += 1
            self.surfaces[s.pseudonym].add(text[s.start : s.end])
            pos = s.end
        out.append(text[pos:])
        return "".join(out)

    def filename(self, name: str) -> str:
        """File names join words with _ - . : redact each part on its own."""
        return "".join(self.text(part) for part in re.split(r"([_\-. ]+)", name))

    def originals(self) -> dict[str, list[str]]:
        return {p: sorted(s) for p, s in self.surfaces.items()}

    def spans(self, text: str) -> list[Span]:
        spans: list[Span] = []

        def add(start: int, end: int, kind: str, conf: float, source: str) -> None:
            if start < end and not any(s.start < end and start < s.end for s in spans):
                pseudo = self._pseudonym(kind, text[start:end], conf, source)
                spans.append(Span(start, end, kind, pseudo, conf, source))

        if self.patterns:
            for m in find_contacts(text):
                add(m.start, m.end, m.kind, m.confidence, "pattern")
        for _, rx in self.people:
            for hit in rx.finditer(text):
                add(hit.start(), hit.end(), "PERSON", 1.0, "known-name")
        for name, finder in self.finders:
            found = self.cache.get((name, text))
            for c in finder.find(text) if found is None else found:
                add(c.start, c.end, c.kind, c.confidence, name)
        spans += _initials(text, spans)
        if self.patterns:
            people = [(s.start, s.end) for s in spans if s.kind == "PERSON"]
            for a in find_ages(text, people):
                add(a.start, a.end, "AGE", 1.0, "pattern")
        return sorted(spans, key=lambda s: s.start)

    def _pseudonym(self, kind: str, surface: str, conf: float, source: str) -> str:
        keys = _keys(kind, surface)
        pseudo = next((self.alias[(kind, k)] for k in keys if (kind, k) in self.alias), None)
        if pseudo is None:
            pseudo = self.names.get(kind, "?" + (keys[0] if keys else surface), source)
        for k in keys:
            self.alias.setdefault((kind, k), pseudo)
        self.names.confidence[pseudo] = min(self.names.confidence.get(pseudo, 1.0), conf)
        return pseudo


def _keys(kind: str, surface: str) -> list[str]:
    """Identity keys of a detected span: contacts by their digits, names by each word."""
    if kind in ("PHONE", "CARD", "ID"):
        digits = re.sub(r"\D", "", surface)
        return [digits[-9:] if len(digits) >= 9 else surface.casefold()]
    if kind not in ("PERSON", "PLACE", "ORG"):
        return [surface.casefold().strip()]
    stop = HONORIFICS | PLACE_WORDS
    words = [w for w in WORD.findall(surface) if fold(w) not in stop and len(w) >= 2]
    return [name_key(w) for w in words]


INITIAL = re.compile(r"(?<![\w.])(?:[A-ZА-ЯЁ]\.|[B-HJ-ZА-ЯЁ])(?=\s)")  # not 'I', 'A'


def _initials(text: str, spans: list[Span]) -> list[Span]:
    """Initials next to a name ('Faina D. Yefremova', 'J Smith') belong to that person."""
    people = [s for s in spans if s.kind == "PERSON"]
    out = []
    for m in INITIAL.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        for p in people:
            gap = text[m.end() : p.start] if p.start >= m.end() else text[p.end : m.start()]
            if (p.start >= m.end() or p.end <= m.start()) and gap.isspace() and len(gap) <= 2:
                out.append(Span(m.start(), m.end(), "PERSON", p.pseudonym, p.confidence, p.source))
                break
    return out
