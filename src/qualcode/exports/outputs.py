"""Every export by name, for the CLI and the API: one call writes one format.

=========  ==========================================================================
``csv``    coded segments, code-by-transcript matrix, codes by region and by group
``xlsx``   the same four tables as sheets of one workbook, plus an "About" sheet
``json``   the whole project (redacted) as one document
``qdc``    the codebook as REFI-QDA (NVivo, ATLAS.ti, MAXQDA ...)
``qdpx``   the whole project as REFI-QDA: sources, codes, codings, notes, cases
``html``   the briefing report, self-contained
``docx``   the briefing report for Word
=========  ==========================================================================

Each takes a :class:`~qualcode.review.selection.Selection`, except ``json``, which is the
whole project by design (it is the backup format) and refuses a narrower selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from qualcode.errors import InputError
from qualcode.progress import ProgressLike, tracker
from qualcode.review.selection import Selection
from qualcode.store import Store

Writer = Callable[[Store, Path, Selection], list[Path]]
FILES = {
    "csv": "coded_segments.csv",
    "xlsx": "qualcode-tables.xlsx",
    "json": "project.json",
    "qdc": "codebook.qdc",
    "qdpx": "project.qdpx",
    "html": "report.html",
    "docx": "report.docx",
}
FORMATS = tuple(FILES)
REPORT_FORMATS = ("html", "docx")
TABLE_DOWNLOADS = {  # one CSV table each, for a single-file download (the API)
    "matrix-csv": "code_transcript_matrix",
    "region-csv": "codes_by_region",
    "group-csv": "codes_by_group",
}
DOWNLOADS = (*FORMATS, *TABLE_DOWNLOADS)


def write_exports(
    store: Store,
    formats: Sequence[str],
    out: Path,
    selection: Selection | None = None,
    progress: ProgressLike = None,
) -> list[Path]:
    """Write each of ``formats`` into the folder ``out``; return the files written.
    ``progress``: stage "export", one step per format."""
    sel = selection or Selection()
    check_formats(formats, FORMATS)
    written: list[Path] = []
    chosen = list(dict.fromkeys(formats))
    with tracker(progress).stage("export", len(chosen)) as step:
        for fmt in chosen:
            written += WRITERS[fmt](store, out, sel)
            step.advance()
    return written


def write_one(store: Store, kind: str, out: Path, selection: Selection | None = None) -> Path:
    """One file of ``kind`` (a format, or one of the CSV tables) in ``out``."""
    from qualcode.exports.tables import build_tables, write_csv_tables

    check_formats([kind], DOWNLOADS)
    sel = selection or Selection()
    if kind not in TABLE_DOWNLOADS:
        return WRITERS[kind](store, out, sel)[0]
    tables = [t for t in build_tables(store, sel) if t.name == TABLE_DOWNLOADS[kind]]
    return write_csv_tables(tables, out)[0]


def check_formats(formats: Sequence[str], allowed: Sequence[str]) -> None:
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise InputError(
            f"Unknown format {', '.join(map(repr, unknown)) or '(none given)'}.",
            hint=f"Use one or more of: {', '.join(allowed)}.",
        )


def about(store: Store, selection: Selection) -> list[tuple[str, str]]:
    """What an export holds: for its "About" sheet or header."""
    return [
        ("exported by", "qualcode"),
        ("exported at", datetime.now(UTC).isoformat(timespec="seconds")),
        ("selection", selection.describe()),
        ("transcripts in project", str(len(store.transcripts.transcripts(text=False)))),
        ("text", "redacted: pseudonyms stand for people, places and contacts"),
    ]


def _csv(store: Store, out: Path, sel: Selection) -> list[Path]:
    from qualcode.exports.tables import build_tables, write_csv_tables

    return write_csv_tables(build_tables(store, sel), out)


def _xlsx(store: Store, out: Path, sel: Selection) -> list[Path]:
    """The analyst tables and, for the team, the memos."""
    from qualcode.exports.memo_table import memos_table
    from qualcode.exports.tables import build_tables
    from qualcode.exports.xlsx import write_xlsx

    tables = [*build_tables(store, sel), memos_table(store, sel)]
    return [write_xlsx(tables, out / FILES["xlsx"], about(store, sel))]


def _json(store: Store, out: Path, sel: Selection) -> list[Path]:
    from qualcode.exports.rows import export_json

    if not sel.is_everything():
        raise InputError(
            "The JSON export is the whole project and takes no filter.",
            hint="Use csv, xlsx or qdpx for a filtered export.",
        )
    export_json(store, out / FILES["json"])
    return [out / FILES["json"]]


def _qdc(store: Store, out: Path, sel: Selection) -> list[Path]:
    from qualcode.exports.refiqda import export_qdc

    export_qdc(store, out / FILES["qdc"], sel)
    return [out / FILES["qdc"]]


def _qdpx(store: Store, out: Path, sel: Selection) -> list[Path]:
    from qualcode.exports.refiqda import export_qdpx

    export_qdpx(store, out / FILES["qdpx"], sel)
    return [out / FILES["qdpx"]]


def _report(fmt: str) -> Writer:
    def write(store: Store, out: Path, sel: Selection) -> list[Path]:
        from qualcode.exports.report import write_report

        return write_report(store, out, sel, formats=(fmt,))

    return write


WRITERS: dict[str, Writer] = {
    "csv": _csv,
    "xlsx": _xlsx,
    "json": _json,
    "qdc": _qdc,
    "qdpx": _qdpx,
    "html": _report("html"),
    "docx": _report("docx"),
}
