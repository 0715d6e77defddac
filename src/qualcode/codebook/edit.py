"""Edit a project's codebook with history: add, edit, retire, restore and merge codes.

A code's id is stable.  Every change is a new version of the code, kept in an append-only
history, so a decision in the review log keeps meaning what the code meant when it was
made (:func:`code_at`).  Retired and merged codes stay in the project for old decisions
but leave the codebook the pipeline suggests from.  A merge rewrites nothing:
``codebook.merges.resolve_code`` maps each code to the code it now counts for, and
``review.decisions.resolved_state`` folds the review log with that mapping applied.

Validation is the codebook loader's own: the codebook as it would stand after a change
must pass :func:`~qualcode.codebook.load.parse_codebook` (fields, ids, parents, cycles), and
the error names the code and field at fault.  Edits take the version the user last saw
(``expected_version``); a stale one is a ConflictError naming the current version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from qualcode.codebook.load import parse_codebook
from qualcode.codebook.translations import code_to_dict
from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.records import Code, to_code_texts
from qualcode.store import Store
from qualcode.store.codebook_history import CodeChange, code_content, history_now

MAX_NOTE = 5000


@dataclass(frozen=True)
class CodeState:
    """A code as it stands now: ``status`` is active, retired or merged."""

    code: Code
    status: str
    version: int
    merged_into: str | None = None


@dataclass(frozen=True)
class CodeVersion:
    """One entry of a code's history: the code as it stood from ``at`` on."""

    code: Code
    version: int
    action: str  # add | edit | merge | retire | restore
    status: str
    user: str
    at: str
    note: str = ""
    merged_into: str | None = None


# reading ----------------------------------------------------------------------
def get_code(store: Store, code_id: str) -> CodeState:
    row = store.codebook.code_record(code_id)
    if row is None:
        raise NotFoundError(
            f"No code '{code_id}' in this project.",
            hint="Check the id against the project's codebook (ids are lower-case, "
            "e.g. 'labour_migration').",
        )
    code = _code(row["id"], code_content(row))
    return CodeState(code, row["status"], row["version"], row["merged_into"])


def list_codes(store: Store, *, include_inactive: bool = False) -> list[CodeState]:
    """The codebook's codes in order, then (``include_inactive``) retired and merged ones."""
    active = [c["id"] for c in store.codebook.current_codebook_content()["codes"]]
    others = [r["id"] for r in store.codebook.code_records() if r["status"] != "active"]
    return [get_code(store, i) for i in active + (others if include_inactive else [])]


def code_history(store: Store, code_id: str) -> list[CodeVersion]:
    """Every version of a code, oldest first."""
    get_code(store, code_id)
    keys = ("version", "action", "status", "user", "at", "merged_into")
    return [
        CodeVersion(_code(code_id, r["content"]), note=r["note"] or "", **{k: r[k] for k in keys})
        for r in store.codebook.code_history_rows(code_id)
    ]


def code_at(store: Store, code_id: str, at: str | datetime) -> CodeVersion:
    """The version of a code in force at ``at`` (e.g. a review decision's time)."""
    when = _instant(at)
    history = code_history(store, code_id)
    earlier = [v for v in history if _instant(v.at) <= when]
    if not earlier:
        first = f"; its first version is from {history[0].at}" if history else ""
        raise NotFoundError(f"Code '{code_id}' did not exist yet at {at}{first}.")
    return earlier[-1]


# changing ---------------------------------------------------------------------
def add_code(store: Store, code: Code | Mapping[str, Any], user: str, note: str = "") -> CodeState:
    """Add a new code (a ``Code`` or a mapping with the fields of a codebook file)."""
    who = _who(user, note)
    raw = _raw(code) if isinstance(code, Code) else _lists(code)
    code_id = raw_id if isinstance(raw_id := raw.get("id"), str) else "(no id)"
    if (row := store.codebook.code_record(code_id)) is not None:
        advice = "edit it" if row["status"] == "active" else "restore it"
        raise ConflictError(
            f"Code '{code_id}' already exists ({row['status']}); {advice}, or choose another id."
        )
    codes = [*store.codebook.current_codebook_content()["codes"], raw]
    new = _check(store, codes, code_id, "adding")[code_id]
    return _commit(store, CodeState(new, "active", 1), "add", who)


def edit_code(
    store: Store,
    code_id: str,
    changes: Mapping[str, Any],
    user: str,
    expected_version: int,
    note: str = "",
) -> CodeState:
    """Change some fields of an active code (label, definition, inclusion, exclusion,
    examples, keywords, parent).  An edit that changes nothing writes nothing."""
    who = _who(user, note)
    state = _expect(store, code_id, expected_version)
    if state.status != "active":
        raise ConflictError(f"Code '{code_id}' is {state.status}; restore it before editing.")
    if "id" in changes:
        raise InputError(
            f"A code's id cannot change (field 'id' of '{code_id}'); add a code with the new "
            "id and merge this one into it."
        )
    raw = _raw(state.code) | _lists(changes)
    codes = [
        raw if c["id"] == code_id else c for c in store.codebook.current_codebook_content()["codes"]
    ]
    new = _check(store, codes, code_id, "editing")[code_id]
    if new == state.code:
        return state
    return _commit(store, CodeState(new, "active", state.version + 1), "edit", who)


