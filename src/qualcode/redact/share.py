"""Redacted copies of transcripts for sharing outside qualcode.

``redact_files`` reads each transcript, redacts it with the project's redactor and writes
a copy in the same format (the transcript's structure: speakers, text and timestamps),
plus ``redaction_log.csv`` listing type, pseudonym, count, confidence and detector per
file, and never the original strings.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qualcode import ingest
from qualcode.errors import InputError, QualcodeError
from qualcode.ingest.meta import file_meta
from qualcode.records import RedactedTranscript, RedactedTurn
from qualcode.redact import Redactor, RuleRedactor


def _stamp(seconds: float | None, sep: str) -> str:
    ms = round((seconds or 0.0) * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _cue_times(turns: Sequence[RedactedTurn]) -> list[tuple[float, float]]:
    """Start and end per turn; turns without times get 5-second slots after the last."""
    out, last = [], 0.0
    for t in turns:
        start = t.start if t.start is not None else last
        end = t.end if t.end is not None and t.end > start else start + 5.0
        out.append((start, end))
        last = end
    return out


def write_text(doc: RedactedTranscript, path: Path) -> None:
    lines = [f"{t.speaker}: {t.text}" for t in doc.turns]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def write_vtt(doc: RedactedTranscript, path: Path) -> None:
    cues = [
        f"{_stamp(s, '.')} --> {_stamp(e, '.')}\n<v {t.speaker}>{t.text}"
        for t, (s, e) in zip(doc.turns, _cue_times(doc.turns), strict=True)
    ]
    path.write_text("WEBVTT\n\n" + "\n\n".join(cues) + "\n", encoding="utf-8")


def write_srt(doc: RedactedTranscript, path: Path) -> None:
    cues = [
        f"{n}\n{_stamp(s, ',')} --> {_stamp(e, ',')}\n{t.speaker}: {t.text}"
        for n, (t, (s, e)) in enumerate(zip(doc.turns, _cue_times(doc.turns), strict=True), 1)
    ]
    path.write_text("\n\n".join(cues) + "\n", encoding="utf-8")


def _rows(doc: RedactedTranscript) -> list[list[str]]:
    return [["start", "speaker", "text"]] + [
        [_stamp(t.start, ".") if t.start is not None else "", t.speaker, t.text] for t in doc.turns
    ]


def write_csv(doc: RedactedTranscript, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(_rows(doc))


def write_xlsx(doc: RedactedTranscript, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    for row in _rows(doc):
        sheet.append(row)
    wb.save(path)


def write_docx(doc: RedactedTranscript, path: Path) -> None:
    from docx import Document

    out = Document()
    out.add_heading(doc.meta.title, level=1)
    for t in doc.turns:
        para = out.add_paragraph()
        para.add_run(f"{t.speaker}: ").bold = True
        para.add_run(t.text)
    out.save(str(path))


WRITERS: dict[str, Callable[[RedactedTranscript, Path], None]] = {
    "text": write_text,
    "vtt": write_vtt,
    "srt": write_srt,
    "csv": write_csv,
    "xlsx": write_xlsx,
    "docx": write_docx,
}
LOG_FIELDS = ("file", "kind", "pseudonym", "count", "confidence", "source")


@dataclass
class ShareReport:
    """What ``redact_files`` has to tell the user: messages that name a file, no text."""

    errors: list[str] = field(default_factory=list)  # files not redacted, and why
    notices: list[str] = field(default_factory=list)  # how a file was read (prose, ...)


def redact_files(
    paths: Iterable[Path],
    out: Path,
    *,
    participants: Sequence[str] = (),
    keep: Sequence[str] = (),
    redactor: Redactor | None = None,
) -> ShareReport:
    """Write redacted copies of ``paths`` into ``out``; report bad files and notices."""
    files = ingest.find_transcripts(paths)
    if not files:
        raise InputError("No transcripts to redact.", hint="Give transcript files or folders.")
    out.mkdir(parents=True, exist_ok=True)
    red = redactor or RuleRedactor(keep=keep)
    report = ShareReport()
    log_rows: list[dict[str, object]] = []
    for path in files:
        try:
            extra = {"participants": tuple(participants)} if participants else None
            raw = ingest.read_transcript(path, file_meta(path, extra))
            doc = red.redact(raw)
        except QualcodeError as err:
            report.errors.append(str(err))
            continue
        report.notices.extend(raw.notices)
        target = out / doc.source_name
        WRITERS[doc.fmt](doc, target)
        log_rows += [{"file": target.name, **r.__dict__} for r in doc.redactions]
    _write_log(out / "redaction_log.csv", log_rows)
    return report


def _write_log(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=LOG_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
