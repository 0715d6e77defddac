"""Analyst tables: coded segments, a code-by-transcript matrix and code frequencies.

All three are built from the same rows as the CSV export (``review.coded.coded_rows``
with a :class:`~qualcode.review.selection.Selection`), so every table agrees with the others
and with the report.  They are written as CSV files or as one XLSX workbook (openpyxl).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcode.exports.rows import csv_safe_cell
from qualcode.review.coded import CSV_FIELDS, coded_rows
from qualcode.review.selection import Selection
from qualcode.store import Store

BY = {"region": "region", "group": "group"}  # frequency table -> row field


@dataclass(frozen=True)
class Table:
    """A plain table: a header and rows of cells."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.header, r, strict=True)) for r in self.rows]


def segments_table(rows: Sequence[Mapping[str, Any]]) -> Table:
    return Table("coded_segments", CSV_FIELDS, tuple(tuple(r[f] for f in CSV_FIELDS) for r in rows))


def code_order(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Codes by number of coded segments (most first), ties by code path."""
    counts = Counter(r["code"] for r in rows)
    paths = {r["code"]: r["code_path"] for r in rows}
    return sorted(counts, key=lambda c: (-counts[c], paths[c]))


def matrix_table(rows: Sequence[Mapping[str, Any]]) -> Table:
    """One row per transcript, one 0/1 column per code: does the code occur in it?"""
    codes = code_order(rows)
    seen = {(r["transcript_id"], r["code"]) for r in rows}
    transcripts = {r["transcript_id"]: r for r in rows}
    header = ("transcript_id", "transcript", "region", "group", *codes)
    body = tuple(
        (
            tid,
            t["transcript"],
            t["region"],
            t["group"],
            *(int((tid, c) in seen) for c in codes),
        )
        for tid, t in sorted(transcripts.items())
    )
    return Table("code_transcript_matrix", header, body)


def frequency_table(rows: Sequence[Mapping[str, Any]], by: str) -> Table:
    """Coded segments per code (rows) and region or participant group (columns)."""
    field = BY[by]
    values = sorted({r[field] for r in rows})
    counts = Counter((r["code"], r[field]) for r in rows)
    totals = Counter(r["code"] for r in rows)
    labels = {r["code"]: r["code_label"] for r in rows}
    header = ("code", "code_label", *(v or "(none)" for v in values), "total")
    body = tuple(
        (code, labels[code], *(counts[(code, v)] for v in values), totals[code])
        for code in code_order(rows)
    )
    return Table(f"codes_by_{by}", header, body)


def build_tables(store: Store, selection: Selection | None = None) -> list[Table]:
    """The four analyst tables for ``selection``, in the order they are written."""
    rows = list(coded_rows(store, selection))
    return [
        segments_table(rows),
        matrix_table(rows),
        frequency_table(rows, "region"),
        frequency_table(rows, "group"),
    ]


def write_csv_tables(tables: Sequence[Table], out: Path) -> list[Path]:
    """Each table as ``OUT/<name>.csv`` (formula injection neutralised)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in tables:
        path = out / f"{table.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(table.header)
            writer.writerows([csv_safe_cell(v) for v in r] for r in table.rows)
        paths.append(path)
    return paths
