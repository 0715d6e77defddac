"""Reading and redacting many files on every core.

Redaction is single-threaded Python and spaCy, so one process leaves the other cores
idle while a large batch is ingested.  Here each worker process builds the project's
redactor once and reads and redacts whole files; only the redacted transcript comes
back (the original text never leaves the worker, which is gone when the batch is).
Results arrive in the order of the files, so transcript ids are those of a run in one
process.  A worker costs a few seconds to start (imports, name lists, models), so a batch
goes to workers only when it is large enough to repay that (``worth_a_pool``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Generator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcode import ingest
from qualcode.errors import PipelineError, QualcodeError
from qualcode.ingest.meta import file_meta
from qualcode.records import RedactedTranscript
from qualcode.redact.redactor import RuleRedactor

MIN_BYTES = 1_000_000  # about 150,000 words: below this, starting workers costs more
MAX_WORKERS = 4  # each holds the redactor and its imports (~0.5 GB): a server's 64 cores
_redactor: RuleRedactor | None = None  # in a worker: the redactor it built


@dataclass(frozen=True)
class Redacted:
    """One file as a worker returns it: redacted, or the error that names it."""

    doc: RedactedTranscript | None
    notices: tuple[str, ...] = ()
    kept_places: tuple[str, ...] = ()
    error: str = ""


def worth_a_pool(files: Sequence[Path], workers: int) -> bool:
    """More than one worker, file and core, and enough text to repay their start."""
    if workers < 2 or len(files) < 2:
        return False
    return sum(_size(f) for f in files) >= MIN_BYTES


def default_workers() -> int:
    """The cores this process may run on, at most ``MAX_WORKERS``."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return max(1, min(cores, MAX_WORKERS))


def redact_in_workers(
    files: Sequence[Path],
    spec: Mapping[str, Any],
    overrides: Mapping[str, Any] | None,
    names: Mapping[Path, str],
    workers: int,
) -> Generator[Redacted, None, None]:
    """Each file read and redacted by ``RuleRedactor(**spec)`` in a worker process, in
    the order of ``files``; a file's ``QualcodeError`` comes back as its ``error``."""
    context = multiprocessing.get_context("spawn")  # no forked copy of a threaded parent
    with ProcessPoolExecutor(
        min(workers, len(files)), mp_context=context, initializer=_start, initargs=(dict(spec),)
    ) as pool:
        jobs = [(f, names.get(f), dict(overrides or {})) for f in files]
        try:
            yield from pool.map(_redact_one, jobs)
        except BrokenProcessPool as err:
            raise PipelineError(
                "A redaction worker process stopped (out of memory?); the files stored "
                "before it are kept.",
                hint="Run the same ingest again: stored files are skipped.",
            ) from err
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _start(spec: dict[str, Any]) -> None:
    global _redactor
    _redactor = RuleRedactor(**spec)


def _redact_one(job: tuple[Path, str | None, dict[str, Any]]) -> Redacted:
    path, name, overrides = job
    assert _redactor is not None
    try:
        raw = ingest.read_transcript(path, file_meta(path, overrides), name=name)
        doc = _redactor.redact(raw)
    except QualcodeError as err:
        return Redacted(None, error=str(err))
    return Redacted(doc, raw.notices, _redactor.kept_places(raw.meta))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
