"""Memos: a coder's or researcher's notes on the project, a transcript, a segment or a
code.  Append-only with versions: an edit (by the author only) or a deletion (by the
author or a researcher) adds a version that points at the one it replaces, so the
history stays.  Memo text is never logged nor echoed in an error.  Reasons for a
decision are the decision's own memo (``qualcode.review.decisions``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from qualcode.errors import InputError, NotFoundError
from qualcode.store import Store


class User(Protocol):
    """Who edits a memo (``qualcode.project.auth.User`` has this shape)."""

    @property
    def name(self) -> str: ...

    def has(self, role: str) -> bool: ...


TARGETS = ("project", "transcript", "segment", "code")
MAX_MEMO = 5000


@dataclass(frozen=True)
class Memo:
    id: int
    target: str
    target_id: str
    author: str
    at: str  # when the current version was written
    text: str
    version: int


def add_memo(store: Store, target: str, target_id: str, author: str, text: str) -> Memo:
    """A new memo on ``target``/``target_id`` ('' for the project)."""
    target_id = check_target(store, target, target_id)
    _check_text(text)
    with store.atomic():
        memo_id = store.memos.add_memo(target, target_id, author, text, _now())
    return get_memo(store, memo_id)


def list_memos(
    store: Store, target: str | None = None, target_id: str | None = None, coder: str | None = None
) -> list[Memo]:
    """Current memos, newest first: all, one kind's, or one target's.  ``coder`` (blind
    coding): of the memos on segments, only that coder's own (a segment memo shows how
    its author judged the segment); memos on the project, transcripts and codes are
    guidance for everyone."""
    if target is not None and target not in TARGETS:
        raise InputError("Unknown memo target.", hint=f"Use one of {', '.join(TARGETS)}.")
    found = [_memo(r) for r in store.memos.memos(target, target_id)]
    return [m for m in found if coder is None or m.target != "segment" or m.author == coder]


def get_memo(store: Store, memo_id: int) -> Memo:
    row = store.memos.memo(memo_id)
    if row is None or row["deleted"]:
        raise NotFoundError(f"No memo with id {memo_id}.")
    return _memo(row)


def edit_memo(store: Store, memo_id: int, user: User, text: str) -> Memo:
    """A new version of the memo; only its author may write one (anyone else: the
    ``NotFoundError`` of a memo that does not exist)."""
    _check_text(text)
    with store.atomic():
        row = _own(store, memo_id, user, allow_researcher=False)
        _new_version(store, row, text, False, user.name)
    return get_memo(store, memo_id)


def delete_memo(store: Store, memo_id: int, user: User) -> None:
    """Mark the memo deleted (its versions stay): its author or a researcher."""
    with store.atomic():
        row = _own(store, memo_id, user, allow_researcher=True)
        _new_version(store, row, "", True, user.name)


def versions(store: Store, memo_id: int) -> list[dict[str, Any]]:
    """Every version of a memo, oldest first (for audit and exports)."""
    return store.memos.versions(memo_id)


def check_target(store: Store, target: str, target_id: str) -> str:
    """``target_id`` normalised; ``NotFoundError`` if the thing it names does not exist."""
    if target not in TARGETS:
        raise InputError("Unknown memo target.", hint=f"Use one of {', '.join(TARGETS)}.")
    target_id = target_id.strip()
    if target == "project":
        if target_id:
            raise InputError("A project memo takes an empty target_id.")
        return ""
    if target == "code":
        if target_id not in store.codebook.code_ids():
            raise NotFoundError("No such code in this project's codebook.")
        return target_id
    if not target_id.isdigit() or not 1 <= int(target_id) < 2**63:
        raise InputError(f"A {target} memo's target_id is the {target}'s number.")
    exists = _exists(store, target, int(target_id))
    if not exists:
        raise NotFoundError(f"No {target} with id {int(target_id)}.")
    return str(int(target_id))


def _exists(store: Store, target: str, number: int) -> bool:
    if target == "segment":
        return store.segments.segment_exists(number)
    try:
        store.transcripts.transcript(number)
    except NotFoundError:
        return False
    return True


def _own(store: Store, memo_id: int, user: User, *, allow_researcher: bool) -> dict[str, Any]:
    row = store.memos.memo(memo_id)
    mine = row is not None and row["author"] == user.name
    if row is None or row["deleted"] or not (mine or (allow_researcher and user.has("researcher"))):
        raise NotFoundError(f"No memo with id {memo_id} of yours.")
    return row


def _new_version(store: Store, row: dict[str, Any], text: str, deleted: bool, by: str) -> None:
    store.memos.add_version(
        row["id"], row["version_id"], row["version"] + 1, text, deleted, by, _now()
    )


def _check_text(text: str) -> None:
    if not text.strip():
        raise InputError("The memo is empty.", hint="Write the memo's text.")
    if len(text) > MAX_MEMO:
        raise InputError(f"The memo is {len(text)} characters; the limit is {MAX_MEMO}.")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise InputError("The memo holds invalid characters (lone surrogates); send UTF-8.")


def _memo(row: dict[str, Any]) -> Memo:
    return Memo(
        row["id"], row["target"], row["target_id"], row["author"], row["at"], row["text"],
        row["version"],
    )  # fmt: skip


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
