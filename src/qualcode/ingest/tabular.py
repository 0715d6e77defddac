"""CSV and Excel transcripts: a header row, then one utterance per row.

Columns are found by name, case-insensitively, with synonyms (``speaker``/``name``/
``participant``..., ``text``/``utterance``/``transcript``..., ``start``/``time``...,
``end``/``stop``...).  Consecutive rows of one speaker become one turn (start of the
first, end of the last); a row with text but no speaker continues the previous speaker;
empty rows are skipped.  Times may be ``00:01:23``, ``01:23``, ``83.5``,
``00:01:23,450`` or a range ``00:01:23 - 00:01:30`` in the start column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from qualcode.errors import IngestError
from qualcode.ingest.labels import normalise_speaker
from qualcode.ingest.safety import check_zip, decode_text
from qualcode.ingest.timecode import parse_time_range
from qualcode.ingest.turns import UNKNOWN_SPEAKER, TurnBuilder
from qualcode.records import Turn

MAX_ROWS = 200_000
MAX_COLUMNS = 200
_HEADER_SAMPLE_ROWS = 50

COLUMN_SYNONYMS: dict[str, frozenset[str]] = {
    "speaker": frozenset(
        {"speaker", "name", "participant", "who", "voice", "speaker name", "speaker id"}
        | {"speaker label", "respondent"}
    ),
    "text": frozenset(
        {"text", "utterance", "transcript", "content", "message", "turn", "said", "speech"}
        | {"transcription", "utterance text"}
    ),
    "start": frozenset(
        {"start", "time", "timestamp", "begin", "start time", "in", "start timestamp"}
        | {"timecode", "time code", "start (s)"}
    ),
    "end": frozenset({"end", "stop", "out", "end time", "end timestamp", "end (s)"}),
}
_SENTENCE_PUNCTUATION = re.compile(r"[.,;?!\"“”«»]")


@dataclass(frozen=True)
class ColumnMap:
    """Indexes of the speaker, text and (optional) start and end columns."""

    speaker: int
    text: int
    start: int | None = None
    end: int | None = None


def _header_key(name: str) -> str:
    return " ".join(re.sub(r"[_\-.:]+", " ", name).lower().split())


def map_columns(header: Sequence[str]) -> ColumnMap | None:
    """The columns of ``header`` by role, or None without both speaker and text."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _header_key(name)
        for role, synonyms in COLUMN_SYNONYMS.items():
            if key in synonyms and role not in found:
                found[role] = index
    if "speaker" not in found or "text" not in found:
        return None
    return ColumnMap(found["speaker"], found["text"], found.get("start"), found.get("end"))


