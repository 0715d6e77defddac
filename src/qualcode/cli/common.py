"""Shared pieces of the command line: the app, the project option, and ``run``, the one
place that maps ``QualcodeError`` subclasses to exit codes (see ``errors.py``).  Logs go
to ``<project>/qualcode.log`` and carry counts and ids only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from qualcode.errors import QualcodeError

app = typer.Typer(
    help="Offline qualitative analysis of focus-group transcripts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        from qualcode import __version__

        typer.echo(f"qualcode {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Offline qualitative analysis of focus-group transcripts."""


ProjectOpt = Annotated[
    Path,
    typer.Option(
        "--project", "-p", envvar="QUALCODE_PROJECT", help="Project folder (holds qualcode.db)."
    ),
]


def run(fn: Callable[[], T]) -> T:
    try:
        return fn()
    except QualcodeError as err:
        typer.secho(f"Error: {err}", fg="red", err=True)
        raise typer.Exit(err.exit_code) from None


def open_store(project: Path, create: bool = False):  # type: ignore[no-untyped-def]
    from qualcode.store import Store

    store = run(lambda: Store(project, create=create))
    log_to(store.path.parent / "qualcode.log")
    return store


def log_to(path: Path) -> None:
    """Send qualcode's log to the project's own file (counts and ids only, never text)."""
    root = logging.getLogger("qualcode")
    for h in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        if Path(h.baseFilename) == path.resolve():
            return
        root.removeHandler(h)
        h.close()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
