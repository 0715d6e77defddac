"""Store methods for the persistent job queue (``jobs`` table, migration m007).

A job is queued, claimed by exactly one worker (``running``), then ``done`` or
``failed``.  Writes by a worker name that worker and change nothing once the job was
taken from it (requeued after it looked dead), so a stale worker cannot overwrite.
Params are small JSON objects of ids, names and options: never transcript text or keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from qualcode.errors import InputError, NotFoundError
from qualcode.store.db import Part, utcnow, where_equals

JOB_STATES = ("queued", "running", "done", "failed")
MAX_PARAMS_CHARS = 4096
Step = tuple[str, int, int | None] | None  # (stage, done, total)
SECRET_WORDS = {"key", "password", "passphrase", "secret", "token", "text", "texts"}


@dataclass
class Job:
    id: int
    kind: str
    params: dict[str, Any]
    state: str
    progress: float = 0.0
    message: str = ""
    stage: str | None = None  # the step under way, e.g. "embed" (m015)
    done: int | None = None  # items of ``stage`` done
    total: int | None = None  # of ``total``; None while unknown
    result: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0
    created_at: str = ""
    started_at: str | None = None
    finished_at: str | None = None
    heartbeat_at: str | None = None
    worker: str | None = None
    error: str | None = None


def _job(row: Mapping[str, Any]) -> Job:
    values = dict(row)
    values["params"] = json.loads(values["params"] or "{}")
    values["result"] = json.loads(values["result"] or "{}")
    values["message"] = values["message"] or ""
    return Job(**values)


def _words(name: str) -> set[str]:
    """``fernetToken``, ``api_key``, ``transcript-text``: the lower-case words in a name."""
    return set(re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()))


def check_params(params: Mapping[str, Any]) -> str:
    """``params`` as JSON, refused when large or keyed like text or a secret."""
    suspect = [k for k in params if SECRET_WORDS & _words(k)]
    if suspect:
        raise InputError(f"Job parameters may not carry text or secrets ({', '.join(suspect)}).")
    try:
        blob = json.dumps(dict(params), ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as err:
        raise InputError(f"Job parameters must be plain JSON values ({err}).") from err
    if len(blob) > MAX_PARAMS_CHARS:
        raise InputError(f"Job parameters are too large ({len(blob)} characters).")
    return blob


def _joined(params: str, key: str, items: list[Any]) -> str | None:
    """``params`` with ``items`` added to its list ``key``; None when it holds anything
    else, or would grow too large."""
    current = json.loads(params or "{}")
    if set(current) != {key} or not isinstance(current[key], list):
        return None
    try:
        return check_params({key: [*current[key], *items]})
    except InputError:
        return None


class JobStore(Part):
    def enqueue_job(self, kind: str, params: Mapping[str, Any]) -> int:
        """A new queued job's id.  One INSERT statement: it waits for the write lock
        (busy_timeout) rather than failing when another connection is writing."""
        cursor = self.db.execute(
            "INSERT INTO jobs (kind, params, state, created_at) VALUES (?, ?, 'queued', ?)",
            [kind, check_params(params), utcnow()],
        )
        return int(cursor.lastrowid or 0)

    def enqueue_or_join(self, kind: str, key: str, items: list[Any]) -> int:
        """Add ``items`` to the list ``params[key]`` of the newest queued ``kind`` job whose
        params are that list alone, and return its id; else queue a new such job.  In one
        write transaction, so a worker cannot claim the job in between: uploads arriving
        in a row become one job that ingests and processes them together."""
        with self.atomic():
            row = self.db.execute(
                "SELECT id, params FROM jobs WHERE state = 'queued' AND kind = ? "
                "ORDER BY id DESC LIMIT 1",
                [kind],
            ).fetchone()
            joined = _joined(row[1], key, items) if row else None
            if row and joined is not None:
                self.db.execute("UPDATE jobs SET params = ? WHERE id = ?", [joined, row[0]])
                return int(row[0])
            return self.enqueue_job(kind, {key: list(items)})

    def claim_job(self, worker: str) -> Job | None:
        """The oldest queued job, now ``running`` for ``worker``; None when none is queued.

        One UPDATE guarded by ``state = 'queued'``, in a write transaction: of several
        workers (threads or processes) exactly one gets each job."""
        now = utcnow()
        with self.atomic():
            rows = self.db.execute(
                "UPDATE jobs SET state = 'running', worker = ?, started_at = ?, "
                "heartbeat_at = ?, finished_at = NULL, error = NULL, progress = 0, stage = NULL, "
                "done = NULL, total = NULL, message = 'started' WHERE state = 'queued' AND id = "
                "(SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1) RETURNING id",
                [worker, now, now],
            ).fetchall()
        return self.job(rows[0][0]) if rows else None

    def _update_running(self, job_id: int, worker: str, values: Mapping[str, Any]) -> bool:
        sets = ", ".join(f"{k} = ?" for k in values)
        cursor = self.db.execute(
            f"UPDATE jobs SET {sets} WHERE id = ? AND worker = ? AND state = 'running'",
            [*values.values(), job_id, worker],
        )
        return cursor.rowcount == 1

    def update_job_progress(
        self, job_id: int, worker: str, progress: float, message: str, step: Step = None
    ) -> bool:
        """Progress (0..1), a short message and the ``(stage, done, total)`` under way
        (kept as it was when None); False if ``worker`` no longer holds the job."""
        p = min(max(float(progress), 0.0), 1.0)
        values: dict[str, Any] = {"progress": p, "message": message, "heartbeat_at": utcnow()}
        if step is not None:
            values |= dict(zip(("stage", "done", "total"), step, strict=True))
        return self._update_running(job_id, worker, values)

    def heartbeat_job(self, job_id: int, worker: str) -> bool:
        return self._update_running(job_id, worker, {"heartbeat_at": utcnow()})

    def finish_job(
        self, job_id: int, worker: str, result: Mapping[str, Any] | None = None, message: str = ""
    ) -> bool:
        now = utcnow()
        values = {"state": "done", "progress": 1.0, "finished_at": now, "heartbeat_at": now}
        values |= {"message": message or "done", "result": json.dumps(dict(result or {}))}
        return self._update_running(job_id, worker, values)

    def fail_job(self, job_id: int, worker: str, error: str) -> bool:
        now = utcnow()
        values = {"state": "failed", "finished_at": now, "heartbeat_at": now}
        return self._update_running(job_id, worker, values | {"error": error, "message": "failed"})

    def job(self, job_id: int) -> Job:
        rows = list(self.db.query("SELECT * FROM jobs WHERE id = ?", [job_id]))
        if not rows:
            raise NotFoundError(f"No job with id {job_id}.")
        return _job(rows[0])

    def jobs(self, state: str | None = None, limit: int = 100) -> list[Job]:
        """The newest ``limit`` jobs, newest first (only those in ``state`` if given)."""
        where, args = where_equals("state", state)
        sql = f"SELECT * FROM jobs {where} ORDER BY id DESC LIMIT ?"
        return [_job(r) for r in self.db.query(sql, [*args, limit])]

    def recover_interrupted(
        self, max_attempts: int, stale_after: float = 60.0, dead_workers: Collection[str] = ()
    ) -> list[Job]:
        """Jobs left ``running`` by a dead worker, requeued, or failed after their
        ``max_attempts``-th interrupted run.  A worker is dead when named in
        ``dead_workers`` or when its heartbeat is older than ``stale_after`` seconds."""
        cutoff = (datetime.now(UTC) - timedelta(seconds=stale_after)).isoformat("T", "seconds")
        dead = {f"w{i}": w for i, w in enumerate(dead_workers)}
        args = {"max": max_attempts, "now": utcnow(), "cutoff": cutoff, **dead}
        with self.atomic():
            rows = self.db.execute(
                "UPDATE jobs SET attempts = attempts + 1, worker = NULL, "
                "state = CASE WHEN attempts + 1 >= :max THEN 'failed' ELSE 'queued' END, "
                "finished_at = CASE WHEN attempts + 1 >= :max THEN :now END, "
                "error = CASE WHEN attempts + 1 >= :max THEN 'Interrupted ' || (attempts + 1) "
                "|| ' times (its worker stopped while running it); not retried.' END, "
                "message = CASE WHEN attempts + 1 >= :max THEN 'failed' "
                "ELSE 'requeued after an interruption' END "
                "WHERE state = 'running' AND (COALESCE(heartbeat_at, '') < :cutoff "
                f"OR worker IN ({', '.join(':' + k for k in dead)})) RETURNING id",
                args,
            ).fetchall()
        return [self.job(r[0]) for r in rows]

    def running_workers(self) -> list[str]:
        rows = self.db.execute("SELECT DISTINCT worker FROM jobs WHERE state = 'running'")
        return [r[0] for r in rows if r[0]]
