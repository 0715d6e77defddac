"""``qualcode backup`` and ``qualcode restore``: a project or a whole workspace, copied
with SQLite's online backup (consistent while a server runs; see ``store.backup``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn

from qualcode.cli.common import ProjectOpt, app, run

if TYPE_CHECKING:  # the store (sqlite-utils, numpy) loads when a command runs, not for --help
    from qualcode.store.backup import BackupReport


class _Bars:
    """One bar per database, in pages; silent when output is not a terminal."""

    def __init__(self, progress: Progress) -> None:
        self.progress, self.tasks = progress, dict[str, TaskID]()

    def __call__(self, name: str, done: int, total: int) -> None:
        if name not in self.tasks:
            self.tasks[name] = self.progress.add_task(name, total=total)
        self.progress.update(self.tasks[name], completed=done, total=total)


def _bars() -> Progress:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
    )
    return Progress(*columns, transient=True, disable=not typer.get_text_stream("stderr").isatty())


def _said(report: BackupReport, verb: str) -> None:
    size = report.bytes / 1e6
    typer.echo(f"{verb} {len(report.databases)} database(s), {size:.1f} MB: {report.folder}")


@app.command()
def backup(
    dest: Annotated[Path, typer.Argument(help="A new folder for the backup.")],
    project: ProjectOpt = Path("."),
) -> None:
    """Back up a project (or a workspace and all its projects) while it may be in use."""
    from qualcode.store.backup import backup as do_backup

    with _bars() as bars:
        report = run(lambda: do_backup(project, dest, _Bars(bars)))
    _said(report, "Backed up")


@app.command()
def restore(
    source: Annotated[Path, typer.Argument(help="A folder written by `qualcode backup`.")],
    project: ProjectOpt = Path("."),
    force: Annotated[
        bool, typer.Option("--force", help="Replace databases that exist (stop the server first).")
    ] = False,
) -> None:
    """Restore a backup after checking every file's hash and integrity."""
    from qualcode.store.backup import restore as do_restore

    with _bars() as bars:
        report = run(lambda: do_restore(source, project, force=force, progress=_Bars(bars)))
    _said(report, "Restored")