def looks_like_header(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bool:
    """Whether ``header`` looks like column names rather than a first row of data.

    Used to decide whether an error message may quote it: data rows hold what people
    said.  Column names are short, have no sentence punctuation and (unlike speakers)
    do not recur in their column further down.
    """
    cells = [cell.strip() for cell in header]
    if any(_header_key(cell) in syn for cell in cells for syn in COLUMN_SYNONYMS.values()):
        return True
    if any(len(cell) > 30 or _SENTENCE_PUNCTUATION.search(cell) for cell in cells):
        return False
    for row in rows:
        if any(cell and i < len(row) and row[i].strip() == cell for i, cell in enumerate(cells)):
            return False
    return True


def _column_error(source: str, header: Sequence[str], sample: list[list[str]]) -> IngestError:
    hint = (
        "Rename them to 'speaker' and 'text' (or 'name'/'participant' and "
        "'utterance'/'transcript'); 'start' and 'end' times are optional."
    )
    if not looks_like_header(header, sample):
        return IngestError(
            f"{source}: cannot find the speaker and text columns; the first row does not "
            "look like a header row.",
            hint="Add a header row with the column names. " + hint,
        )
    names = ", ".join(repr(cell.strip()[:30]) for cell in header if cell.strip())
    return IngestError(
        f"{source}: cannot find the speaker and text columns; columns found: {names}.",
        hint=hint,
    )


def _cell(row: Sequence[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _time_cell(
    row: Sequence[str], index: int | None, where: str, role: str
) -> tuple[float | None, float | None]:
    parsed = parse_time_range(_cell(row, index))
    if parsed is None:
        raise IngestError(
            f"{where}, {role} column: not a time.",
            hint="Use HH:MM:SS, MM:SS or seconds, e.g. 00:01:23 or 83.5.",
        )
    return parsed


def _row_times(
    row: Sequence[str], cols: ColumnMap, where: str
) -> tuple[float | None, float | None]:
    """``(start, end)`` of a row; a range in the start column gives both."""
    start, range_end = _time_cell(row, cols.start, where, "start")
    end, _ = _time_cell(row, cols.end, where, "end")
    return start, end if end is not None else range_end


def add_rows(
    builder: TurnBuilder, rows: Iterable[tuple[int, Sequence[str]]], cols: ColumnMap, where: str
) -> None:
    """Add ``(row number, cells)`` rows as turns; ``where`` prefixes error locations."""
    for number, row in rows:
        speaker = normalise_speaker(_cell(row, cols.speaker))
        text = _cell(row, cols.text)
        if not text and not speaker:
            continue
        start, end = _row_times(row, cols, f"{where}row {number}")
        speaker = speaker or builder.current_speaker or UNKNOWN_SPEAKER
        builder.start_turn(speaker, text, start, end)


def turns_from_rows(rows: Iterable[tuple[int, list[str]]], source: str) -> list[Turn]:
    """Turns from numbered rows whose first non-empty row is the header."""
    numbered = ((n, row) for n, row in rows if any(cell.strip() for cell in row))
    first = next(numbered, None)
    if first is None:
        return []
    header = first[1]
    cols = map_columns(header)
    if cols is None:
        sample = [row for _, row in islice(numbered, _HEADER_SAMPLE_ROWS)]
        raise _column_error(source, header, sample)
    builder = TurnBuilder(merge_same_speaker=True)
    add_rows(builder, _limited(numbered, source), cols, f"{source}: ")
    return builder.build()


def _limited(rows: Iterator[tuple[int, list[str]]], source: str) -> Iterator[tuple[int, list[str]]]:
    for count, item in enumerate(rows, 1):
        if count > MAX_ROWS:
            raise IngestError(
                f"{source}: has more than {MAX_ROWS:,} rows, the limit for one transcript.",
                hint="Split it into several files.",
            )
        yield item


def _csv_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _csv_rows(text: str, source: str) -> Iterator[tuple[int, list[str]]]:
    first, _, rest = text.partition("\n")
    match = re.fullmatch(r"sep=(.)", first.strip())  # Excel's delimiter hint line
    if match:
        reader = csv.reader(io.StringIO(rest), delimiter=match[1])
    else:
        reader = csv.reader(io.StringIO(text), dialect=_csv_dialect(text))
    try:
        for number, row in enumerate(reader, 1):
            yield number, row[:MAX_COLUMNS]
    except csv.Error:
        raise IngestError(
            f"{source}: line {reader.line_num}: not valid CSV (or a field is longer "
            f"than {csv.field_size_limit():,} characters)."
        ) from None


def read_csv(data: bytes, source: str) -> list[Turn]:
    """Turns from the bytes of a .csv file (any common encoding and delimiter)."""
    return turns_from_rows(_csv_rows(decode_text(data, source), source), source)


def cell_text(value: Any) -> str:
    """An Excel cell's value as text; times of day and durations as ``HH:MM:SS.fff``."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.year <= 1900:  # a time-only cell stored against Excel's epoch
            return value.time().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.time | dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return f"{value.total_seconds():g}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(data: bytes, source: str) -> list[tuple[int, list[str]]]:
    """Numbered non-empty rows of the first worksheet as text, read eagerly so that
    openpyxl's errors surface here; at most one row more than the limit."""
    import openpyxl  # deferred: only .xlsx files need it

    rows: list[tuple[int, list[str]]] = []
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), 1):
                cells = [cell_text(value) for value in row]
                if any(cells):
                    rows.append((number, cells))
                if len(rows) > MAX_ROWS + 1:  # the header and one row too many
                    break
        finally:
            book.close()
    except Exception:  # openpyxl raises many types for a corrupt workbook
        raise IngestError(f"{source}: cannot read the Excel workbook (corrupt?).") from None
    return rows


def read_xlsx(data: bytes, source: str) -> list[Turn]:
    """Turns from the first worksheet of an .xlsx workbook."""
    check_zip(data, source, kind=".xlsx", required_member="xl/workbook.xml")
    return turns_from_rows(_xlsx_rows(data, source), source)
