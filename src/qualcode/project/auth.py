"""Users, roles, API tokens and the audit log of writes (the rules; SQL is in ``store.auth``).

Roles (a user may hold several):

* ``researcher``: upload and process transcripts, review redactions, edit the codebook;
* ``coder``: review suggested codes;
* ``analyst``: read results and export;
* ``admin``: manage users and tokens, and nothing else: an admin is *not* implicitly a
  researcher, coder or analyst.  Give an admin those roles explicitly when needed, so
  that the audit log shows who could see and change the data.

A token is ``qc_`` plus 43 url-safe characters.  It is shown once, when issued; the
store keeps only its sha256 and its first 8 characters (for listing and revoking).
Secrets never go into logs, exceptions or the audit log, and audit details carry names,
ids and counts, never transcript text.  Every write here records an audit entry in the
same transaction; ``actor`` is the acting user (or ``"cli"`` for the command line, which
is trusted: whoever can open the project folder can already read the database).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from qualcode.errors import AuthError, ConflictError, ForbiddenError, InputError, NotFoundError

if TYPE_CHECKING:
    from qualcode.store import Store

ROLES = ("researcher", "coder", "analyst", "admin")
TOKEN_PREFIX = "qc_"
PREFIX_LEN = 8
MAX_NAME = 64
RESERVED_NAMES = frozenset({"cli"})
TOUCH_EVERY = timedelta(minutes=1)
SECRET_KEYS = frozenset({"token", "secret", "password", "text", "key"})
MAX_DETAIL_STRING = 200
TOKEN_LIKE = re.compile(rf"{TOKEN_PREFIX}[A-Za-z0-9_-]{{20,}}")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    roles: tuple[str, ...]
    disabled: bool = False
    created_at: str = ""

    def has(self, role: str) -> bool:
        return role in self.roles

    def has_any(self, roles: Iterable[str]) -> bool:
        return any(self.has(r) for r in roles)


@dataclass(frozen=True)
class TokenInfo:
    """A token as listed: never the secret nor its hash."""

    id: int
    user: str
    prefix: str
    label: str
    created_at: str
    revoked_at: str | None = None
    last_used_at: str | None = None


Actor = User | str


# validation -------------------------------------------------------------------------
def validate_name(name: str, what: str = "User name") -> str:
    """1-64 printable characters, no control characters, no surrounding spaces."""
    if not 1 <= len(name) <= MAX_NAME:
        raise InputError(f"{what} must be 1-{MAX_NAME} characters long (got {len(name)}).")
    if not name.isprintable() or name != name.strip():
        raise InputError(
            f"{what} {name!r} has control characters or surrounding spaces.",
            hint="Use letters, digits, spaces inside, and punctuation only.",
        )
    return name


def validate_roles(roles: Iterable[str]) -> tuple[str, ...]:
    wanted = {r.strip().lower() for r in roles}
    unknown = sorted(wanted - set(ROLES))
    if unknown:
        raise InputError(f"Unknown role(s): {', '.join(unknown)}.", hint=f"Use {', '.join(ROLES)}.")
    if not wanted:
        raise InputError("A user needs at least one role.", hint=f"Use {', '.join(ROLES)}.")
    return tuple(r for r in ROLES if r in wanted)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# users ------------------------------------------------------------------------------
def _to_user(row: Mapping[str, Any]) -> User:
    roles = tuple(r for r in ROLES if r in row["roles"])
    return User(row["id"], row["name"], roles, bool(row["disabled"]), row["created_at"])


def get_user(store: Store, name: str) -> User:
    row = store.auth.user_row(name)
    if row is None:
        raise NotFoundError(f"No user called {name!r}.", hint="See `qualcode users list`.")
    return _to_user(row)


def list_users(store: Store) -> list[User]:
    return [_to_user(r) for r in store.auth.user_rows()]


def create_user(store: Store, name: str, roles: Iterable[str], *, actor: Actor = "cli") -> User:
    validate_name(name)
    if name.lower() in RESERVED_NAMES:
        raise InputError(f"{name!r} is reserved: it marks command-line entries in the audit log.")
    wanted = validate_roles(roles)
    with store.atomic():
        if store.auth.user_row(name) is not None:
            raise ConflictError(f"A user called {name!r} already exists.")
        store.auth.add_user(name, wanted)
        audit(store, actor, "user.create", f"user:{name}", {"roles": list(wanted)})
    return get_user(store, name)


def create_admin(
    store: Store, name: str, label: str = "first token", *, actor: Actor = "cli"
) -> tuple[User, str]:
    """The first admin and their token (shown once); refused while an enabled admin exists."""
    with store.atomic():
        if store.auth.count_enabled_with_role("admin"):
            raise ConflictError(
                "This project already has an admin.",
                hint="An admin adds users with `qualcode users add NAME --role ...`.",
            )
        user = create_user(store, name, ["admin"], actor=actor)
        token = issue_token(store, user.name, label, actor=actor)
    return user, token


def set_roles(store: Store, name: str, roles: Iterable[str], *, actor: Actor = "cli") -> User:
    wanted = validate_roles(roles)
    user = get_user(store, name)
    with store.atomic():
        store.auth.set_user_roles(user.id, wanted)
        audit(store, actor, "user.roles", f"user:{user.name}", {"roles": list(wanted)})
    return get_user(store, name)


def set_disabled(store: Store, name: str, disabled: bool, *, actor: Actor = "cli") -> User:
    """Disable (or re-enable) a user: their tokens stop working but stay listed."""
    user = get_user(store, name)
    with store.atomic():
        store.auth.set_user_disabled(user.id, disabled)
        action = "user.disable" if disabled else "user.enable"
        audit(store, actor, action, f"user:{user.name}", {})
    return get_user(store, name)


# tokens -----------------------------------------------------------------------------
def issue_token(store: Store, user_name: str, label: str = "", *, actor: Actor = "cli") -> str:
    """A new token for ``user_name``; the returned secret is not stored and not shown again."""
    if label:
        validate_name(label, "Token label")
    user = get_user(store, user_name)
    if user.disabled:
        raise ConflictError(f"User {user.name!r} is disabled.", hint="Enable them first.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    prefix = token[:PREFIX_LEN]
    with store.atomic():
        store.auth.add_token(user.id, hash_token(token), prefix, label)
        detail = {"user": user.name, "label": label}
        audit(store, actor, "token.issue", f"token:{prefix}", detail)
    return token


def list_tokens(store: Store, user_name: str | None = None) -> list[TokenInfo]:
    user_id = get_user(store, user_name).id if user_name else None
    return [_to_token(r) for r in store.auth.token_rows(user_id=user_id)]


def revoke_token(store: Store, prefix: str, *, actor: Actor = "cli") -> TokenInfo:
    """Revoke the token listed with ``prefix`` (its first 8 characters) or given whole."""
    token = _find_token(store, prefix.strip())
    if token.revoked_at:
        raise ConflictError(f"Token {token.prefix} was already revoked at {token.revoked_at}.")
    with store.atomic():
        store.auth.revoke_token_row(token.id)
        audit(store, actor, "token.revoke", f"token:{token.prefix}", {"user": token.user})
    return _find_token(store, token.prefix, token.id)


def authenticate(store: Store, token: str | None) -> User:
    """The user a token belongs to; ``AuthError`` when missing, unknown, revoked or disabled."""
    if not token or not token.strip():
        raise AuthError("No API token given.", hint="Ask an admin for one (`qualcode token new`).")
    row = store.auth.token_by_hash(hash_token(token.strip()))
    if row is None:
        raise AuthError(
            "Unknown API token.", hint="Check it was copied whole, or ask for a new one."
        )
    if row["revoked_at"]:
        raise AuthError("This API token was revoked.", hint="Ask an admin for a new one.")
    if row["user_disabled"]:
        raise AuthError(f"User {row['user_name']!r} is disabled.", hint="Ask an admin.")
    now = datetime.now(UTC)
    stale_before = _iso(now - TOUCH_EVERY)
    # every request authenticates: write (and so take the workspace's write lock) only
    # when the recorded use is stale, not on each of a busy client's requests
    if row["last_used_at"] is None or row["last_used_at"] < stale_before:
        store.auth.touch_token(row["id"], _iso(now), stale_before)
    return get_user(store, row["user_name"])


def require(user: User, role: str) -> None:
    """Raise ``ForbiddenError`` unless ``user`` holds ``role`` (admin does not imply others)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if not user.has(role):
        raise ForbiddenError(
            f"User {user.name!r} lacks the {role} role.",
            hint="Ask an admin to grant it (`qualcode users roles NAME --role ...`).",
        )


