"""``qualcode`` command line: a thin caller of the library (see ``common`` for exit codes)."""

from qualcode.cli import backup, codebook, exports, main, redaction, serve, themes, trust, users  # noqa: F401  (registers the commands)
from qualcode.cli.common import app

__all__ = ["app"]
