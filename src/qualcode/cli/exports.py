"""Exports, the briefing report and codebook import: ``qualcode export``, ``qualcode
report`` and ``qualcode codebook import-qdc``.  Filters are the same on every command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from qualcode.cli.common import ProjectOpt, app
from qualcode.cli.common import open_store as _open
from qualcode.cli.common import run as _run

codebook_app = typer.Typer(help="Bring a codebook from another tool.", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")

TranscriptIds = Annotated[list[int] | None, typer.Option("--transcript", help="Transcript id.")]
Region = Annotated[list[str] | None, typer.Option("--region", help="Region (repeatable).")]
Group = Annotated[list[str] | None, typer.Option("--group", help="Participant group (repeatable).")]
CodeOpt = Annotated[
    list[str] | None, typer.Option("--code", help="Code id; its sub-codes come too.")
]
Status = Annotated[
    list[str] | None,
    typer.Option(
        "--status", help="suggested, accepted, rejected, added (default: all but rejected)."
    ),
]
DateFrom = Annotated[str | None, typer.Option("--from", help="From date, YYYY-MM-DD.")]
DateTo = Annotated[str | None, typer.Option("--to", help="To date, YYYY-MM-DD.")]
Out = Annotated[Path, typer.Option(help="Output folder.")]


def _write(
    project: Path, out: Path, fmt: list[str] | None, allowed: tuple[str, ...], **filters: Any
) -> None:
    """Parse the formats and filters, write the files, list them."""
    from qualcode.outputs import check_formats, write_exports
    from qualcode.selection import Selection

    formats = [f.strip() for v in fmt or [] for f in v.split(",") if f.strip()]
    _run(lambda: check_formats(formats, allowed))
    sel = _run(lambda: Selection.parse(filters))
    store = _open(project)
    for path in _run(lambda: write_exports(store, formats, out, sel)):
        typer.echo(f"Wrote {path}")


@app.command()
def export(
    project: ProjectOpt = Path("."),
    out: Out = Path("out"),
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="csv, xlsx, json, qdc, qdpx, html, docx."),
    ] = None,
    transcript: TranscriptIds = None,
    region: Region = None,
    group: Group = None,
    code: CodeOpt = None,
    status: Status = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> None:
    """Write exports (default: csv, xlsx and json) of redacted text only."""
    from qualcode.outputs import FORMATS

    _write(
        project,
        out,
        fmt or ["csv,xlsx,json"],
        FORMATS,
        transcripts=transcript,
        regions=region,
        groups=group,
        codes=code,
        statuses=status,
        date_from=date_from,
        date_to=date_to,
    )


@app.command()
def report(
    project: ProjectOpt = Path("."),
    out: Out = Path("out"),
    fmt: Annotated[
        list[str] | None, typer.Option("--format", "-f", help="html, docx (default both).")
    ] = None,
    transcript: TranscriptIds = None,
    region: Region = None,
    group: Group = None,
    code: CodeOpt = None,
    status: Status = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> None:
    """The briefing report (drivers, regions, groups, quotes, method) as HTML and DOCX."""
    from qualcode.outputs import REPORT_FORMATS

    _write(
        project,
        out,
        fmt or ["html,docx"],
        REPORT_FORMATS,
        transcripts=transcript,
        regions=region,
        groups=group,
        codes=code,
        statuses=status,
        date_from=date_from,
        date_to=date_to,
    )


@codebook_app.command("import-qdc")
def import_qdc(
    path: Annotated[Path, typer.Argument(help="A REFI-QDA codebook (.qdc) from another tool.")],
    project: ProjectOpt = Path("."),
    user: Annotated[str, typer.Option(help="Who imports it (for the codebook's history).")] = "cli",
) -> None:
    """Add the codes of a .qdc codebook (NVivo, ATLAS.ti, MAXQDA ...) to the project."""
    from qualcode.refiqda import import_qdc as run_import

    store = _open(project)
    added = _run(lambda: run_import(store, path, user))
    typer.echo(f"Added {len(added)} codes: {', '.join(added) or '(none new)'}")
