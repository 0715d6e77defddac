"""Exports and the briefing report: ``qualcode export`` and ``qualcode report``.  Filters
are the same on every command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.common import ProjectOpt, app
from qualcode.cli.common import open_store as _open
from qualcode.cli.common import run as _run
from qualcode.cli.progress import ProgressOpt, shown

TranscriptIds = Annotated[list[str] | None, typer.Option("--transcript", help="Transcript id.")]
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
Formats = Annotated[
    list[str] | None, typer.Option("--format", "-f", help="Formats, comma-separated.")
]
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None, str]] = {
    # name: (default formats, allowed formats (None: any of outputs.FORMATS), help)
    "export": (
        ("csv", "xlsx", "json"),
        None,
        "Write exports of redacted text only: csv, xlsx, json, qdc, qdpx, html, docx "
        "(default: csv, xlsx and json).",
    ),
    "report": (
        ("html", "docx"),
        ("html", "docx"),
        "The briefing report (drivers, regions, groups, quotes, method) as html and docx.",
    ),
}


def _register(name: str) -> None:
    """``qualcode NAME``: the same filters for every command, its own formats."""
    default, allowed, doc = COMMANDS[name]

    def command(
        project: ProjectOpt = Path("."),
        out: Out = Path("out"),
        fmt: Formats = None,
        transcript: TranscriptIds = None,
        region: Region = None,
        group: Group = None,
        code: CodeOpt = None,
        status: Status = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        progress: ProgressOpt = True,
    ) -> None:
        from qualcode.exports.outputs import check_formats, write_exports
        from qualcode.review.selection import Selection

        formats = [f.strip() for v in fmt or default for f in v.split(",") if f.strip()]
        if allowed is not None:  # write_exports checks against every format
            _run(lambda: check_formats(formats, allowed))
        sel = _run(
            lambda: Selection.parse(
                {
                    "transcripts": transcript,
                    "regions": region,
                    "groups": group,
                    "codes": code,
                    "statuses": status,
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
        )
        store = _open(project)
        with shown(progress) as reporter:
            written = _run(lambda: write_exports(store, formats, out, sel, reporter))
        for path in written:
            typer.echo(f"Wrote {path}")

    command.__doc__ = doc
    app.command(name)(command)


for _name in COMMANDS:
    _register(_name)
