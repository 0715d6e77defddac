"""qualcode's exception hierarchy.

Every error a user can cause is a :class:`QualcodeError` whose message names the file,
field or value at fault and says what to do.  Callers (CLI, HTTP API) map the subclasses
to exit codes or HTTP status codes in one place each.

Messages never carry original participant names: redaction happens before anything that
could fail with user text in hand, and callers must not interpolate raw transcript text.
"""

from __future__ import annotations


class QualcodeError(Exception):
    """Base class: something the user can fix; ``str(err)`` says what and how."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} {hint}" if hint else message)


class InputError(QualcodeError):
    """A file, field or value supplied by the user is unusable."""

    exit_code = 2


class IngestError(InputError):
    """A transcript file cannot be read into turns."""


class CodebookError(InputError):
    """A codebook file is malformed or a code is invalid."""


class ConfigError(InputError):
    """A setting (model path, project option) is invalid."""


class NotFoundError(QualcodeError):
    """A project, transcript, segment or code id does not exist."""

    exit_code = 3


class ConflictError(QualcodeError):
    """The request conflicts with stored state (e.g. a duplicate or stale version)."""

    exit_code = 4


class PipelineError(QualcodeError):
    """A pipeline stage failed; the store is left as it was before the stage."""

    exit_code = 5


class AuthError(QualcodeError):
    """No usable credentials: a missing, unknown or revoked token, or a disabled user (401)."""

    exit_code = 6


class ForbiddenError(QualcodeError):
    """The user is known but lacks the role the action needs (403)."""

    exit_code = 7
