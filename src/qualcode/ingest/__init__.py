"""The ingest stage: transcript files in, :class:`RawTranscript` out.

Formats, by file suffix: plain text and Markdown (``.txt``, ``.md``), Word
(``.docx``), subtitles (``.vtt``, ``.srt``) and tables (``.csv``, ``.xlsx``).  Each
reader lives in its own module; this one finds files, applies the size limit, picks the
reader and attaches metadata (explicit, else a sidecar file, else the file's stem as
title).

A .txt, .md or .docx file without any speaker label (field notes, an interview summary,
a report) is read as paragraphs of one unnamed speaker, ``Text`` (``roles.PROSE_LABEL``,
which the redactor keeps), and the transcript carries a notice saying so.  Subtitles and
tables keep their own rules; a file with no text at all is refused.

A :class:`RawTranscript` holds what participants said, so nothing here logs it or puts
it in an error message: errors name the file, and a row, column or field at most.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from qualcode.errors import IngestError
from qualcode.ingest.meta import SIDECAR_SUFFIXES, file_meta, load_sidecar_meta, parse_meta
from qualcode.ingest.safety import read_limited
from qualcode.records import RawTranscript, TranscriptMeta, Turn

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "file_meta",
    "find_transcripts",
    "load_sidecar_meta",
    "parse_meta",
    "read_transcript",
]

DEFAULT_MAX_BYTES = 20_000_000


class Reader(Protocol):
    """A format's reader: turns from a file's bytes.  ``source`` names the file in
    errors; what the user should know about how the file was read (never its text) is
    added to ``notices``."""

    def __call__(self, data: bytes, source: str, notices: list[str], /) -> list[Turn]: ...


# suffix -> (format, "module:function"); a reader's module (python-docx, openpyxl, ...)
# is imported only when a file of its kind is read.
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "text:read_text"),
    ".md": ("text", "text:read_text"),
    ".docx": ("docx", "docx:read_docx"),
    ".vtt": ("vtt", "subtitles:read_vtt"),
    ".srt": ("srt", "subtitles:read_srt"),
    ".csv": ("csv", "tabular:read_csv"),
    ".xlsx": ("xlsx", "tabular:read_xlsx"),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


_EXPECTED = {
    "text": "The file holds no text (only blank lines, headings or front matter). Write "
    "each turn on a line that starts with a speaker label, e.g. 'Moderator: ...' or "
    "'P3: ...'; notes without labels are read as paragraphs.",
    "docx": "The document holds no paragraphs of text (only headings, or tables that are "
    "not Speaker | Text tables). Start paragraphs with a speaker label ('Moderator: ...') "
    "or add a Speaker | Text table; notes without labels are read as paragraphs.",
    "vtt": "Cues should carry voices (<v Moderator>) or start with 'Name:'.",
    "srt": "Cues should start with 'Name:'.",
    "csv": "Rows under a header with 'speaker' and 'text' columns should hold the turns.",
    "xlsx": "The first sheet should have a header row with 'speaker' and 'text' columns "
    "and one turn per row below it.",
}


def _unsupported(path: Path, source: str | None = None) -> IngestError:
    return IngestError(
        f"{source or path}: unsupported file type {path.suffix or '(no suffix)'!r}.",
        hint="Supported: " + ", ".join(SUPPORTED_SUFFIXES) + ".",
    )


def content_hash(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """The ``content_hash`` that ``read_transcript`` gives the file, without reading its
    turns; None for a file it would refuse as missing, unreadable or too large."""
    try:
        return _digest(read_limited(Path(path), max_bytes))
    except IngestError:
        return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_transcript(
    path: Path,
    meta: TranscriptMeta | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    name: str | None = None,
) -> RawTranscript:
    """Read one transcript file into speaker turns.

    ``meta`` replaces any sidecar metadata entirely; without it the sidecar beside the
    file is used (:func:`load_sidecar_meta`), else a title from the file's stem.
    A .txt/.md/.docx file without speaker labels is read as paragraphs of one unnamed
    speaker, with a notice in ``RawTranscript.notices``.  Raises :class:`IngestError`
    for a missing, unreadable, oversized, unsupported or malformed file, or one without
    turns (no text at all); :class:`InputError` for a bad sidecar.  Errors and notices
    call the file ``name`` (default: its path): an upload's own name, say, rather than
    where the server keeps it.
    """
    path = Path(path)
    source = name or str(path)
    entry = _READERS.get(path.suffix.lower())
    if entry is None:
        raise _unsupported(path, source)
    fmt, where = entry
    data = read_limited(path, max_bytes, source)
    turns, notices = _read_turns(source, fmt, where, data)
    if meta is None:
        meta = load_sidecar_meta(path) or TranscriptMeta(title=path.stem)
    return RawTranscript(
        source_name=path.name,
        fmt=fmt,
        content_hash=_digest(data),
        turns=tuple(turns),
        meta=meta,
        notices=notices,
    )


def _read_turns(
    source: str, fmt: str, where: str, data: bytes
) -> tuple[list[Turn], tuple[str, ...]]:
    """The file's turns and the reader's notices (e.g. read as paragraphs); ``source``
    names the file in errors and notices."""
    notices: list[str] = []
    turns = _reader(where)(data, source, notices)
    if not turns:  # the reader's notices (cells skipped, ...) may say why
        hint = " ".join(notices) or _EXPECTED[fmt]
        raise IngestError(f"{source}: no speaker turns found.", hint=hint)
    return turns, tuple(notices)


def _reader(where: str) -> Reader:
    module, _, name = where.partition(":")
    reader: Reader = getattr(importlib.import_module(f"qualcode.ingest.{module}"), name)
    return reader


def _is_candidate(name: str) -> bool:
    lowered = name.lower()
    return (
        not name.startswith((".", "~$"))
        and not lowered.endswith(SIDECAR_SUFFIXES)
        and os.path.splitext(lowered)[1] in _READERS
    )


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, name) for name in sorted(files) if _is_candidate(name))
    return found


def find_transcripts(paths: Iterable[Path]) -> list[Path]:
    """The transcript files among ``paths``, with folders expanded recursively.

    Folders yield their supported files in sorted order, skipping hidden files and
    folders, Office lock files (``~$...``) and sidecars (``*.meta.yaml|yml|json``).
    A file named directly must have a supported suffix.  Duplicates are dropped.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            if path.suffix.lower() not in _READERS:
                raise _unsupported(path)
            found.append(path)
        else:
            raise IngestError(f"{path}: no such file or folder.")
    return _unique(found)


def _unique(paths: list[Path]) -> list[Path]:
    """``paths`` without later duplicates (the same file reached twice)."""
    seen: set[Path] = set()
    unique = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
