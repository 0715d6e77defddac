"""Showing the library's progress reports (:mod:`qualcode.progress`) on the terminal.

On a terminal, rich draws one line per stage: its name, a bar, done / total and the time
elapsed.  Elsewhere (a pipe, a log file, a test runner) a stage gets a plain line when it
begins, one at most every ``every`` seconds while it runs, and one when it ends.  Both go
to stderr and show stage names and counts only, never transcript text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from qualcode.progress import Reporter

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

ProgressOpt = Annotated[bool, typer.Option(help="Show progress (on stderr).")]


@contextmanager
def shown(enabled: bool = True) -> Iterator[Reporter | None]:
    """A reporter that shows progress on stderr while the block runs; None when not
    ``enabled`` (``--no-progress``), so that nothing is shown."""
    if not enabled:
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield PlainLines(lambda line: typer.echo(line, err=True))
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console) as bars:
        yield RichBars(bars)


class RichBars:
    """One rich task per stage, created when the stage first reports."""

    def __init__(self, bars: Progress) -> None:
        self.bars, self.tasks = bars, dict[str, "TaskID"]()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if (task := self.tasks.get(stage)) is None:
            self.tasks[stage] = self.bars.add_task(stage, total=total, completed=done)
        else:
            self.bars.update(task, total=total, completed=done)


class PlainLines:
    """Plain lines: a stage's start, its progress every ``every`` seconds, its end."""

    def __init__(self, echo: Callable[[str], None], every: float = 10.0) -> None:
        self.echo, self.every = echo, every
        self.started: dict[str, float] = {}
        self.shown: dict[str, float] = {}  # when a stage's last line was shown
        self.ended: set[str] = set()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if stage not in self.started:
            self.started[stage] = now
            self._line(stage, now, "started" + (f", {total} to do" if total else ""))
        elif total is not None and done >= total:
            if stage not in self.ended:  # an inner step may end just before its outer one
                self.ended.add(stage)
                counts = f"{done} / {total}, " if total else ""
                self._line(stage, now, f"done ({counts}{now - self.started[stage]:.1f} s)")
        elif now - self.shown[stage] >= self.every:
            seconds = now - self.started[stage]
            self._line(stage, now, f"{done} / {total or '?'} ({seconds:.0f} s)")

    def _line(self, stage: str, now: float, text: str) -> None:
        self.shown[stage] = now
        self.echo(f"{stage}: {text}")
