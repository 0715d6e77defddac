"""Optional encrypted key for authorised re-identification (cryptography's Fernet).

Without a key, qualcode keeps no original-to-pseudonym mapping at all.  With one, the
originals behind each pseudonym are encrypted with the user's key at ingest and stored
as opaque tokens; the key itself lives outside the project (a file the user keeps, or
the ``QUALCODE_KEY`` environment variable) and is never stored or logged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import ConfigError, InputError

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

KEY_ENV = "QUALCODE_KEY"


def new_key(path: Path) -> None:
    """Write a fresh key to ``path`` (readable by the owner only); never overwrite one."""
    from cryptography.fernet import Fernet

    if path.exists():
        raise InputError(
            f"{path} already exists; not overwriting a key.",
            hint="Choose another path: losing a key makes its mappings unreadable.",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(Fernet.generate_key())


def load_key(path: Path | None = None) -> Fernet | None:
    """The user's key from ``path``, else from ``$QUALCODE_KEY``; None when neither is set."""
    from cryptography.fernet import Fernet

    if path is not None:
        try:
            raw = path.read_bytes().strip()
        except OSError as err:
            raise ConfigError(
                f"Cannot read the key file {path} ({err.strerror}).",
                hint="Give the file written by `qualcode key new`.",
            ) from None
        where = f"the key file {path}"
    elif os.environ.get(KEY_ENV):
        raw, where = os.environ[KEY_ENV].strip().encode(), f"${KEY_ENV}"
    else:
        return None
    try:
        return Fernet(raw)
    except ValueError:
        raise ConfigError(
            f"{where} does not hold a valid key.",
            hint="Create one with `qualcode key new FILE`; it is 44 url-safe base64 characters.",
        ) from None


def seal(key: Fernet, originals: dict[str, list[str]]) -> dict[str, str]:
    """pseudonym -> token; each token encrypts that pseudonym's original strings."""
    return {p: key.encrypt(json.dumps(v).encode()).decode() for p, v in originals.items()}


def unseal(key: Fernet, token: str) -> list[str]:
    from cryptography.fernet import InvalidToken

    try:
        return list(json.loads(key.decrypt(token.encode())))
    except InvalidToken:
        raise ConfigError(
            "This key does not open the project's redaction mapping.",
            hint="Use the key that was given when these transcripts were ingested.",
        ) from None