def retire_code(
    store: Store, code_id: str, user: str, note: str = "", *, expected_version: int | None = None
) -> CodeState:
    """Take a code out of the codebook; decisions that name it keep their meaning."""
    who = _who(user, note)
    state = _expect(store, code_id, expected_version)
    if state.status != "active":
        raise ConflictError(f"Code '{code_id}' is already {state.status}.")
    _leave(store, code_id, "retiring")
    return _commit(store, CodeState(state.code, "retired", state.version + 1), "retire", who)


def restore_code(
    store: Store, code_id: str, user: str, note: str = "", *, expected_version: int | None = None
) -> CodeState:
    """Put a retired or merged code back into the codebook (a merge is undone: its
    decisions count for it again)."""
    who = _who(user, note)
    state = _expect(store, code_id, expected_version)
    if state.status == "active":
        raise ConflictError(f"Code '{code_id}' is already active.")
    codes = [*store.codebook.current_codebook_content()["codes"], _raw(state.code)]
    _check(store, codes, code_id, "restoring")
    return _commit(store, CodeState(state.code, "active", state.version + 1), "restore", who)


def merge_codes(
    store: Store,
    source_id: str,
    target_id: str,
    user: str,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> CodeState:
    """Merge ``source_id`` into ``target_id``: the source leaves the codebook and its
    decisions count for the target (see ``codebook.merges.resolve_code``).  Returns the source."""
    who = _who(user, note)
    if source_id == target_id:
        raise InputError(f"Cannot merge code '{source_id}' into itself; choose another target.")
    state = _expect(store, source_id, expected_version)
    target = get_code(store, target_id)
    for code_id, status in ((source_id, state.status), (target_id, target.status)):
        if status != "active":
            raise InputError(
                f"Cannot merge: code '{code_id}' is {status}; restore it first or choose an "
                "active code."
            )
    _leave(store, source_id, "merging")
    merged = CodeState(state.code, "merged", state.version + 1, target_id)
    return _commit(store, merged, "merge", who)


# helpers ----------------------------------------------------------------------
def _code(code_id: str, content: Mapping[str, Any]) -> Code:
    lists = {"examples": tuple(content["examples"]), "keywords": tuple(content["keywords"])}
    texts = to_code_texts(content.get("translations") or {})
    return Code(id=code_id, **(dict(content) | lists | {"translations": texts}))


def _raw(code: Code) -> dict[str, Any]:
    """A code as a codebook file writes it."""
    return code_to_dict(code)


def _lists(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}


def _who(user: str, note: str) -> tuple[str, str]:
    if not isinstance(user, str) or not user.strip():
        raise InputError("A codebook change needs the user's name or id.")
    if len(note) > MAX_NOTE:
        raise InputError(f"The note is {len(note)} characters; the limit is {MAX_NOTE}.")
    return user.strip(), note


def _expect(store: Store, code_id: str, expected_version: int | None) -> CodeState:
    """The code now, refused when the caller's ``expected_version`` is stale."""
    state = get_code(store, code_id)
    if expected_version is None:
        return state
    if isinstance(expected_version, bool) or not isinstance(expected_version, int):
        raise InputError(f"expected_version must be a whole number; got {expected_version!r}.")
    if expected_version != state.version:
        raise store.codebook.stale_version(code_id, expected_version)
    return state


def _check(store: Store, codes: list[dict[str, Any]], code_id: str, doing: str) -> dict[str, Code]:
    """Load the codebook as it would stand with the loader's rules; its codes, normalised."""
    content = store.codebook.current_codebook_content() | {"codes": codes}
    book = parse_codebook(content, source=f"after {doing} code '{code_id}'")
    return {c.id: c for c in book.codes}


def _leave(store: Store, code_id: str, doing: str) -> None:
    """Check the codebook stays valid without ``code_id``: no active child names it."""
    codes = store.codebook.current_codebook_content()["codes"]
    children = [c["id"] for c in codes if c["parent"] == code_id]
    if children:
        raise InputError(
            f"Code '{code_id}' is the parent of {', '.join(map(repr, children))}; give them "
            "another parent (edit_code) or retire them first."
        )
    _check(store, [c for c in codes if c["id"] != code_id], code_id, doing)


def _commit(store: Store, new: CodeState, action: str, who: tuple[str, str]) -> CodeState:
    """Write ``new`` (the code's next version) and its history entry."""
    content = {k: v for k, v in _raw(new.code).items() if k != "id"}
    (user, note), at, into = who, history_now(), new.merged_into
    change = CodeChange(new.code.id, action, content, new.status, new.version, user, at, note, into)
    store.codebook.write_code_change(change, target=into)
    return new


def _instant(value: str | datetime) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise InputError(
                f"'{value}' is not an ISO 8601 timestamp; use e.g. 2024-05-14T10:00:00+00:00."
            ) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
