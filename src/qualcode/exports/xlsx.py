"""Analyst tables as one XLSX workbook (openpyxl, write-only mode so big projects stream).

Every text cell is written as text: a transcript line starting with ``=`` stays that
line and never becomes a formula (no formula injection, and no apostrophe added to the
quote).  Characters XML cannot hold are dropped, and cells are capped at Excel's limit.
The file is written whole or not at all (``safefiles.write_atomic``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qualcode.exports.safefiles import write_atomic
from qualcode.exports.tables import Table

EXCEL_CELL_MAX = 32_767
SHEET_TITLES = {
    "coded_segments": "Coded segments",
    "code_transcript_matrix": "Code x transcript",
    "codes_by_region": "Codes by region",
    "codes_by_group": "Codes by group",
    "memos": "Memos",
}
WIDTHS = {"text": 80, "memo": 40, "transcript": 36, "code_path": 30, "code_label": 30}


def write_xlsx(tables: Sequence[Table], path: Path, about: Sequence[tuple[str, str]]) -> Path:
    """Write ``tables`` (one sheet each) and an "About" sheet of ``about`` pairs."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for table in tables:
        _sheet(wb, SHEET_TITLES.get(table.name, table.name[:31]), table)
    _sheet(wb, "About", Table("about", ("item", "value"), tuple(about)))
    buffer = io.BytesIO()
    wb.save(buffer)
    write_atomic(path, buffer.getvalue())
    return path


def _sheet(wb: Any, title: str, table: Table) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, name in enumerate(table.header, start=1):
        width = WIDTHS.get(name, max(10, min(len(name) + 2, 24)))
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    if table.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.header))}{len(table.rows) + 1}"

    def cell(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_MAX])
        text.data_type = "s"  # text, never a formula
        return text

    for row in (table.header, *table.rows):
        ws.append([cell(v) for v in row])
