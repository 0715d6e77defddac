"""Merged codes: the code each code's decisions count for now.  The review log is never
rewritten; readers resolve it with these two functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from qualcode.store import Store


def resolve_code(store: Store) -> dict[str, str]:
    """For every code id in the project, the id its decisions count for now: a merged
    code's (final) target, else itself."""
    rows = {r["id"]: r for r in store.codebook.code_records()}
    resolved: dict[str, str] = {}
    for code_id in rows:
        current, seen = code_id, {code_id}
        while rows[current]["status"] == "merged" and rows[current]["merged_into"] in rows:
            current = rows[current]["merged_into"]
            if current in seen:
                break
            seen.add(current)
        resolved[code_id] = current
    return resolved


def resolve_events(
    events: Iterable[Mapping[str, Any]], mapping: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Copies of review-log rows with ``code_id`` resolved; ``logged_code_id`` keeps the
    id as logged.  Fold these (``review.fold``) to count merged codes for their targets."""
    return [
        dict(e)
        | {"code_id": mapping.get(e["code_id"], e["code_id"]), "logged_code_id": e["code_id"]}
        for e in events
    ]
