"""Progress of long steps, reported to whoever shows it (CLI bars, a job's status row).

A library function that may take a while takes ``progress: ProgressLike = None`` and
reports through :func:`tracker`::

    with tracker(progress).stage("redact", total=len(files)) as step:
        for f in files:
            ...
            step.advance()

A reporter is any callable ``(stage, done, total) -> None``; ``total`` is None for a
stage of unknown length (e.g. "load model").  It is called once when a stage begins
(``done == 0``), after each advance, and once when it ends (then ``total`` is set).
Reports carry stage names and counts only, never text.  The library imports no
display code: the CLI renders reports with rich (``qualcode.cli.progress``), jobs store
them in their row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

Reporter = Callable[[str, int, "int | None"], None]
ProgressLike = Reporter | bool | None


def _silent(stage: str, done: int, total: int | None) -> None:
    """The default reporter: reports nothing."""


@dataclass
class Step:
    """One running stage; :meth:`advance` reports ``k`` more items done."""

    name: str
    total: int | None
    report: Reporter
    done: int = 0

    def advance(self, k: int = 1) -> None:
        self.done += k
        self.report(self.name, self.done, self.total)


@dataclass(frozen=True)
class Tracker:
    """Opens stages on a reporter; see the module docstring."""

    report: Reporter = _silent

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Step]:
        step = Step(name, total, self.report)
        self.report(name, 0, total)
        yield step
        end = max(step.done, total or 0)  # ended: a bar shows it full
        self.report(name, end, end if total is None else total)

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        self.report(stage, done, total)


SILENT = Tracker()


def tracker(progress: ProgressLike = None) -> Tracker:
    """A :class:`Tracker` for ``progress``: a reporter or tracker, or a flag (True, as
    the embedders' old ``progress=True`` did, still reports nothing from the library:
    the caller that wants bars passes a reporter)."""
    if isinstance(progress, Tracker):
        return progress
    if callable(progress):
        return Tracker(progress)
    return SILENT
