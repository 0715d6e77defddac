"""Writing export files safely: whole or not at all, and only text XML can hold.

Every export (XLSX, DOCX, HTML, REFI-QDA) goes through :func:`write_atomic`: the bytes
go to a temporary file in the same folder, which is then renamed over the target, so a
failure never leaves half a file where an earlier export was.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# everything outside XML 1.0's Char production (control characters, lone surrogates)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    """``value`` as text XML 1.0 can hold: control characters it forbids are dropped."""
    return _NOT_XML.sub("", str(value))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
