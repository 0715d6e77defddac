"""The redact stage: RawTranscript -> RedactedTranscript, before anything is stored.

``Redactor`` is the interface; ``RuleRedactor`` the default.  Pseudonyms are consistent
within a transcript and numbered by type: the same person is ``[PERSON_3]`` in labels,
text, title and metadata, across spellings and case endings (``keys.name_key``).  The
original-to-pseudonym mapping is only returned by ``redact_with_key``, for the caller
to encrypt at once (``redact.vault``); ``redact`` keeps none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from qualcode.records import RawTranscript, RedactedTranscript, RedactedTurn, TranscriptMeta
from qualcode.redact.layers import PER_TRANSCRIPT, Finder, build_finders
from qualcode.redact.metaplaces import PlaceKeep, kept_places
from qualcode.redact.names import fold, is_generic_label, known_people
from qualcode.redact.run import Run, Span, prefetch_all
from qualcode.redact.unknown import addressed_names
from qualcode.redact.words import KEEP
from qualcode.settings import DEFAULT_LAYERS

PARENS = re.compile(r"\(([^)]+)\)")


class Redactor(Protocol):
    def redact(self, raw: RawTranscript) -> RedactedTranscript: ...


@dataclass(frozen=True)
class FieldSpan:
    """A detected span in one turn's ``speaker`` or ``text`` (for evaluation and review)."""

    turn: int
    field: str
    span: Span


