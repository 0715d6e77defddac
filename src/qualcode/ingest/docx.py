"""Word (.docx) transcripts: labelled paragraphs, transcript tables, or both.

Paragraphs follow the plain-text rules (:mod:`qualcode.ingest.text`); each paragraph
after the first of a turn starts a new line of its text.  Heading and Title paragraphs
are skipped.  Tables are read in document order, as exported by transcription services:

* with a header row (``Time | Speaker | Text``, ``Speaker | Text`` or any names that
  :func:`~qualcode.ingest.tabular.map_columns` knows), the header picks the columns;
* without one, a 2-column table is ``speaker | text`` and a 3-column table has a time
  column (the one whose first cell is a time) and then speaker and text, in that order.
  A headerless table is a transcript table only if every speaker cell is a plausible
  speaker label, so a table of metadata (``Date | 14 May``) is ignored.

Consecutive table rows of one speaker become one turn; an empty speaker cell continues
the previous speaker.

A document without any speaker label or transcript table (field notes, a report) is
read as paragraphs instead: one turn of the unnamed speaker ``Text`` per
non-empty paragraph (line breaks inside it become spaces); headings and tables are
skipped, as above.  The file is checked for zip bombs before python-docx opens it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from qualcode.errors import IngestError
from qualcode.ingest.labels import is_plausible_label
from qualcode.ingest.safety import check_zip, display_name
from qualcode.ingest.tabular import ColumnMap, add_rows, map_columns
from qualcode.ingest.text import LineParser
from qualcode.ingest.timecode import parse_time_range
from qualcode.ingest.turns import TurnBuilder, paragraph_turns
from qualcode.records import Turn

_SKIPPED_STYLES = ("Heading", "Title", "Subtitle")
# words of libxml2's errors for its own limits (text node size, nesting depth)
_LIMITS = ("limit", "huge", "depth")


def _table_rows(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:  # a merged cell is repeated once per grid column
            if cell._tc is not last:
                cells.append(cell.text.strip())
            last = cell._tc
        rows.append(cells)
    return rows


def _guess_columns(rows: Sequence[Sequence[str]]) -> ColumnMap | None:
    """Columns of a headerless 2- or 3-column table, or None if it is not a transcript."""
    width = len(rows[0])
    if width == 2:
        cols = ColumnMap(speaker=0, text=1)
    elif width == 3:
        is_time = [bool(c) and parse_time_range(c) not in (None, (None, None)) for c in rows[0]]
        if sum(is_time) != 1:
            return None
        time_col = is_time.index(True)
        speaker, text = (i for i in range(3) if i != time_col)
        cols = ColumnMap(speaker=speaker, text=text, start=time_col)
    else:
        return None
    speakers = [row[cols.speaker] for row in rows if len(row) > cols.speaker]
    plausible = (not name or is_plausible_label(name.rstrip(":：")) for name in speakers)
    if all(plausible) and any(speakers):
        return cols
    return None


def _add_table(builder: TurnBuilder, table: Table, where: str) -> None:
    numbered = [(n, row) for n, row in enumerate(_table_rows(table), 1) if any(row)]
    if not numbered:
        return
    cols = map_columns(numbered[0][1])
    if cols is not None:
        numbered = numbered[1:]
    else:
        cols = _guess_columns([row for _, row in numbered])
        if cols is None:
            return
    merging = TurnBuilder(merge_same_speaker=True)
    add_rows(merging, numbered, cols, where)
    for turn in merging.build():
        builder.start_turn(turn.speaker, turn.text, turn.start, turn.end)


@dataclass(frozen=True)
class _Headings:
    """Which paragraph styles are skipped, resolved once per document.

    python-docx resolves ``Paragraph.style`` by scanning every style of the document
    for each paragraph, so asking it per paragraph took minutes on a hostile file of
    50,000 empty paragraphs.  Resolution follows python-docx: a paragraph without a
    style id, or with an id that is no paragraph style, has the default style.
    """

    paragraph_ids: frozenset[str]
    heading_ids: frozenset[str]
    default_is_heading: bool

    @classmethod
    def of(cls, document: Document) -> _Headings:
        styles = [s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]
        headings = {s.style_id for s in styles if (s.name or "").startswith(_SKIPPED_STYLES)}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        return cls(
            paragraph_ids=frozenset(s.style_id for s in styles),
            heading_ids=frozenset(headings),
            default_is_heading=default is not None and default.style_id in headings,
        )

    def skips(self, paragraph: Paragraph) -> bool:
        style_id = paragraph._p.style
        if style_id is None or style_id not in self.paragraph_ids:
            return self.default_is_heading
        return style_id in self.heading_ids


def _unreadable(source: str, exc: Exception) -> IngestError:
    """Why python-docx could not open a file that passed the zip check; lxml's and
    python-docx's messages are not quoted (they may hold text of the file)."""
    detail = str(exc).lower()
    if isinstance(exc, MemoryError):
        why = "it is too large to read in the memory available"
    elif isinstance(exc, etree.XMLSyntaxError) and any(map(detail.__contains__, _LIMITS)):
        why = "a part goes past the XML parser's limits (a text over 10 MB, or elements "
        why += "nested over 256 deep)"
    elif isinstance(exc, etree.XMLSyntaxError):
        why = "a part is not well-formed XML"
    elif isinstance(exc, PackageNotFoundError | KeyError):
        why = "a part it needs is missing"
    else:
        why = "it is damaged, or not a Word document"
    return IngestError(
        f"{display_name(source)}: cannot read the Word document: {why}.",
        hint="Open it in Word and save it again, or save it as plain text (.txt) and ingest that.",
    )


def _blocks(data: bytes, source: str) -> tuple[list[Paragraph | Table], _Headings]:
    """The body's paragraphs and tables in document order, and its heading styles."""
    try:
        document = docx.Document(io.BytesIO(data))
        return list(document.iter_inner_content()), _Headings.of(document)
    except Exception as exc:  # python-docx and lxml raise many types for a corrupt file
        raise _unreadable(source, exc) from None


def _labelled_turns(
    blocks: list[Paragraph | Table], headings: _Headings, source: str
) -> list[Turn]:
    builder = TurnBuilder()
    parser = LineParser(builder)
    tables = 0
    for block in blocks:
        if isinstance(block, Table):
            tables += 1
            _add_table(builder, block, f"{source}: table {tables}, ")
        elif not headings.skips(block):
            for line in block.text.split("\n"):
                parser.feed(line)
            parser.paragraph_break()
    return builder.build()


def _prose_paragraphs(blocks: list[Paragraph | Table], headings: _Headings) -> list[str]:
    return [
        " ".join(line.strip() for line in block.text.split("\n") if line.strip())
        for block in blocks
        if isinstance(block, Paragraph) and not headings.skips(block)
    ]


def read_docx(data: bytes, source: str, notices: list[str] | None = None) -> list[Turn]:
    """Turns from the bytes of a .docx file; without any speaker label or transcript
    table, its paragraphs (with a notice).  The file is checked and parsed once."""
    check_zip(data, source, kind=".docx", required_member="word/document.xml")
    blocks, headings = _blocks(data, source)
    turns = _labelled_turns(blocks, headings, source)
    return turns or paragraph_turns(_prose_paragraphs(blocks, headings), source, notices)
