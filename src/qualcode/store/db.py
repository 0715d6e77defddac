"""The project database: one SQLite file, WAL mode, foreign keys on.

Only this package holds SQL.  Every multi-row write runs inside ``db.atomic()`` so an
interrupted step leaves the database as it was before that step.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from qualcode.errors import ConflictError, NotFoundError, PipelineError
from qualcode.records import RedactedTranscript, Segment
from qualcode.store.migrations import migrations

DB_NAME = "qualcode.db"


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def where_equals(column: str, value: object) -> tuple[str, list[object]]:
    """An optional ``WHERE column = ?`` filter: none when ``value`` is None or 0."""
    return (f"WHERE {column} = ?", [value]) if value else ("", [])


def project_db_path(project: Path) -> Path:
    return project / DB_NAME if project.suffix != ".db" else project


class StoreCore:
    """Connection, settings, transcripts and segments."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = project_db_path(Path(path))
        if not create and not self.path.exists():
            raise NotFoundError(
                f"No qualcode project at {self.path.parent}.",
                hint="Run `qualcode init` there first, or pass --project.",
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = Database(self.path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 5000")
        if self.db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.db.enable_wal()
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint when nested); rolled back on any error.

        The outermost one starts with BEGIN IMMEDIATE: it takes the write lock before
        reading, so a read-then-write cannot fail with "database is locked" when another
        connection (the API, a job) commits in between; it waits for busy_timeout."""
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise
            conn.commit()
        except sqlite3.IntegrityError as err:
            raise PipelineError(
                f"The database refused a write ({err}); nothing from this step was kept."
            ) from err

    # settings -----------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_settings(self, values: dict[str, str]) -> None:
        with self.atomic():
            self.db.table("settings").upsert_all(
                [{"key": k, "value": v} for k, v in values.items()], pk="key"
            )

    def settings(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.db.table("settings").rows}

    # transcripts --------------------------------------------------------------
    def transcript_id_by_hash(self, content_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM transcripts WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return int(row[0]) if row else None

    def add_transcript(
        self,
        doc: RedactedTranscript,
        text: str,
        spans: Sequence[tuple[int, int]],
        key_tokens: dict[str, str] | None = None,
    ) -> int:
        """Store a redacted transcript, its turns, its redaction summary and (when the user
        gave a key) the encrypted mapping, at once."""
        if self.transcript_id_by_hash(doc.content_hash) is not None:
            raise ConflictError(f"{doc.source_name} is already in this project.")
        with self.atomic():
            tid = self._insert_transcript_row(doc, text)
            self.db.table("turns").insert_all(
                {
                    "transcript_id": tid,
                    "idx": i,
                    "speaker": t.speaker,
                    "text": t.text,
                    "start_time": t.start,
                    "end_time": t.end,
                    "char_start": s,
                    "char_end": e,
                }
                for i, (t, (s, e)) in enumerate(zip(doc.turns, spans, strict=True))
            )
            self.db.table("redactions").insert_all(
                {"transcript_id": tid, **asdict(r)} for r in doc.redactions
            )
            self.db.table("redaction_keys").insert_all(
                {"transcript_id": tid, "pseudonym": p, "token": t}
                for p, t in (key_tokens or {}).items()
            )
        return tid

    def _insert_transcript_row(self, doc: RedactedTranscript, text: str) -> int:
        m = doc.meta
        row = {
            "content_hash": doc.content_hash,
            "source_name": doc.source_name,
            "fmt": doc.fmt,
            "title": m.title,
            "region": m.region,
            "district": m.district,
            "date": m.date,
            "grp": m.group,
            "language": m.language,
            "facilitator": m.facilitator,
            "extra": json.dumps(m.extra, ensure_ascii=False),
            "text": text,
            "created_at": utcnow(),
        }
        return int(self.db.table("transcripts").insert(row).last_pk)  # type: ignore[arg-type]

    def transcripts(self, *, text: bool = True) -> list[dict[str, Any]]:
        """Every transcript row; ``text=False`` leaves out the stored text (metadata only)."""
        if text:
            return list(self.db.query("SELECT * FROM transcripts ORDER BY id"))
        columns = [c for c in self.db.table("transcripts").columns_dict if c != "text"]
        return list(self.db.query(f"SELECT {', '.join(columns)} FROM transcripts ORDER BY id"))

    def transcript(self, tid: int) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM transcripts WHERE id = ?", [tid]))
        if not rows:
            raise NotFoundError(f"No transcript with id {tid}.", hint="See `qualcode summary`.")
        return rows[0]

    def turns(self, tid: int) -> list[dict[str, Any]]:
        return list(
            self.db.query("SELECT * FROM turns WHERE transcript_id = ? ORDER BY idx", [tid])
        )

    def redactions(self, tid: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT kind, pseudonym, count, confidence, source, status FROM redactions "
                "WHERE transcript_id = ? ORDER BY confidence, kind, pseudonym",
                [tid],
            )
        )

    # segments -----------------------------------------------------------------
    def unsegmented_transcript_ids(self) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM transcripts t WHERE NOT EXISTS "
                "(SELECT 1 FROM segments s WHERE s.transcript_id = t.id) ORDER BY id"
            )
        ]

    def add_segments(self, segments: Sequence[Segment], hashes: Sequence[str]) -> None:
        with self.atomic():
            self.db.table("segments").insert_all(
                {
                    "transcript_id": s.transcript_id,
                    "seq": s.seq,
                    "turn_index": s.turn_index,
                    "speaker": s.speaker,
                    "text": s.text,
                    "char_start": s.start,
                    "char_end": s.end,
                    "text_hash": h,
                }
                for s, h in zip(segments, hashes, strict=True)
            )

    def segment(self, segment_id: int) -> Segment:
        found = self._segments("WHERE id = ?", [segment_id])
        if not found:
            raise NotFoundError(f"No segment with id {segment_id}.")
        return found[0]

    def segments(self, transcript_id: int | None = None) -> list[Segment]:
        return self._segments(*where_equals("transcript_id", transcript_id))

    def _segments(self, where: str, args: list[Any]) -> list[Segment]:
        rows = self.db.query(f"SELECT * FROM segments {where} ORDER BY transcript_id, seq", args)
        return [
            Segment(
                id=r["id"],
                transcript_id=r["transcript_id"],
                turn_index=r["turn_index"],
                speaker=r["speaker"],
                text=r["text"],
                start=r["char_start"],
                end=r["char_end"],
                seq=r["seq"],
            )
            for r in rows
        ]