class RuleRedactor:
    """Recall-first redaction in layers (see ``redact.layers``): contact patterns, names
    known for the transcript, the project's organisations, a place gazetteer, natasha on
    Cyrillic passages, a judge of the words those leave in doubt (or a spaCy NER model), and
    capitalised words that are not common English.

    ``keep``: words never redacted (a project's places needed for analysis), on top of
    ``unknown.KEEP``; ``layers``: which layers run; ``orgs``: organisations that identify
    a person; ``ner_model``: path of any spaCy pipeline with an ``ner`` component.
    ``detect_unknown=False`` limits redaction to patterns, known names and ``orgs``.
    The region and district in a transcript's metadata stay in its text
    (``redact.metaplaces``); ``redact_districts=True`` redacts the district after all.
    """

    def __init__(
        self,
        keep: Iterable[str] = (),
        *,
        layers: Sequence[str] = DEFAULT_LAYERS,
        orgs: Iterable[str] = (),
        ner_model: str | Path | None = None,
        detect_unknown: bool = True,
        redact_districts: bool = False,
    ) -> None:
        self.keep = tuple(keep)
        self.layers = layers
        self.orgs = tuple(orgs)
        self.ner_model = ner_model
        self.detect_unknown = detect_unknown
        self.redact_districts = redact_districts

    def spec(self) -> dict[str, Any]:
        """The arguments that build this redactor again (in another process)."""
        return {
            "keep": self.keep,
            "layers": tuple(self.layers),
            "orgs": self.orgs,
            "ner_model": self.ner_model,
            "detect_unknown": self.detect_unknown,
            "redact_districts": self.redact_districts,
        }

    @cached_property
    def _keep(self) -> frozenset[str]:
        return KEEP | {fold(w) for k in self.keep for w in k.split()}

    @cached_property
    def _finders(self) -> list[tuple[str, Finder]]:
        names = [n for n in self.layers if n not in PER_TRANSCRIPT]
        if not self.detect_unknown:
            names = [n for n in names if n == "orgs"]
        return build_finders(names, self._keep, self.orgs, self.ner_model)

    def swap_layer(self, name: str, make: Callable[[Finder], Finder]) -> None:
        """Put ``make(layer)`` in the place of this redactor's layer ``name``: to compare
        implementations of one layer (``models/judge/train.py`` compares the judge with
        the spaCy NER).  ``spec`` does not carry the change: hand the redactor itself to
        ``ingest_paths(redactor=...)``, which then redacts in this process.
        ``ValueError`` if no layer is called ``name``."""
        at = [i for i, (n, _) in enumerate(self._finders) if n == name]
        if not at:
            raise ValueError(f"This redactor has no layer {name!r}.")
        self._finders[at[0]] = (name, make(self._finders[at[0]][1]))

    def kept_places(self, meta: TranscriptMeta) -> tuple[str, ...]:
        """The metadata's region and district names this redactor leaves in the text."""
        return kept_places(meta, self.redact_districts)

    def redact(self, raw: RawTranscript) -> RedactedTranscript:
        return self.redact_with_key(raw)[0]

    def redact_with_key(
        self, raw: RawTranscript
    ) -> tuple[RedactedTranscript, dict[str, list[str]]]:
        """The redacted transcript and, for encryption only, pseudonym -> original strings."""
        return self.redact_many_with_key([raw])[0]

    def redact_many_with_key(
        self, raws: Sequence[RawTranscript]
    ) -> list[tuple[RedactedTranscript, dict[str, list[str]]]]:
        """``redact_with_key`` for several transcripts, their NER in one batch (the same
        result as one at a time; faster for many short transcripts)."""
        return [_redacted(raw, run) for raw, run in zip(raws, self._start_many(raws), strict=True)]

    def find_spans(self, raw: RawTranscript) -> list[FieldSpan]:
        """Every span the redactor would replace, per turn and field, in turn order."""
        return self.find_spans_many([raw])[0]

    def find_spans_many(self, raws: Sequence[RawTranscript]) -> list[list[FieldSpan]]:
        """``find_spans`` for several transcripts, their NER in one batch."""
        return [_spans(raw, run) for raw, run in zip(raws, self._start_many(raws), strict=True)]

    def _start_many(self, raws: Sequence[RawTranscript]) -> list[Run]:
        runs = [self._run(raw) for raw in raws]
        prefetch_all(
            [
                (run, [t.text for t in raw.turns], [*_speakers(raw), raw.meta.title])
                for run, raw in zip(runs, raws, strict=True)
            ]
        )
        return runs

    def _run(self, raw: RawTranscript) -> Run:
        speakers = _speakers(raw)
        labels = speakers + [m for label in speakers for m in PARENS.findall(label)]
        use_known = "known" in self.layers
        if use_known and self.detect_unknown:
            labels += addressed_names((t.text for t in raw.turns), self._keep)
        people = known_people(labels, raw.meta.participants, raw.meta.facilitator)
        return Run(
            people if use_known else [],
            self._finders,
            patterns="patterns" in self.layers,
            keep=self._keep,
            places=PlaceKeep(self.kept_places(raw.meta)),
        )


def _speakers(raw: RawTranscript) -> list[str]:
    return list(dict.fromkeys(t.speaker for t in raw.turns))


def _redacted(raw: RawTranscript, run: Run) -> tuple[RedactedTranscript, dict[str, list[str]]]:
    turns = tuple(
        RedactedTurn(run.label(t.speaker), run.text(t.text), t.start, t.end) for t in raw.turns
    )
    doc = RedactedTranscript(
        source_name=run.filename(raw.source_name),
        fmt=raw.fmt,
        content_hash=raw.content_hash,
        turns=turns,
        meta=_redact_meta(raw.meta, run),
        redactions=run.names.summary(),
    )
    return doc, run.originals()


def _spans(raw: RawTranscript, run: Run) -> list[FieldSpan]:
    out: list[FieldSpan] = []
    for i, t in enumerate(raw.turns):
        if not is_generic_label(t.speaker) or "(" in t.speaker:
            out += [FieldSpan(i, "speaker", s) for s in run.spans(t.speaker)]
        out += [FieldSpan(i, "text", s) for s in run.spans(t.text)]
    return out


def _redact_meta(meta: TranscriptMeta, run: Run) -> TranscriptMeta:
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
