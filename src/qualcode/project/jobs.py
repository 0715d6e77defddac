"""Background jobs: long runs (ingest, process) outside HTTP requests, surviving restarts.

A :class:`JobRunner` owns one worker thread per project.  Jobs live in the project's
``jobs`` table, so a queued job outlives the server.  On start, and every
``stale_after / 2`` seconds, the runner requeues jobs left ``running`` by a dead worker
(a process on this host that no longer exists, or a heartbeat older than
``stale_after``); after ``max_attempts`` interrupted runs a job fails instead.

Resuming is safe because every pipeline stage writes inside one transaction and skips
work already done: a resumed job simply runs again from the start, and the stages that
finished before the interruption find nothing to do.  A handler must keep that promise
too: each of its writes is one ``store.atomic()`` step, and re-running it is harmless.

Handlers are ``callable(store, params, report_progress) -> result``; ``store`` is the
worker thread's own connection (SQLite connections belong to one thread), and
``report_progress(fraction, message, step=None)`` records progress, the ``(stage, done,
total)`` under way, and a heartbeat.  Results and
messages carry counts, ids and file names, never transcript text.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from qualcode.errors import ConflictError, IngestError, InputError, QualcodeError
from qualcode.ingest.meta import load_sidecar_meta, sidecar_candidates
from qualcode.pipeline import ingest as intake
from qualcode.pipeline import run as pipeline
from qualcode.pipeline.components import Components, components_for, redactor_for
from qualcode.records import RawTranscript, TranscriptMeta
from qualcode.redact import Redactor
from qualcode.store import Store
from qualcode.store.jobs import Job, Step

__all__ = [
    "Handler",
    "Job",
    "JobRunner",
    "Report",
    "default_handlers",
    "stage_upload",
    "uploads_dir",
]

log = logging.getLogger("qualcode.project.jobs")


class Report(Protocol):
    def __call__(self, fraction: float, message: str = "", step: Step = None) -> None: ...


Handler = Callable[[Store, dict[str, Any], Report], Mapping[str, Any] | None]
PartsFor = Callable[[Store], Components]
UPLOADS = "uploads"
NAME_SUFFIX = ".name"  # beside an upload: the name the user gave the file
MAX_NAME = 200
BUSY_RETRIES = 3


class JobTakenOver(ConflictError):
    """This worker no longer holds the job (it looked dead and the job was requeued)."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0 only probes (POSIX; elsewhere kill() would terminate)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def dead_workers(workers: Iterable[str]) -> list[str]:
    """The workers named ``host:pid:token`` whose process on this host has gone
    (none off POSIX: there, only a stale heartbeat marks a worker dead)."""
    host = socket.gethostname()
    split = [(w, w.rsplit(":", 2)) for w in workers if os.name == "posix"]
    mine = [(w, p) for w, p in split if len(p) == 3 and p[0] == host and p[1].isdigit()]
    return [w for w, p in mine if _gone(int(p[1]))]


def failure_reason(err: Exception) -> str:
    """A user-readable reason: the error's message, never a traceback."""
    if isinstance(err, QualcodeError):
        return str(err)[:1000]
    detail = f": {err}" if str(err) else ""
    return f"Unexpected error ({type(err).__name__}){detail}"[:1000]


class _Reporter:
    def __init__(self, store: Store, job_id: int, worker: str) -> None:
        self.store, self.job_id, self.worker = store, job_id, worker

    def __call__(self, fraction: float, message: str = "", step: Step = None) -> None:
        jobs = self.store.jobs
        if not jobs.update_job_progress(self.job_id, self.worker, fraction, message, step):
            raise JobTakenOver(f"Job {self.job_id} was taken over by another worker.")


