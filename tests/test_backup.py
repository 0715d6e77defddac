"""Backups through SQLite's online backup: consistent while written to, checked before a
restore touches anything, for a project or a whole workspace."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualcode.cli import app
from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.store import Store
from qualcode.store.backup import MANIFEST, backup, restore


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def project(path: Path, n: int = 3) -> Path:
    store = Store(path, create=True)
    store.settings.set_settings({f"k{i}": str(i) for i in range(n)})
    store.close()
    return path


def test_a_restored_project_equals_the_original(tmp_path: Path) -> None:
    original = project(tmp_path / "p")
    report = backup(original, tmp_path / "b")
    restore(tmp_path / "b", tmp_path / "r")
    assert report.databases == ("qualcode.db",)
    assert dump(tmp_path / "r" / "qualcode.db") == dump(original / "qualcode.db")


def test_a_backup_taken_during_writes_is_one_consistent_state(tmp_path: Path) -> None:
    original = project(tmp_path / "p", n=0)
    Store(original).settings.set_settings({"padding": "x" * 6_000_000})  # many pages
    stop, written = threading.Event(), []

    def writer() -> None:
        store = Store(original)
        while not stop.is_set() and len(written) < 5000:
            store.settings.set_settings({f"k{len(written)}": "v"})  # one transaction each
            written.append(1)
        store.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backup(original, tmp_path / "b")
    finally:
        stop.set()
        thread.join()
    assert written  # the writer ran while the backup was taken
    conn = sqlite3.connect(tmp_path / "b" / "qualcode.db")
    keys = {r[0] for r in conn.execute("SELECT key FROM settings WHERE key LIKE 'k%'")}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert keys == {f"k{i}" for i in range(len(keys))}  # a prefix of the writes: no gaps


def test_a_workspace_is_backed_up_with_all_its_projects(tmp_path: Path) -> None:
    root = project(tmp_path / "ws")
    for name in ("alpha", "beta"):
        project(root / "projects" / name)
    report = backup(root, tmp_path / "b")
    assert report.databases == (
        "qualcode.db",
        "projects/alpha/qualcode.db",
        "projects/beta/qualcode.db",
    )
    restore(tmp_path / "b", tmp_path / "again")
    for name in report.databases:
        assert dump(tmp_path / "again" / name) == dump(root / name)


def test_a_changed_backup_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    backup(project(tmp_path / "p"), tmp_path / "b")
    with (tmp_path / "b" / "qualcode.db").open("r+b") as handle:
        handle.seek(5000)
        handle.write(b"\xff" * 64)
    with pytest.raises(InputError, match="changed since the backup"):
        restore(tmp_path / "b", tmp_path / "r")
    assert not (tmp_path / "r").exists()


def test_a_manifest_cannot_point_outside_the_target(tmp_path: Path) -> None:
    backup(project(tmp_path / "p"), tmp_path / "b")
    manifest = json.loads((tmp_path / "b" / MANIFEST).read_text())
    manifest["files"] = {"../../evil/qualcode.db": manifest["files"]["qualcode.db"]}
    (tmp_path / "b" / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(InputError):
        restore(tmp_path / "b", tmp_path / "r")
    for files in ([], {"qualcode.db": "x"}, {}):
        (tmp_path / "b" / MANIFEST).write_text(json.dumps({"files": files}))
        with pytest.raises(InputError):
            restore(tmp_path / "b", tmp_path / "r")
    assert not (tmp_path / "r").exists()


def test_nothing_is_overwritten_without_force(tmp_path: Path) -> None:
    original = project(tmp_path / "p", n=2)
    backup(original, tmp_path / "b")
    project(tmp_path / "other", n=5)
    with pytest.raises(ConflictError):
        restore(tmp_path / "b", tmp_path / "other")
    with pytest.raises(ConflictError):
        backup(original, tmp_path / "b")  # the folder holds a backup already
    restore(tmp_path / "b", tmp_path / "other", force=True)
    assert dump(tmp_path / "other" / "qualcode.db") == dump(original / "qualcode.db")


def test_the_cli_backs_up_restores_and_exits_with_its_codes(tmp_path: Path) -> None:
    original = project(tmp_path / "p")
    runner = CliRunner()
    ok = runner.invoke(app, ["backup", str(tmp_path / "b"), "-p", str(original)])
    assert ok.exit_code == 0 and "Backed up 1 database" in ok.output
    again = runner.invoke(app, ["restore", str(tmp_path / "b"), "-p", str(original)])
    assert again.exit_code == ConflictError.exit_code
    missing = runner.invoke(app, ["backup", str(tmp_path / "c"), "-p", str(tmp_path / "no")])
    assert missing.exit_code == NotFoundError.exit_code
    assert "Traceback" not in missing.output
