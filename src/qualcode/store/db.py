"""The project database: one SQLite file, WAL mode, foreign keys on.

Only this package holds SQL.  Every multi-row write runs inside ``db.atomic()`` so an
interrupted step leaves the database as it was before that step.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from qualcode.errors import NotFoundError, PipelineError
from qualcode.store.migrations import migrations, up_to_date
from qualcode.store.sqlite import Database

DB_NAME = "qualcode.db"
BUSY_TIMEOUT_MS = 5000
WRITER_WAIT = 30.0  # seconds a transaction queues for its database's writer lock

_writers: dict[Path, threading.RLock] = {}
_writers_lock = threading.Lock()


def writer_lock(path: Path) -> threading.RLock:
    """The one lock per database file that this process's write transactions queue on.

    SQLite's own busy handler polls, sleeping up to 100 ms between tries, and lets a
    newcomer win over a writer that has waited long: with 20 request threads writing at
    once, waits grew past ``busy_timeout`` (503 Busy).  Threads of one process queue here
    instead and are woken as soon as the writer before them commits."""
    with _writers_lock:
        return _writers.setdefault(path, threading.RLock())


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def where_equals(column: str, value: object) -> tuple[str, list[object]]:
    """An optional ``WHERE column = ?`` filter: none when ``value`` is None or 0."""
    return (f"WHERE {column} = ?", [value]) if value else ("", [])


def project_db_path(project: Path) -> Path:
    return project / DB_NAME if project.suffix != ".db" else project


class Connection:
    """One project's SQLite connection: WAL mode, foreign keys on, migrations applied."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = project_db_path(Path(path))
        if not create and not self.path.exists():
            raise NotFoundError(
                f"No qualcode project at {self.path.parent}.",
                hint="Run `qualcode init` there first, or pass --project.",
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.writer = writer_lock(self.path.resolve())
        self.db = Database(self.path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.db.enable_wal()
        if not up_to_date(self.db):
            migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint when nested); rolled back on any error.

        The outermost one starts with BEGIN IMMEDIATE: it takes the write lock before
        reading, so a read-then-write cannot fail with "database is locked" when another
        connection (the API, a job) commits in between.  Writers of this process first
        queue on ``writer_lock`` (at most ``WRITER_WAIT`` s: past it, as across processes,
        SQLite's busy_timeout decides)."""
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            queued = self.writer.acquire(timeout=WRITER_WAIT)
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    if conn.in_transaction:
                        conn.rollback()
                    raise
                conn.commit()
            finally:
                if queued:
                    self.writer.release()
        except sqlite3.IntegrityError as err:
            raise PipelineError(
                f"The database refused a write ({err}); nothing from this step was kept."
            ) from err


class Part:
    """A store part: the SQL of one concern over a shared ``Connection``.  A second storage
    engine would implement the same parts over its own connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = conn.db

    def atomic(self) -> AbstractContextManager[None]:
        return self.conn.atomic()

    def mark_stage(self, name: str, fingerprint: str) -> None:
        """Record that stage ``name`` finished on inputs with this ``fingerprint``."""
        self.db.table("stages").upsert(
            {"name": name, "fingerprint": fingerprint, "finished_at": utcnow()}, pk="name"
        )
