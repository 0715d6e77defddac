"""The redact stage.  Runs before anything is stored, embedded or logged."""

from qualcode.redact.redactor import Redactor, RuleRedactor

__all__ = ["Redactor", "RuleRedactor"]
