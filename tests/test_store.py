from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from qualcode.errors import ConflictError, NotFoundError, PipelineError
from qualcode.records import RedactedTranscript, RedactedTurn, Redaction, TranscriptMeta
from qualcode.store import Store
from qualcode.text import layout


def _doc(h: str = "abc") -> RedactedTranscript:
    return RedactedTranscript(
        "fg.txt",
        "text",
        h,
        (RedactedTurn("P1", "hello there"), RedactedTurn("P2", "yes")),
        TranscriptMeta(title="FG", region="Jizzakh"),
        (Redaction("PERSON", "[PERSON_1]", 2),),
    )


def test_schema_is_built_by_numbered_migrations_with_wal_and_foreign_keys(store: Store) -> None:
    applied = [r["name"] for r in store.db.table("_sqlite_migrations").rows]
    assert applied == sorted(applied) and applied[0].startswith("m001")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_file_replaced_under_the_same_path_is_migrated_again(tmp_path: Path) -> None:
    """Opening skips ``migrations.apply`` when all are recorded; a new file at the path
    (here one that may reuse the old inode) is still brought up to date."""
    Store(tmp_path, create=True).close()
    db = tmp_path / "qualcode.db"
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    db.unlink()
    sqlite3.connect(db).close()  # an empty database where the migrated one was
    store = Store(tmp_path)
    assert "transcripts" in store.db.table_names()
    store.close()


def test_opening_a_missing_project_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="qualcode init"):
        Store(tmp_path / "nope")


def test_transcript_round_trip_and_duplicate_refused(store: Store) -> None:
    doc = _doc()
    text, spans = layout(doc.turns)
    tid = store.transcripts.add_transcript(doc, text, spans)
    assert store.transcripts.transcript(tid)["text"] == text
    assert [t["text"] for t in store.transcripts.turns(tid)] == ["hello there", "yes"]
    assert store.transcripts.redactions(tid)[0]["pseudonym"] == "[PERSON_1]"
    with pytest.raises(ConflictError):
        store.transcripts.add_transcript(doc, text, spans)


def test_a_failed_multi_row_write_leaves_nothing_behind(store: Store) -> None:
    doc = _doc()
    text, _ = layout(doc.turns)
    with pytest.raises(ValueError):  # one span too few: fails half-way through the turns
        store.transcripts.add_transcript(doc, text, [(0, 5)])
    assert store.transcripts.transcripts() == []
    assert store.db.execute("SELECT count(*) FROM turns").fetchone()[0] == 0


def test_writers_in_one_process_queue_for_the_write_lock_instead_of_failing(
    store: Store,
) -> None:
    """A transaction that outlasts busy_timeout must not fail the writers behind it: they
    wait on the process's writer lock, not on SQLite's polling busy handler."""
    inside, done = threading.Event(), threading.Event()
    outcome: list[object] = []

    def second_writer() -> None:  # another request thread, with its own connection
        other = Store(store.path.parent)
        other.db.execute("PRAGMA busy_timeout = 20")
        assert inside.wait(10)
        try:
            with other.conn.atomic():
                other.db.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
            outcome.append("written")
        except sqlite3.OperationalError as err:  # "database is locked"
            outcome.append(err)
        other.close()
        done.set()

    thread = threading.Thread(target=second_writer)
    thread.start()
    with store.conn.atomic():
        store.db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        inside.set()
        assert not done.wait(0.3)  # 15 times its busy_timeout: it waits, it does not fail
    thread.join(10)
    assert outcome == ["written"]
    assert (
        store.db.execute("SELECT COUNT(*) FROM settings WHERE key IN ('a', 'b')").fetchone()[0] == 2
    )


def test_review_log_is_append_only(store: Store) -> None:
    doc = _doc()
    text, spans = layout(doc.turns)
    store.transcripts.add_transcript(doc, text, spans)
    store.db.execute(
        "INSERT INTO segments (transcript_id, seq, turn_index, speaker, text, "
        "char_start, char_end, text_hash) VALUES (1, 0, 0, 'P1', 'x', 0, 1, 'h')"
    )
    store.db.execute(
        "INSERT INTO review_log (segment_id, code_id, action, coder, at) "
        "VALUES (1, 'c', 'accept', 'ann', 'now')"
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE review_log SET action = 'reject'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM review_log")


def test_embedding_cache_round_trips_float32(store: Store) -> None:
    v = np.arange(4, dtype=np.float32)
    store.embeddings.put_embeddings("m", {"h1": v})
    got = store.embeddings.cached_embeddings("m", ["h1", "h2"])
    assert list(got) == ["h1"] and np.array_equal(got["h1"], v)
    assert store.embeddings.cached_embeddings("other-model", ["h1"]) == {}


def test_integrity_errors_become_pipeline_errors(store: Store) -> None:
    with pytest.raises(PipelineError, match="nothing from this step was kept"), store.atomic():
        store.db.execute(
            "INSERT INTO turns (transcript_id, idx, speaker, text, char_start, "
            "char_end) VALUES (999, 0, 'x', 'y', 0, 1)"
        )


def test_a_command_start_loads_no_pandas_yet_pandas_still_imports_after() -> None:
    code = (
        "import sys, qualcode.store, qualcode.pipeline.run, qualcode.cli.main; "
        "print('pandas' in sys.modules); import pandas; print(pandas.Timestamp(0).year)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "1970"]
