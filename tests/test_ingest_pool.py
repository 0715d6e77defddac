"""A large batch is read and redacted by worker processes: the same stored result as
one process, in the same order, with duplicates and bad files reported as there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import DEMO_CORPUS
from qualcode import ingest
from qualcode.pipeline.ingest import IngestReport, ingest_paths
from qualcode.redact import pool
from qualcode.store import Store

FILES = ("fergana_women.txt", "jizzakh_women.txt", "jizzakh_youth.vtt", "tashkent_women.md")


def _batch(folder: Path) -> Path:
    folder.mkdir()
    for name in FILES:
        shutil.copy(DEMO_CORPUS / name, folder / name)
        meta = DEMO_CORPUS / (name.split(".")[0] + ".meta.yaml")
        if meta.exists():
            shutil.copy(meta, folder / meta.name)
    (folder / "empty.txt").write_text("   \n\n")
    shutil.copy(DEMO_CORPUS / FILES[0], folder / "copy_of_first.txt")  # twice in the batch
    return folder


def _ingest(root: Path, batch: Path, min_bytes: int, monkeypatch: pytest.MonkeyPatch) -> tuple:
    monkeypatch.setattr(pool, "MIN_BYTES", min_bytes)
    store = Store(root, create=True)
    first = ingest_paths(store, [DEMO_CORPUS / FILES[1]])  # already stored: not re-sent
    report = ingest_paths(store, [batch])
    rows = [
        ({k: v for k, v in t.items() if k not in ("id", "created_at", "ingested_at")},
         store.transcripts.turns(t["id"]), store.transcripts.redactions(t["id"]))
        for t in store.transcripts.transcripts()
    ]  # fmt: skip
    store.close()
    return first, report, rows


def _summary(report: IngestReport) -> tuple:
    return report.added, report.duplicates, report.errors, report.notices, report.kept_places


def test_workers_store_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = _batch(tmp_path / "batch")
    monkeypatch.setattr(pool, "default_workers", lambda: 2)
    _, serial, serial_rows = _ingest(tmp_path / "one", batch, 10**12, monkeypatch)
    _, pooled, pooled_rows = _ingest(tmp_path / "pool", batch, 0, monkeypatch)
    assert _summary(pooled) == _summary(serial)
    assert pooled_rows == serial_rows and len(pooled_rows) == 4
    assert pooled.duplicates == ["fergana_women.txt", "jizzakh_women.txt"]  # in file order
    assert len(pooled.errors) == 1 and "empty.txt" in pooled.errors[0]


def test_a_small_batch_or_one_core_stays_in_process(tmp_path: Path) -> None:
    files = [DEMO_CORPUS / n for n in FILES]
    assert not pool.worth_a_pool(files, 2)  # the demo files are far below MIN_BYTES
    assert not pool.worth_a_pool(files * 100, 1)
    assert not pool.worth_a_pool(files[:1], 8)


def test_workers_follow_the_cores_up_to_a_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert pool.default_workers() == pool.MAX_WORKERS
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert pool.default_workers() == 2


def test_content_hash_is_the_one_read_transcript_gives(tmp_path: Path) -> None:
    path = tmp_path / "fg.txt"
    path.write_text("Moderator: Hello.\nP1: Hi.\n", encoding="utf-8")
    assert ingest.content_hash(path) == ingest.read_transcript(path).content_hash
    assert ingest.content_hash(path, max_bytes=5) is None  # refused as too large
    assert ingest.content_hash(tmp_path) is None  # a folder
    assert ingest.content_hash(tmp_path / "gone.txt") is None
