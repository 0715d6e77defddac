"""Text helpers every stage shares: the stored layout of a transcript, content hashes and
the fingerprints that let a stage skip work whose inputs are unchanged."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from qualcode.records import RedactedTurn


def layout(turns: Sequence[RedactedTurn]) -> tuple[str, list[tuple[int, int]]]:
    """Render turns as stored text, one line per turn (``"{speaker}: {text}"`` joined by
    ``"\\n"``); return it and each turn's (start, end) text span."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for turn in turns:
        prefix = f"{turn.speaker}: "
        spans.append((pos + len(prefix), pos + len(prefix) + len(turn.text)))
        line = prefix + turn.text
        parts.append(line)
        pos += len(line) + 1
    return "\n".join(parts), spans


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(*parts: object) -> str:
    """A stable hash of JSON-able ``parts``: a stage's inputs and settings."""
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()
