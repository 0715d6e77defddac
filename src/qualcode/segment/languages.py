"""Detect the language of every turn and segment that has none yet (``languages.detect``)."""

from __future__ import annotations

from qualcode.languages import detect
from qualcode.store import Store


def detect_languages(store: Store) -> int:
    """Detect and store the missing languages; return how many rows got one."""
    done = 0
    for table in ("turns", "segments"):
        rows = store.languages.undetected(table)
        if rows:
            store.languages.set_languages(table, {i: detect(text) for i, text in rows})
            done += len(rows)
    return done
