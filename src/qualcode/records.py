"""Plain dataclasses passed between pipeline stages.

ingest -> RawTranscript -> redact -> RedactedTranscript -> segment -> list[Segment]
-> embed -> vectors -> topics / suggest -> Suggestion -> review -> ReviewEvent -> export.

Only :class:`RawTranscript` ever holds original (unredacted) text, and it lives in memory
only: it is never stored, logged or put into an exception message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TranscriptMeta:
    """Metadata a researcher supplies with a transcript (sidecar file, CLI or API)."""

    title: str
    region: str | None = None
    district: str | None = None
    date: str | None = None  # ISO 8601 date, e.g. "2023-05-14"
    group: str | None = None  # participant group, e.g. "women 18-30"
    language: str = "en"
    facilitator: str | None = None
    participants: tuple[str, ...] = ()  # names or labels, used by redaction, never stored
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Turn:
    """One speaker turn as read from the file: original text, not yet redacted."""

    speaker: str
    text: str
    start: float | None = None  # seconds from the start of the recording
    end: float | None = None


@dataclass(frozen=True)
class RawTranscript:
    """A transcript read by ingest.  Holds originals: memory only, never persisted."""

    source_name: str  # file name without directories
    fmt: str  # "text", "docx", "vtt", "srt", "csv", "xlsx"
    content_hash: str  # sha256 hex of the file's bytes
    turns: tuple[Turn, ...]
    meta: TranscriptMeta
    # what the user should know about how the file was read; names the file, never its text
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Redaction:
    """One redacted entity in a transcript: type, pseudonym and count; no original."""

    kind: str  # "PERSON", "PHONE", "EMAIL", "URL", ...
    pseudonym: str  # "[PERSON_1]"
    count: int
    confidence: float = 1.0
    source: str = "pattern"  # which detector layer found it


@dataclass(frozen=True)
class RedactedTurn:
    speaker: str  # pseudonymised label, e.g. "[PERSON_2]" or "Moderator"
    text: str
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True)
class RedactedTranscript:
    """A transcript after redaction: safe to store, embed, log and export."""

    source_name: str
    fmt: str
    content_hash: str
    turns: tuple[RedactedTurn, ...]
    meta: TranscriptMeta  # participants emptied, facilitator pseudonymised
    redactions: tuple[Redaction, ...]


@dataclass(frozen=True)
class Segment:
    """A coding unit: part of one turn, with exact offsets into the stored text."""

    transcript_id: int
    turn_index: int
    speaker: str
    text: str
    start: int  # character offset into the transcript's stored plain text
    end: int  # exclusive; stored_text[start:end] == text
    seq: int  # order within the transcript
    id: int | None = None
    language: str = ""  # qualcode.languages.detect; "" until detected


@dataclass(frozen=True)
class CodeText:
    """A code's texts in one more language (a translation of the code's own fields)."""

    language: str  # ISO 639-1, e.g. "ru", "uz"
    label: str = ""
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


TEXT_FIELDS = ("label", "definition", "inclusion", "exclusion", "examples", "keywords")


def to_code_texts(translations: Mapping[str, Mapping[str, Any]]) -> tuple[CodeText, ...]:
    return tuple(_code_text(lang, fields) for lang, fields in sorted(translations.items()))


def _code_text(language: str, fields: Mapping[str, Any]) -> CodeText:
    def text(name: str) -> str:
        return str(fields.get(name) or "")

    def items(name: str) -> tuple[str, ...]:
        return tuple(str(v) for v in fields.get(name) or ())

    return CodeText(
        language,
        text("label"),
        text("definition"),
        text("inclusion"),
        text("exclusion"),
        items("examples"),
        items("keywords"),
    )


def to_mapping(texts: tuple[CodeText, ...]) -> dict[str, dict[str, Any]]:
    """The ``translations`` mapping a codebook file writes (empty fields left out)."""
    out: dict[str, dict[str, Any]] = {}
    for t in texts:
        fields = {f: getattr(t, f) for f in TEXT_FIELDS}
        out[t.language] = {
            k: list(v) if isinstance(v, tuple) else v for k, v in fields.items() if v
        }
    return out


@dataclass(frozen=True)
class Code:
    """A codebook entry."""

    id: str
    label: str
    definition: str
    inclusion: str = ""
    exclusion: str = ""
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    parent: str | None = None
    translations: tuple[CodeText, ...] = ()  # the code in other languages, by language


@dataclass(frozen=True)
class Codebook:
    name: str
    version: str
    codes: tuple[Code, ...]
    description: str = ""

    def get(self, code_id: str) -> Code | None:
        return next((c for c in self.codes if c.id == code_id), None)


@dataclass(frozen=True)
class Suggestion:
    segment_id: int
    code_id: str
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    topic_id: int  # -1 for outliers, as in BERTopic
    label: str
    words: tuple[str, ...]
    size: int
    representative_segment_ids: tuple[int, ...]


@dataclass(frozen=True)
class ReviewEvent:
    """One entry of the append-only review log."""

    segment_id: int
    code_id: str
    action: str  # "accept", "reject", "add", "undo"
    coder: str
    at: str  # ISO 8601 UTC timestamp
    memo: str = ""
    id: int | None = None
    span: tuple[int, int] | None = None  # part of the segment's text the code is for
