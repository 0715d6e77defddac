"""CSV and Excel transcripts: a header row, then one utterance per row.

Columns are found by name, case-insensitively, with synonyms (``speaker``/``name``/
``participant``..., ``text``/``utterance``/``transcript``..., ``start``/``time``...,
``end``/``stop``...).  Consecutive rows of one speaker become one turn (start of the
first, end of the last); a row with text but no speaker continues the previous speaker;
empty rows are skipped.  Times may be ``00:01:23``, ``01:23``, ``83.5``,
``00:01:23,450`` or a range ``00:01:23 - 00:01:30`` in the start column.

In a workbook, a formula cell reads as the value Excel saved with it.  A formula
without a saved value (a workbook written by a script, never opened in Excel) is
skipped with a notice naming the sheet and cell; when it is a speaker cell, its row is
a turn of ``Unknown`` of its own rather than joining the turn before.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from xml.etree.ElementTree import ParseError

from lxml import etree

from qualcode.errors import IngestError
from qualcode.ingest.labels import normalise_speaker
from qualcode.ingest.safety import ZipLimits, check_zip, decode_text, display_name
from qualcode.ingest.timecode import parse_time_range
from qualcode.ingest.turns import UNKNOWN_SPEAKER, TurnBuilder
from qualcode.records import Turn

MAX_ROWS = 200_000
MAX_COLUMNS = 200
_HEADER_SAMPLE_ROWS = 50
_LISTED_CELLS = 10  # unsaved formula cells named in a notice
# openpyxl reads the worksheet as a stream (read_only), so its size is bounded by
# MAX_ROWS, not by the XML node limit, which the tree-read parts (styles, strings) keep
_XLSX_LIMITS = ZipLimits(streamed=("xl/worksheets/",))
_DELIMITERS = ",;\t|"
# csv.Sniffer's quote regexes take quadratic time or worse: 20,000 characters of
# newline-quote pairs took 18 s; 2,000 take 0.1 s, and hold the header and a row or more
_SNIFF_CHARS = 2_000
# what openpyxl reads a cell's value as, formulas aside
_CELL_VALUES = (str, int, float, bool, dt.datetime, dt.date, dt.time, dt.timedelta)

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

    def roles(self) -> list[tuple[str, int]]:
        """``(role, column index)`` of the columns read."""
        found = [("speaker", self.speaker), ("text", self.text)]
        found += [
            (role, i) for role, i in (("start", self.start), ("end", self.end)) if i is not None
        ]
        return found


# row number -> column index -> where the cell is ("Sheet1!B7"): formula cells without
# a saved value, read as empty
Unsaved = Mapping[int, Mapping[int, str]]


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
    builder: TurnBuilder,
    rows: Iterable[tuple[int, Sequence[str]]],
    cols: ColumnMap,
    where: str,
    *,
    unsaved: Unsaved | None = None,
    skipped: list[tuple[str, str]] | None = None,
) -> None:
    """Add ``(row number, cells)`` rows as turns; ``where`` prefixes error locations.

    Cells in ``unsaved`` (formulas without a saved value) read as empty and are listed
    in ``skipped`` as ``(where, role)``; a row whose speaker is one of them is a turn of
    :data:`UNKNOWN_SPEAKER` of its own, never joined to the speaker before it.
    """
    for number, row in rows:
        blanks = unsaved.get(number, {}) if unsaved else {}
        if skipped is not None:
            skipped += [(blanks[i], role) for role, i in cols.roles() if i in blanks]
        speaker = normalise_speaker(_cell(row, cols.speaker))
        text = _cell(row, cols.text)
        if not text and not speaker:
            continue
        start, end = _row_times(row, cols, f"{where}row {number}")
        if not speaker and cols.speaker in blanks:
            builder.start_turn(UNKNOWN_SPEAKER, text, start, end, alone=True)
        else:
            speaker = speaker or builder.current_speaker or UNKNOWN_SPEAKER
            builder.start_turn(speaker, text, start, end)


def turns_from_rows(
    rows: Iterable[tuple[int, list[str]]],
    source: str,
    *,
    unsaved: Unsaved | None = None,
    skipped: list[tuple[str, str]] | None = None,
) -> list[Turn]:
    """Turns from numbered rows whose first non-empty row is the header; ``unsaved`` and
    ``skipped`` as in :func:`add_rows`."""
    unsaved = unsaved or {}
    numbered = ((n, row) for n, row in rows if n in unsaved or any(cell.strip() for cell in row))
    first = next(numbered, None)
    if first is None:
        return []
    header = first[1]
    cols = map_columns(header)
    if cols is None:
        sample = [row for _, row in islice(numbered, _HEADER_SAMPLE_ROWS)]
        raise _column_error(source, header, sample)
    builder = TurnBuilder(merge_same_speaker=True)
    rest = _limited(numbered, source)
    add_rows(builder, rest, cols, f"{source}: ", unsaved=unsaved, skipped=skipped)
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
    """The dialect csv.Sniffer finds in the first ``_SNIFF_CHARS`` characters."""
    try:
        return csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters=_DELIMITERS)
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


def read_csv(data: bytes, source: str, notices: list[str] | None = None) -> list[Turn]:
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


@dataclass
class _Sheet:
    """The first worksheet: numbered rows of text, and its unsaved formula cells."""

    title: str
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    formulas: dict[int, dict[int, str]] = field(default_factory=dict)  # as Unsaved
    unsaved: dict[int, dict[int, str]] = field(default_factory=dict)


def _sheet_ref(title: str, number: int, index: int) -> str:
    """``Sheet1!B7``, or ``'Focus group'!B7`` for a title Excel would quote."""
    from openpyxl.utils import get_column_letter

    if not re.fullmatch(r"[^\W\d][\w.]*", title):
        title = "'" + title.replace("'", "''") + "'"
    return f"{title}!{get_column_letter(index + 1)}{number}"


def _workbook_rows(data: bytes, *, cached: bool) -> Iterator[Any]:
    """The first worksheet's title, then its rows of values; ``cached``: a formula reads
    as its saved value (None without one), else as itself (``"=..."`` or an object)."""
    import openpyxl  # deferred: only .xlsx files need it

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=cached)
    try:
        sheet = book.worksheets[0]
        yield sheet.title
        yield from sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    finally:
        book.close()


def _may_be_formula(value: Any) -> bool:
    """Whether a cell value read with formulas as themselves may be one: ``"=..."`` (or
    text that starts with "="; the saved values tell them apart) or an array formula."""
    if isinstance(value, str):
        return value.startswith("=")
    return not isinstance(value, _CELL_VALUES)


def _used_width(row: Sequence[Any]) -> int | None:
    """Up to the last value of a row with a value that is not blank (the header row,
    as :func:`turns_from_rows` picks it), else None."""
    if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in row):
        return None
    return max(i for i, value in enumerate(row) if value is not None) + 1


def _read_formulas(data: bytes) -> _Sheet:
    """Rows as text with what may be formulas read as empty, and where each is; at most
    one row more than the limit."""
    rows = _workbook_rows(data, cached=False)
    sheet = _Sheet(title=next(rows))
    width: int | None = None  # the header's: no column right of it can be read
    for number, full in enumerate(rows, 1):
        width = width or _used_width(full)
        row = full[:width] if width else full
        # rows come padded with None: skip those without a call
        formulas = {i for i, v in enumerate(row) if v is not None and _may_be_formula(v)}
        cells = [
            cell_text(v) if v is not None and i not in formulas else "" for i, v in enumerate(row)
        ]
        if formulas:
            sheet.formulas[number] = {i: _sheet_ref(sheet.title, number, i) for i in formulas}
        if any(cells) or formulas:
            sheet.rows.append((number, cells))
        if len(sheet.rows) > MAX_ROWS + 1:  # the header and one row too many
            break
    return sheet


def _fill_saved_values(data: bytes, sheet: _Sheet) -> None:
    """Put the values saved with the formulas into ``sheet``'s rows (text that only
    looked like a formula reads as itself); the formulas without one go to
    ``sheet.unsaved``."""
    by_number = dict(sheet.rows)
    last = max(sheet.formulas)
    values = _workbook_rows(data, cached=True)
    next(values)  # the title
    for number, row in enumerate(values, 1):
        for index, ref in sheet.formulas.get(number, {}).items():
            value = cell_text(row[index]) if index < len(row) else ""
            if value:
                by_number[number][index] = value
            else:
                sheet.unsaved.setdefault(number, {})[index] = ref
        if number >= last:
            break


def _unreadable(source: str, exc: Exception) -> IngestError:
    """Why openpyxl could not read a workbook that passed the zip check (its messages
    are not quoted: they may hold cell text)."""
    if isinstance(exc, MemoryError):
        why = "it is too large to read in the memory available"
    elif isinstance(exc, etree.XMLSyntaxError | ParseError):
        why = "a part is not well-formed XML"
    elif isinstance(exc, KeyError | IndexError):
        why = "a part it needs is missing"
    else:
        why = "it is damaged, or not an Excel workbook"
    return IngestError(
        f"{display_name(source)}: cannot read the Excel workbook: {why}.",
        hint="Open it in Excel and save it again, or save the transcript sheet as CSV and "
        "ingest that.",
    )


def _xlsx_sheet(data: bytes, source: str) -> _Sheet:
    """The first worksheet, read eagerly so that openpyxl's errors surface here."""
    try:
        sheet = _read_formulas(data)
        if sheet.formulas:
            _fill_saved_values(data, sheet)
    except Exception as exc:  # openpyxl raises many types for a corrupt workbook
        raise _unreadable(source, exc) from None
    return sheet


