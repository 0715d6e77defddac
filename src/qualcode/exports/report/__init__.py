"""The briefing report: the coded findings of a selection as HTML and DOCX, for analysts
writing briefing papers.

``build_report`` computes the contents (counts equal to the CSV export of the same
selection), ``render_html`` and ``render_docx`` lay them out, and ``write_report`` does
all three.  matplotlib, jinja2 and python-docx are imported only when a report is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qualcode.errors import InputError
from qualcode.exports.report.contents import ReportData
from qualcode.exports.report.data import build_report
from qualcode.exports.report.docx import render_docx
from qualcode.exports.report.groups import group_kind
from qualcode.exports.report.html import render_html
from qualcode.review.selection import Selection
from qualcode.store import Store

FORMATS = ("html", "docx")
DEFAULT_NAME = "report"

__all__ = [
    "FORMATS",
    "ReportData",
    "build_report",
    "group_kind",
    "render_docx",
    "render_html",
    "report_paths",
    "write_report",
]


def report_paths(out: Path, formats: Sequence[str]) -> list[Path]:
    """Where each format goes: ``out`` is a folder (``report.html`` ...) unless it names
    a file (``brief.html``), whose stem is then used for every format."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(
            f"Unknown report format {', '.join(map(repr, unknown)) or '(none given)'}.",
            hint=f"Use one or more of: {', '.join(FORMATS)}.",
        )
    names_file = out.suffix.lower() in {f".{f}" for f in FORMATS} and not out.is_dir()
    base = out.with_suffix("") if names_file else out / DEFAULT_NAME
    return [base.with_name(f"{base.name}.{f}") for f in dict.fromkeys(formats)]


def write_report(
    store: Store,
    out_dir_or_path: Path | str,
    selection: Selection | None = None,
    formats: Sequence[str] = FORMATS,
) -> list[Path]:
    """Build the report for ``selection`` and write it in each of ``formats``; return
    the files written.  Charts are drawn once and shared by both formats."""
    from qualcode.exports.report.charts import all_charts
    from qualcode.exports.safefiles import write_atomic

    paths = report_paths(Path(out_dir_or_path), formats)
    data = build_report(store, selection)
    charts = all_charts(data)
    for path in paths:
        if path.suffix == ".html":
            write_atomic(path, render_html(data, charts).encode("utf-8"))
        else:
            render_docx(data, path, charts)
    return paths