def require_any(user: User, roles: Iterable[str], why: str = "") -> None:
    """Raise ``ForbiddenError`` unless ``user`` holds one of ``roles``."""
    roles = tuple(roles)
    if not user.has_any(roles):
        raise ForbiddenError(why or f"This needs the role {' or '.join(roles)}.")


def require_member(home: Store, user: User, project: str) -> None:
    """Raise ``ForbiddenError`` unless ``user`` is a member of ``project``."""
    if not home.auth.is_member(user.name, project):
        raise ForbiddenError(f"You are not a member of project '{project}'.")


def blind_view(store: Store, user: User) -> str | None:
    """Under blind coding a coder sees only their own decisions: the coder's name then,
    else None (researchers and analysts, and every coder when the project is not blind,
    see all decisions)."""
    blind = store.settings.get_setting("blind_coding", "false") == "true"
    return user.name if blind and not user.has_any(("researcher", "analyst")) else None


def _find_token(store: Store, prefix: str, token_id: int | None = None) -> TokenInfo:
    if len(prefix) > PREFIX_LEN:  # a whole token: match its hash, never echo it
        row = store.auth.token_by_hash(hash_token(prefix))
        rows = [row] if row else []
        shown = "given"
    else:
        rows = store.auth.token_rows(prefix=prefix)
        shown = f"with prefix {prefix!r}"
    tokens = [_to_token(r) for r in rows if token_id is None or r["id"] == token_id]
    if not tokens:
        raise NotFoundError(f"No token {shown}.", hint="See `qualcode token list`.")
    active = [t for t in tokens if not t.revoked_at] or tokens
    if len(active) > 1:
        raise ConflictError(f"{len(active)} tokens match {prefix!r}.", hint="Give the whole token.")
    return active[0]