def _formula_notice(source: str, skipped: list[tuple[str, str]]) -> str:
    cells = ", ".join(f"{ref} ({role})" for ref, role in skipped[:_LISTED_CELLS])
    if len(skipped) > _LISTED_CELLS:
        cells += f" and {len(skipped) - _LISTED_CELLS:,} more"
    if len(skipped) == 1:
        said = f"{cells} holds a formula with no saved value; it was skipped."
    else:
        said = f"{len(skipped):,} cells hold a formula with no saved value and were skipped: "
        said += f"{cells}."
    if any(role == "speaker" for _, role in skipped):
        said += f" A row whose speaker was skipped is a turn of '{UNKNOWN_SPEAKER}' of its own."
    return (
        f"{display_name(source)}: {said} Open the workbook in Excel and save it (Excel saves "
        "the formulas' values), or paste the formulas as values."
    )


def read_xlsx(data: bytes, source: str, notices: list[str] | None = None) -> list[Turn]:
    """Turns from the first worksheet of an .xlsx workbook; formula cells without a
    saved value are reported in ``notices``."""
    check_zip(data, source, kind=".xlsx", required_member="xl/workbook.xml", limits=_XLSX_LIMITS)
    sheet = _xlsx_sheet(data, source)
    skipped: list[tuple[str, str]] = []
    turns = turns_from_rows(sheet.rows, source, unsaved=sheet.unsaved, skipped=skipped)
    if skipped and notices is not None:
        notices.append(_formula_notice(source, skipped))
    return turns
