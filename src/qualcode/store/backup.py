"""Backups of a project or a whole workspace through SQLite's online backup API.

A backup copies each database in one read transaction while other connections go on
reading and writing (a running server, a job): in WAL mode writers never wait for it,
and the copy is the state at its start.  Copying in steps would let a busy server
restart the copy for ever, since SQLite starts again when a page changes between steps.

``backup`` writes a folder: the databases at their relative paths (``qualcode.db``,
``projects/<name>/qualcode.db``) and a manifest with each file's size and SHA-256.
``restore`` checks the manifest, each file's hash and SQLite's integrity check before
it touches the target, then copies each database into place with the same API, so a
reader never sees half a database.

Encrypted pseudonym vaults stay encrypted: the key is the user's file, never in a backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypedDict

from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.store.db import DB_NAME, utcnow

MANIFEST = "qualcode-backup.json"
FORMAT = 1
Progress = Callable[[str, int, int], None]  # (database, pages done, pages in all)


class FileMeta(TypedDict):
    bytes: int
    sha256: str


@dataclass(frozen=True)
class BackupReport:
    folder: Path
    databases: tuple[str, ...]  # relative paths
    bytes: int


def databases_of(root: Path) -> list[str]:
    """The databases of a project folder or a workspace (its own and its projects')."""
    found = [DB_NAME] if (root / DB_NAME).is_file() else []
    projects = root / "projects"
    if projects.is_dir():
        found += sorted(
            f"projects/{p.name}/{DB_NAME}" for p in projects.iterdir() if (p / DB_NAME).is_file()
        )
    if not found:
        raise NotFoundError(
            f"No qualcode project or workspace at '{root.name}'.",
            hint="Pass the project folder (or workspace root) with --project.",
        )
    return found


def backup(root: Path, dest: Path, progress: Progress | None = None) -> BackupReport:
    """Copy every database under ``root`` into the new folder ``dest``."""
    if dest.exists() and any(dest.iterdir()):
        raise ConflictError(
            f"The backup folder '{dest.name}' is not empty.",
            hint="Name a new folder for each backup.",
        )
    names = databases_of(root)
    files: dict[str, FileMeta] = {}
    for name in names:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(root / name, target, partial(_tell, progress, name))
        files[name] = {"bytes": target.stat().st_size, "sha256": _sha256(target)}
    manifest = {"format": FORMAT, "created": utcnow(), "files": files}
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return BackupReport(dest, tuple(names), sum(f["bytes"] for f in files.values()))


def restore(
    backup_dir: Path, root: Path, *, force: bool = False, progress: Progress | None = None
) -> BackupReport:
    """Put the backup in ``backup_dir`` back at ``root``; refuses to replace existing
    databases unless ``force``.  Everything is checked before anything is written."""
    files = verify(backup_dir)
    present = [n for n in files if (root / n).exists()]
    if present and not force:
        raise ConflictError(
            f"'{root.name}' already holds {len(present)} of the backup's databases.",
            hint="Stop the server, back the current state up, then restore with --force.",
        )
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        _copy(backup_dir / name, root / name, partial(_tell, progress, name))
    total = sum(f["bytes"] for f in files.values())
    return BackupReport(root, tuple(files), total)


def verify(backup_dir: Path) -> dict[str, FileMeta]:
    """The manifest's files, after checking each one's hash and integrity."""
    try:
        manifest = json.loads((backup_dir / MANIFEST).read_text(encoding="utf-8"))
        files: dict[str, FileMeta] = manifest["files"]
        if not isinstance(files, dict) or not files:
            raise TypeError("no files")
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(
            f"'{backup_dir.name}' is not a qualcode backup (no readable {MANIFEST}).",
            hint="Pass the folder that `qualcode backup` wrote.",
        ) from None
    for name, meta in files.items():
        path = backup_dir / name
        sound = isinstance(meta, dict) and isinstance(meta.get("bytes"), int)
        if (
            not sound
            or not _safe_name(name)
            or not path.is_file()
            or _sha256(path) != meta["sha256"]
        ):
            raise InputError(
                f"The backup's file '{name}' is missing or changed since the backup.",
                hint="Use another backup; this one cannot be trusted.",
            )
        _check_integrity(path, name)
    return files


def _copy(src: Path, dst: Path, step: Callable[[int, int], None]) -> None:
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        target.execute("PRAGMA busy_timeout = 5000")
        source.backup(target, pages=-1, progress=lambda _s, left, total: step(total - left, total))
    finally:
        target.close()
        source.close()


def _check_integrity(path: Path, name: str) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        ok, tables = False, set()
    finally:
        conn.close()
    if not ok or "_sqlite_migrations" not in tables:
        raise InputError(
            f"The backup's file '{name}' is not a sound qualcode database.",
            hint="Use another backup; this one cannot be trusted.",
        )


def _safe_name(name: str) -> bool:
    parts = Path(name).parts
    return bool(parts) and parts[-1] == DB_NAME and ".." not in parts and not os.path.isabs(name)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tell(progress: Progress | None, name: str, done: int, total: int) -> None:
    if progress is not None:
        progress(name, done, total)
