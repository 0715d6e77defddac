"""``qualcode`` command line: a thin caller of the library (see ``common`` for exit codes)."""

from qualcode.cli import (  # noqa: F401  (registers the commands)
    backup,
    codebook,
    exports,
    main,
    members,
    redaction,
    serve,
    show,
    themes,
    trust,
    users,
)
from qualcode.cli.common import app

__all__ = ["app"]