def _to_token(row: Mapping[str, Any]) -> TokenInfo:
    return TokenInfo(
        row["id"],
        row["user_name"],
        row["prefix"],
        row["label"] or "",
        row["created_at"],
        row["revoked_at"],
        row["last_used_at"],
    )


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# audit ------------------------------------------------------------------------------
def audit(
    store: Store, user: Actor, action: str, target: str, detail: Mapping[str, Any] | None = None
) -> None:
    """Append an audit entry.  ``detail`` holds names, ids and counts: keys that suggest a
    secret or text, long strings and token-like values are refused (``ValueError``)."""
    detail = dict(detail or {})
    _check_detail(detail)
    name = user.name if isinstance(user, User) else user
    store.auth.add_audit(
        name, action, target, json.dumps(detail, ensure_ascii=False, sort_keys=True)
    )


def audit_log(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Audit entries, newest first, with ``detail`` decoded."""
    return [{**r, "detail": json.loads(r["detail"] or "{}")} for r in store.auth.audit_rows(limit)]


def _check_detail(detail: Mapping[str, Any]) -> None:
    for key, value in detail.items():
        values = value if isinstance(value, list | tuple) else [value]
        if key.lower() in SECRET_KEYS:
            raise ValueError(f"audit detail may not carry {key!r}")
        for v in values:
            if isinstance(v, str) and (len(v) > MAX_DETAIL_STRING or TOKEN_LIKE.search(v)):
                raise ValueError(f"audit detail {key!r} looks like text or a secret")