@contextlib.contextmanager
def _heartbeat(project: Path, job_id: int, worker: str, interval: float) -> Iterator[None]:
    """Beat every ``interval`` seconds from a thread with its own connection, so a long
    handler step without progress reports does not look dead."""
    done = threading.Event()

    def beat() -> None:
        store = Store(project)
        try:
            while not done.wait(interval):
                with contextlib.suppress(sqlite3.OperationalError):  # busy: beat next time
                    store.jobs.heartbeat_job(job_id, worker)
        finally:
            store.close()

    thread = threading.Thread(target=beat, name=f"qualcode-heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


class JobRunner:
    """One background worker for the project at ``project``; see the module docstring."""

    def __init__(
        self,
        project: Path,
        handlers: Mapping[str, Handler] | None = None,
        *,
        max_attempts: int = 3,
        poll_interval: float = 1.0,
        heartbeat_interval: float = 5.0,
        stale_after: float = 60.0,
        settle: float = 0.0,
    ) -> None:
        self.project = Path(project)
        self.settle = settle  # seconds to wait after a submit before claiming
        self.handlers = dict(default_handlers() if handlers is None else handlers)
        self.max_attempts, self.poll_interval = max_attempts, poll_interval
        self.heartbeat_interval, self.stale_after = heartbeat_interval, stale_after
        self.worker = worker_name()
        self._wake, self._stopping = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> JobRunner:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @contextlib.contextmanager
    def _store(self) -> Iterator[Store]:
        """A connection for the calling thread (API threads each need their own)."""
        store = Store(self.project)
        try:
            yield store
        finally:
            store.close()

    def start(self) -> JobRunner:
        """Start the worker thread (a no-op when it runs); the project must exist."""
        if self._thread is not None and self._thread.is_alive():
            return self
        with self._store():
            pass  # raises NotFoundError here, in the caller's thread, if there is no project
        self._stopping.clear()
        name = f"qualcode-jobs-{self.project.name}"
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 30.0) -> bool:
        """Stop after the current job; True when the worker stopped within ``timeout``.
        A job still running then is left ``running`` and resumed by the next runner."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def submit(self, kind: str, params: Mapping[str, Any] | None = None) -> int:
        if kind not in self.handlers:
            known = ", ".join(sorted(self.handlers))
            raise InputError(f"Unknown job kind '{kind}'.", hint=f"Use one of: {known}.")
        with self._store() as store:
            job_id = store.jobs.enqueue_job(kind, params or {})
        self._wake.set()
        return job_id

    def submit_files(self, kind: str, files: list[str]) -> int:
        """Queue ``files`` for a ``kind`` job taking ``{"files": [...]}``, joining the job
        still queued for earlier files if there is one (its id is returned then)."""
        if kind not in self.handlers:
            return self.submit(kind, {"files": files})  # raises: unknown kind
        with self._store() as store:
            job_id = store.jobs.enqueue_or_join(kind, "files", files)
        self._wake.set()
        return job_id

    def status(self, job_id: int) -> Job:
        with self._store() as store:
            return store.jobs.job(job_id)

    def jobs(self, state: str | None = None, limit: int = 100) -> list[Job]:
        with self._store() as store:
            return store.jobs.jobs(state, limit)

    def recover(self, store: Store) -> list[Job]:
        dead = dead_workers(store.jobs.running_workers())
        jobs = store.jobs.recover_interrupted(self.max_attempts, self.stale_after, dead)
        for job in jobs:
            log.warning("job %d was interrupted; now %s", job.id, job.state)
        return jobs

    def run_once(self, store: Store) -> int | None:
        """Claim and run one queued job with ``store``; its id, or None if none was queued."""
        job = store.jobs.claim_job(self.worker)
        if job is None:
            return None
        self._run(store, job)
        return job.id

    def _run(self, store: Store, job: Job) -> None:
        handler = self.handlers.get(job.kind)
        log.info("job %d (%s) started, attempt %d", job.id, job.kind, job.attempts + 1)
        try:
            with _heartbeat(self.project, job.id, self.worker, self.heartbeat_interval):
                if handler is None:
                    raise InputError(f"No handler for jobs of kind '{job.kind}'.")
                result = self._call(handler, store, job)
                store.jobs.finish_job(job.id, self.worker, result or {}, message="done")
            log.info("job %d done", job.id)
        except JobTakenOver:
            log.warning("job %d was taken over by another worker", job.id)
        except Exception as err:
            log.warning("job %d failed (%s)", job.id, type(err).__name__)
            store.jobs.fail_job(job.id, self.worker, failure_reason(err))

    def _call(self, handler: Handler, store: Store, job: Job) -> Mapping[str, Any] | None:
        """``handler``'s result, run again (safe: see the module docstring) when SQLite
        refused a transaction because another connection was writing at that moment."""
        for attempt in range(1, BUSY_RETRIES + 1):
            try:
                return handler(store, dict(job.params), _Reporter(store, job.id, self.worker))
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) and "busy" not in str(err):
                    raise
                log.warning("job %d: database busy, running it again", job.id)
                time.sleep(0.2 * attempt)
        return handler(store, dict(job.params), _Reporter(store, job.id, self.worker))

    def _loop(self) -> None:
        with self._store() as store:
            last_recovery = float("-inf")
            while not self._stopping.is_set():
                self._wake.clear()
                if time.monotonic() - last_recovery >= self.stale_after / 2:
                    last_recovery = time.monotonic()
                    self._guarded(lambda: self.recover(store))
                idle = self._guarded(lambda: self.run_once(store)) is None
                # woken by a submit: wait ``settle`` seconds, so that uploads sent in a row
                # join the queued job before it is claimed
                if idle and self._wake.wait(self.poll_interval) and self.settle:
                    self._stopping.wait(self.settle)

    def _guarded(self, step: Callable[[], Any]) -> Any:
        """``step()``; an error (e.g. the database busy too long) is logged, not fatal."""
        try:
            return step()
        except Exception as err:
            log.error("job worker: %s", failure_reason(err))
            return None


# handlers ---------------------------------------------------------------------------
def uploads_dir(project: Path) -> Path:
    """Where the API saves uploaded files for an ``ingest`` job (deleted once ingested)."""
    return Path(project) / UPLOADS


def stage_upload(path: Path, name: str, meta: Mapping[str, Any]) -> None:
    """Beside the file uploaded to ``path`` (under a name of the server's own), write what
    its ``ingest`` job reads and then deletes: the metadata sidecar, and ``name``, the
    name the user gave the file, which the job's messages call it by.  Neither goes into
    the job's parameters, which are stored as they are."""
    path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    _name_file(path).write_text(name[:MAX_NAME], encoding="utf-8")


def _name_file(path: Path) -> Path:
    return path.with_name(path.name + NAME_SUFFIX)


def _staged(path: Path) -> list[Path]:
    """The upload at ``path`` and what :func:`stage_upload` wrote beside it."""
    return [path, _name_file(path), *sidecar_candidates(path)]


def _shown_name(path: Path, redactor: Redactor) -> str:
    """What the job's messages call the upload at ``path``: the name the user gave it,
    redacted as a stored source name is (the messages are stored in the job's row); the
    server's name for it when none was recorded."""
    recorded = _name_file(path)
    if not recorded.is_file():
        return path.name
    name = recorded.read_text(encoding="utf-8").strip()[:MAX_NAME] or path.name
    meta = _sidecar_meta(path, name)
    unread = RawTranscript(source_name=name, fmt="", content_hash="", turns=(), meta=meta)
    return redactor.redact(unread).source_name


def _sidecar_meta(path: Path, name: str) -> TranscriptMeta:
    """The upload's metadata, whose participants help redact its name; the name's stem
    as the title when its sidecar is missing or unusable (the job reports that)."""
    with contextlib.suppress(InputError):
        if (meta := load_sidecar_meta(path)) is not None:
            return meta
    return TranscriptMeta(title=Path(name).stem)


def _inside(folder: Path, name: str) -> Path:
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise InputError(f"'{name}' is not a file in {folder.name}/.")
    return path


# the share of a job's progress each pipeline stage spans (qualcode.progress stages)
PROCESS_SPANS = {
    "segment": (0.0, 0.05),
    "load model": (0.05, 0.1),
    "embed": (0.1, 0.7),
    "topics": (0.7, 0.85),
    "suggest": (0.85, 1.0),
}
INGEST_SPANS = {"ingest": (0.0, 0.2)} | {
    k: (0.2 + 0.8 * a, 0.2 + 0.8 * b) for k, (a, b) in PROCESS_SPANS.items()
}


class StageReport:
    """A :mod:`qualcode.progress` reporter that records each stage in the job's row:
    ``stage``, ``done``, ``total``, a message ``"embed: 128 / 500"`` and the fraction
    the stage has reached within its span.  Within a stage, a report comes at most every
    ``every`` seconds (its first and last always)."""

    def __init__(
        self, report: Report, spans: Mapping[str, tuple[float, float]], every: float = 0.5
    ) -> None:
        self.report, self.spans, self.every = report, spans, every
        self._last: tuple[str, float] = ("", 0.0)

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now, (last, at) = time.monotonic(), self._last
        if stage == last and now - at < self.every and done > 0 and done != total:
            return
        self._last = (stage, now)
        lo, hi = self.spans.get(stage, (0.0, 0.0))
        fraction = lo + (hi - lo) * (min(done / total, 1.0) if total else 0.0)
        message = stage if total is None else f"{stage}: {done} / {total}"
        self.report(fraction, message, (stage, done, total))


def _process(
    store: Store, params: Mapping[str, Any], parts: Components, progress: StageReport
) -> dict[str, Any]:
    name = params.get("codebook")
    book = _inside(store.path.parent, name) if name else None
    done = pipeline.process(store, codebook=book, parts=parts, progress=progress)
    keys = ("segmented", "embedded", "topics", "suggestions", "warnings")
    return {k: getattr(done, k) for k in keys}


def process_handler(parts_for: PartsFor = components_for) -> Handler:
    """``process``: segment, embed, topics, suggest; params ``{"codebook": path in the
    project folder}`` (optional).  Progress is reported per stage, and within a stage
    (e.g. per batch while embedding) as the pipeline reports it."""

    def handle(store: Store, params: dict[str, Any], report: Report) -> dict[str, Any]:
        report(0.0, "segmenting")
        parts = parts_for(store)
        _codebook_from_cache(parts.suggester, store)
        return _process(store, params, parts, StageReport(report, PROCESS_SPANS))

    return handle


def _codebook_from_cache(suggester: Any, store: Store) -> None:
    """Let the suggester read the codebook's vectors from the store's cache: a job per
    upload otherwise embeds the whole codebook again, each time, to score a few segments."""
    from qualcode.embed.cache import CachedEmbedder

    inner = getattr(suggester, "embedder", None)
    if inner is not None and not isinstance(inner, CachedEmbedder):
        suggester.embedder = CachedEmbedder(store, inner)


def ingest_handler(parts_for: PartsFor = components_for) -> Handler:
    """``ingest``: params ``{"files": [names in uploads/], "meta": {field: value},
    "codebook": ...}``; ingests the files (a file already in the project counts as a
    duplicate), deletes them and their sidecars (originals are not kept), then processes.
    Names no longer there (deleted by an interrupted earlier run) are listed as gone.
    Messages call each file by the name it was uploaded with (:func:`stage_upload`).
    When no file could be read, the job fails with the reasons."""

    def handle(store: Store, params: dict[str, Any], report: Report) -> dict[str, Any]:
        folder = uploads_dir(store.path.parent)
        files = [_inside(folder, str(n)) for n in params.get("files", [])]
        present = [p for p in files if p.is_file()]
        report(0.0, f"ingesting {len(present)} files")
        redactor = redactor_for(store)
        names = {p: _shown_name(p, redactor) for p in present}
        meta = params.get("meta") or None
        stages = StageReport(report, INGEST_SPANS)
        done = intake.ingest_paths(store, present, meta, redactor, names=names, progress=stages)
        for path in present:
            for p in _staged(path):
                p.unlink(missing_ok=True)
        if present and not done.added and not done.duplicates:
            raise IngestError(" ".join(done.errors))
        gone = [p.name for p in files if p not in present]
        result = {k: getattr(done, k) for k in ("added", "duplicates", "errors", "notices")}
        process = _process(store, params, parts_for(store), stages)
        return result | {"gone": gone} | process

    return handle


def default_handlers(parts_for: PartsFor = components_for) -> dict[str, Handler]:
    """The handlers a server runs; ``parts_for`` picks the pipeline's components."""
    return {"process": process_handler(parts_for), "ingest": ingest_handler(parts_for)}
