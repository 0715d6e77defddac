"""The redact stage: RawTranscript -> RedactedTranscript, before anything is stored.

``Redactor`` is the interface; ``RuleRedactor`` the default.  Pseudonyms are consistent
within a transcript and numbered by type: the same person is ``[PERSON_3]`` in labels,
text, title and metadata.  The original-to-pseudonym mapping is not kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol

from qualcode.models import (
    RawTranscript,
    RedactedTranscript,
    RedactedTurn,
    Redaction,
    TranscriptMeta,
)
from qualcode.redact.names import Person, compile_people, is_generic_label, known_people
from qualcode.redact.patterns import find_contacts
from qualcode.redact.unknown import KEEP, addressed_names, find_unknown, fold, stem


class Redactor(Protocol):
    def redact(self, raw: RawTranscript) -> RedactedTranscript: ...


@dataclass
class _Pseudonyms:
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


class RuleRedactor:
    """Layers, in order: contact patterns, names known for the transcript (labels,
    participant list, facilitator, and words used with a form of address such as
    'Akbar aka'), then capitalised words that are not common English
    (``unknown.find_unknown``).

    ``keep``: extra words (e.g. a project's place names needed for analysis) never
    redacted; ``detect_unknown=False`` limits redaction to patterns and known names.
    """

    def __init__(self, keep: Iterable[str] = (), *, detect_unknown: bool = True) -> None:
        self.keep = keep
        self.detect_unknown = detect_unknown

    def redact(self, raw: RawTranscript) -> RedactedTranscript:
        labels = list(dict.fromkeys(t.speaker for t in raw.turns))
        keep = KEEP | {fold(k) for k in self.keep} if self.detect_unknown else None
        if keep is not None:
            labels += addressed_names((t.text for t in raw.turns), keep)
        people = known_people(labels, raw.meta.participants, raw.meta.facilitator)
        run = _Run(compile_people(people), _Pseudonyms(), keep)
        for person in people:  # number people in order of appearance in the lists
            run.names.get("PERSON", person.key, "known-name")
        turns = tuple(
            RedactedTurn(run.label(t.speaker), run.text(t.text), t.start, t.end) for t in raw.turns
        )
        return RedactedTranscript(
            source_name=run.filename(raw.source_name),
            fmt=raw.fmt,
            content_hash=raw.content_hash,
            turns=turns,
            meta=_redact_meta(raw.meta, run),
            redactions=run.names.summary(),
        )


@dataclass
class _Run:
    people: list[tuple[Person, re.Pattern[str]]]
    names: _Pseudonyms
    keep: frozenset[str] | None  # None: no detection of unknown names
    by_stem: dict[str, Person] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for person, _ in reversed(self.people):  # the first person listed wins a shared stem
            self.by_stem.update({stem(t): person for t in person.tokens})

    def label(self, speaker: str) -> str:
        if is_generic_label(speaker):
            return speaker
        return self.text(speaker)

    def text(self, text: str) -> str:
        spans: list[tuple[int, int, str]] = []
        for c in find_contacts(text):
            spans.append((c.start, c.end, self._pseudo(c.kind, _norm_contact(c.value))))
        for person, rx in self.people:
            for m in rx.finditer(text):
                if not any(s < m.end() and m.start() < e for s, e, _ in spans):
                    spans.append((m.start(), m.end(), self._pseudo("PERSON", person.key)))
        if self.keep is not None:
            spans += self._unknown(text, [(s, e) for s, e, _ in spans])
        out, pos = [], 0
        for s, e, pseudo in sorted(spans):
            out += [text[pos:s], pseudo]
            pos = e
        out.append(text[pos:])
        return "".join(out)

    def filename(self, name: str) -> str:
        """File names join words with _ - . : redact each part on its own."""
        return "".join(self.text(part) for part in re.split(r"([_\-. ]+)", name))

    def _unknown(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        assert self.keep is not None
        out = []
        for c in find_unknown(text, taken, self.keep):
            person = self.by_stem.get(c.key) if c.kind == "PERSON" else None
            if person is not None:
                out.append((c.start, c.end, self._pseudo("PERSON", person.key)))
            else:
                out.append(
                    (c.start, c.end, self._pseudo(c.kind, "?" + c.key, "detector", c.confidence))
                )
        return out

    def _pseudo(
        self, kind: str, key: str, source: str | None = None, confidence: float = 1.0
    ) -> str:
        src = source or ("known-name" if kind == "PERSON" else "pattern")
        pseudo = self.names.get(kind, key, src)
        self.names.counts[pseudo] += 1
        self.names.confidence[pseudo] = min(self.names.confidence.get(pseudo, 1.0), confidence)
        return pseudo


def _norm_contact(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return digits[-9:] if len(digits) >= 9 else value.casefold()


def _redact_meta(meta: TranscriptMeta, run: _Run) -> TranscriptMeta:
    def opt(value: str | None) -> str | None:
        return run.text(value) if value else value

    return replace(
        meta,
        title=run.text(meta.title),
        district=opt(meta.district),
        facilitator=opt(meta.facilitator),
        participants=(),
        extra={k: run.text(v) for k, v in meta.extra.items()},
    )
