"""One transcript's redaction run: finds spans, allocates pseudonyms, applies them.

A run numbers pseudonyms by type in order of first appearance and ties every word of a
detected name to its pseudonym by ``name_key``, so 'Dilnoza Karimova', 'Dilnozaning'
and 'Дилноза' are one ``[PERSON_n]``.  Originals are collected only for ``originals()``,
which the caller encrypts or drops.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from qualcode.records import Redaction
from qualcode.redact import scan
from qualcode.redact.doubt import DoubtGate
from qualcode.redact.keys import name_key, name_keys
from qualcode.redact.layers import Finder
from qualcode.redact.metaplaces import PlaceKeep
from qualcode.redact.names import HONORIFICS, KnownNames, Person, fold, is_generic_label
from qualcode.redact.ordinary import Ordinary
from qualcode.redact.patterns import find_ages, find_contacts
from qualcode.redact.vocab import TranscriptVocab
from qualcode.redact.words import CAP_WORD, PLACE_WORDS, WORD, Candidate

FILE_PARTS = re.compile(r"([_\-. ]+)")
NOT_NAMES = frozenset(HONORIFICS | PLACE_WORDS)  # words of a name span that name nobody
NON_DIGIT = re.compile(r"\D")


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
        people: list[Person],
        finders: list[tuple[str, Finder]],
        *,
        patterns: bool = True,
        keep: frozenset[str] = frozenset(),
        places: PlaceKeep | None = None,
    ) -> None:
        self.known = KnownNames(people)
        self.finders = finders
        self.patterns = patterns
        self.keep = keep
        self.places = places or PlaceKeep(())
        self.ordinary = Ordinary(keep)
        self.names = Pseudonyms()
        self.alias: dict[tuple[str, str], str] = {}
        self.cache: dict[tuple[str, str], list[Candidate]] = {}  # (layer, text) -> found
        self.surfaces: defaultdict[str, set[str]] = defaultdict(set)
        self.seen: dict[str, list[Span]] = {}  # text -> its spans (``spans``)
        for person in people:  # number known people in order of appearance in the lists
            keys = [("PERSON", name_key(t)) for t in person.tokens]
            same = next((self.alias[k] for k in keys if k in self.alias), None)  # Камола
            pseudo = same or self.names.get("PERSON", person.key, "known-name")
            for token in person.tokens:
                self.alias.setdefault(("PERSON", name_key(token)), pseudo)
        self.known_keys = {k for (kind, k) in self.alias if len(k) >= 3}
        prefixes = sorted({re.escape(p).replace("'", "['’ʻ‘`]") for p in self.known.prefixes})
        self.known_hint = re.compile(
            r"(?<![\w'’ʻ‘`-])(?:" + ("|".join(prefixes) or "(?!)") + ")", re.IGNORECASE
        )
        # what every known_hint match holds: a known prefix's longest apostrophe-free piece
        self.known_pieces = tuple(
            {scan.casefree(max(p.split("'"), key=len)) for p in self.known.prefixes}
        )
        self.known_word: dict[str, bool] = {}  # capitalised word -> another spelling of a name

    def label(self, speaker: str) -> str:
        """Role labels stay ('Moderator'); a name in parentheses does not
        ('Participant 2 (Dildora)')."""
        if is_generic_label(speaker) and "(" not in speaker:
            return speaker
        return self.text(speaker)

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
        return "".join(self.text(part) for part in FILE_PARTS.split(name))

    def originals(self) -> dict[str, list[str]]:
        return {p: sorted(s) for p, s in self.surfaces.items()}

    def spans(self, text: str) -> list[Span]:
        """The spans to replace in ``text``, each with its pseudonym.  A text seen before
        (a speaker label on every turn) gets the spans of its first time: its pseudonyms
        were allocated then, so working them out again would give the same."""
        if text not in self.seen:
            self.seen[text] = _merge(text, self._named(text, self._found(text)))
        return self.seen[text]

    def _found(self, text: str) -> list[Span]:
        """Spans every layer claims, in claiming order, without pseudonyms yet."""
        spans: list[Span] = []

        def add(start: int, end: int, kind: str, conf: float, source: str) -> None:
            if start < end and not any(s.start < end and start < s.end for s in spans):
                spans.append(Span(start, end, kind, "", conf, source))

        if self.patterns:
            for m in find_contacts(text):
                add(m.start, m.end, m.kind, m.confidence, "pattern")
        if self.known.index:  # known names with endings, in any case
            hits = self.known_hint.finditer(text) if scan.has_any(text, self.known_pieces) else ()
            for hit in hits:
                word = WORD.match(text, hit.start())
                if word and self.known.match(word.group(0)):
                    add(word.start(), word.end(), "PERSON", 1.0, "known-name")
            for word in CAP_WORD.finditer(text):  # other spellings: Farrukh/Farrux, Дилнозу
                if self._known_spelling(word.group(0)):
                    add(word.start(), word.end(), "PERSON", 1.0, "known-name")
        for name, finder in self.finders:
            found = self.cache.get((name, text))
            for c in finder.find(text) if found is None else found:
                if not self._dismissed(text, c, name):
                    add(c.start, c.end, c.kind, c.confidence, name)
        spans += _initials(text, spans)
        spans += _extend_people(text, spans, self.ordinary)
        if self.patterns:
            people = [(s.start, s.end) for s in spans if s.kind == "PERSON"]
            for a in find_ages(text, people):
                add(a.start, a.end, "AGE", 1.0, "pattern")
        return sorted(spans, key=lambda s: s.start)

    def _known_spelling(self, word: str) -> bool:
        known = self.known_word.get(word)
        if known is None:
            known = any(k in self.known_keys for k in name_keys(word))
            self.known_word[word] = known
        return known

    def _dismissed(self, text: str, c: Candidate, layer: str) -> bool:
        if self.places and layer != "orgs" and self.places.covers(text[c.start : c.end]):
            return True
        return self.ordinary.dismiss(text, c, layer)

    def _named(self, text: str, spans: list[Span]) -> list[Span]:
        """One pseudonym per entity: adjacent name spans ('Feruza' found by one layer,
        'Tursunova' by another) are one person."""
        out: list[Span] = []
        for group in _groups(text, spans):
            surface = " ".join(text[s.start : s.end] for s in group)
            conf = min(s.confidence for s in group)
            pseudo = self._pseudonym(group[0].kind, surface, conf, group[0].source)
            out += [Span(s.start, s.end, s.kind, pseudo, s.confidence, s.source) for s in group]
        return out

    def _pseudonym(self, kind: str, surface: str, conf: float, source: str) -> str:
        keys = _keys(kind, surface)
        variants = [v for v in _variants(kind, surface) if v not in keys]
        pseudo = next(
            (self.alias[(kind, k)] for k in keys + variants if (kind, k) in self.alias), None
        )
        if pseudo is None:
            pseudo = self.names.get(kind, "?" + (keys[0] if keys else surface), source)
        for k in keys + variants:  # later case forms find it too: Анорзоре, then Анорзор
            self.alias.setdefault((kind, k), pseudo)
        self.names.confidence[pseudo] = min(self.names.confidence.get(pseudo, 1.0), conf)
        return pseudo


def prefetch_all(items: Sequence[tuple[Run, list[str], Sequence[str]]]) -> None:
    """Before a run's first span: learn each transcript's own vocabulary from its turns'
    texts, and run the NER layer over those texts and the others (speaker labels, title)
    of all the runs, which share their layers, in one batch."""
    batches = []
    for run, texts, others in items:
        run.ordinary.vocab = TranscriptVocab(texts)
        batches.append(list(dict.fromkeys([*texts, *others])))
    if not items:
        return
    for name, finder in items[0][0].finders:
        if isinstance(finder, DoubtGate):  # the transcript's vocabulary settles more words
            groups = [(b, run.ordinary) for (run, _, _), b in zip(items, batches, strict=True)]
            found = finder.find_groups(groups)
            for (run, _, _), texts, spans in zip(items, batches, found, strict=True):
                run.cache.update(((name, t), s) for t, s in zip(texts, spans, strict=True))


def _groups(text: str, spans: list[Span]) -> list[list[Span]]:
    """Spans in order, adjacent PERSON spans (only a space or two between) together."""
    groups: list[list[Span]] = []
    for s in spans:
        prev = groups[-1][-1] if groups else None
        gap = text[prev.end : s.start] if prev else ""
        if prev and prev.kind == s.kind == "PERSON" and len(gap) <= 2 and not gap.strip():
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def _keys(kind: str, surface: str) -> list[str]:
    """Identity keys of a detected span: contacts by their digits, names by each word."""
    if kind in ("PHONE", "CARD", "ID"):
        digits = NON_DIGIT.sub("", surface)
        return [digits[-9:] if len(digits) >= 9 else surface.casefold()]
    if kind not in ("PERSON", "PLACE", "ORG"):
        return [surface.casefold().strip()]
    words = [w for w in WORD.findall(surface) if fold(w) not in NOT_NAMES and len(w) >= 2]
    return [name_key(w) for w in words]


def _variants(kind: str, surface: str) -> list[str]:
    """Keys of the nominatives a Russian case form may come from (Гульнору: Гульнора)."""
    if kind != "PERSON":
        return []
    return [k for w in WORD.findall(surface) if fold(w) not in NOT_NAMES for k in name_keys(w)]


# Initials next to a name: 'A.T.', 'Kh.', 'D. ', 'J ' (but not the pronoun I, article A)
INITIAL = re.compile(r"(?<![\w.])(?:(?:[A-ZА-ЯЁ][a-zа-я]?\.){1,3}|[B-HJ-ZА-ЯЁ])(?=[\s,;:)]|$)")


def _initials(text: str, spans: list[Span]) -> list[Span]:
    """Initials next to a name ('Faina D. Yefremova', 'J Smith') belong to that person."""
    people = [s for s in spans if s.kind == "PERSON"]
    out: list[Span] = []
    if not people:  # initials belong to a name next to them
        return out
    for m in INITIAL.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        for p in people:
            gap = text[m.end() : p.start] if p.start >= m.end() else text[p.end : m.start()]
            if (p.start >= m.end() or p.end <= m.start()) and gap.isspace() and len(gap) <= 2:
                out.append(Span(m.start(), m.end(), "PERSON", p.pseudonym, p.confidence, p.source))
                break
    return out


PATRONYMIC = re.compile(
    r"^(?:o['’ʻ‘`]?g['’ʻ‘`]?li|ugli|qizi|kizi|uly|kyzy|uulu|\w+(?:ovich|evich|ovna|evna))$",
    re.IGNORECASE,
)


def _extend_people(text: str, spans: list[Span], ordinary: Ordinary) -> list[Span]:
    """A name continues over the next capitalised word or a patronymic:
    'Nonna Shin', 'Mahdi Bekzod o'g'li', 'Usmonov Aziz'."""
    taken = list(spans)
    out: list[Span] = []
    for p in [s for s in spans if s.kind == "PERSON"]:
        genitive = fold(text[p.start : p.end]).endswith("ning")  # "Mavjudaning o'g'li": her son
        end = p.end
        for _ in range(2):
            m = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
            if m is None or any(s.start < m.end() and m.start() < s.end for s in taken):
                break
            word = fold(m.group(0))
            capital = m.group(0)[0].isupper() and not ordinary.word(m.group(0))
            patronymic = PATRONYMIC.match(m.group(0)) and not genitive
            if not (patronymic or capital) or word in NOT_NAMES:
                break
            span = Span(m.start(), m.end(), "PERSON", p.pseudonym, p.confidence, p.source)
            out.append(span)
            taken.append(span)
            end = m.end()
    return out


def _merge(text: str, spans: list[Span]) -> list[Span]:
    """One pseudonym for a full name: '[PERSON_2] [PERSON_2]' becomes '[PERSON_2]'."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev and prev.pseudonym == s.pseudonym and text[prev.end : s.start].isspace():
            out[-1] = Span(prev.start, s.end, s.kind, s.pseudonym, prev.confidence, prev.source)
        else:
            out.append(s)
    return out
