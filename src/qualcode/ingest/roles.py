"""Speaker labels that name a role, not a person: one definition for ingest and redaction.

``is_role_label``: a label ingest accepts in the dash form (``MODERATOR - text``):
a role word with an optional number, or a code such as ``P3``.  ``names_nobody``: a
label the redactor keeps as it is because it identifies nobody; it also accepts group
words ("All", "Woman 2"), single letters ("M", "R") and ``PROSE_LABEL`` ("Text"), the
speaker ingest gives to the paragraphs of a file without speaker labels.
"""

from __future__ import annotations

import re

ROLE_WORDS = (
    r"moderator|co-moderator|facilitator|interviewer|interviewee|int|resp|mod|fac|respondent"
    r"|participant|speaker|note[- ]?taker|translator|interpreter|observer"
    r"|(?:(?:facilitator|moderator|observer|interviewer)['’]s\s+|field\s+)?notes?"
)
GROUP_WORDS = r"all|several|group|unknown|unidentified|voice|woman|man|female|male|youth"
PROSE_LABEL = "Text"
"""Speaker of every paragraph of a file without speaker labels (notes, summaries)."""
NUMBER = r"(?:\s*[#№]?\s*\d+[a-z]?)?"
CODE = r"[a-z]{1,2}\d+"

ROLE_LABEL = re.compile(rf"(?:{ROLE_WORDS}){NUMBER}|{CODE}", re.IGNORECASE)
NAMES_NOBODY = re.compile(
    rf"(?:{ROLE_WORDS}|{GROUP_WORDS}|{PROSE_LABEL}|[a-z]){NUMBER}(?:\s*\(.*\))?|{CODE}",
    re.IGNORECASE,
)


def is_role_label(label: str) -> bool:
    return bool(ROLE_LABEL.fullmatch(" ".join(label.split())))


def names_nobody(label: str) -> bool:
    return bool(NAMES_NOBODY.fullmatch(label.strip()))
