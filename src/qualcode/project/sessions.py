"""Web sign-in sessions: the browser's cookie carries a short-lived random session id,
never the long-lived API token it was opened with.

A session lasts ``SESSION_TTL`` (8 hours, a working day) and ends early on sign-out; it
also stops working the moment its token is revoked or its user disabled, since every
look-up checks both.  Only the session id's sha256 is stored, like tokens'.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from qualcode.errors import AuthError
from qualcode.project.auth import User, audit, authenticate, get_user, hash_token
from qualcode.store import Store

SESSION_TTL = timedelta(hours=8)
SESSION_PREFIX = "qs_"
MAX_SESSION_ID = 100


def start_session(store: Store, token: str, ttl: timedelta = SESSION_TTL) -> tuple[str, User]:
    """Open a session for the holder of ``token`` (``AuthError`` if it is not valid);
    returns the session id, to go into the cookie and nowhere else."""
    user = authenticate(store, token)
    row = store.auth.token_by_hash(hash_token(token.strip()))
    assert row is not None  # authenticate found it
    session = SESSION_PREFIX + secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + ttl
    with store.atomic():
        store.sessions.add_session(hash_token(session), row["id"], _iso(expires))
        audit(store, user, "session.start", f"token:{row['prefix']}")
    return session, user


def session_user(store: Store, session: str | None) -> User:
    """The user of an open session; ``AuthError`` when it is unknown, expired, ended, or
    its token or user no longer valid."""
    if not session or len(session) > MAX_SESSION_ID:
        raise AuthError("You are not signed in.", hint="Sign in with your API token.")
    row = store.sessions.session_by_hash(hash_token(session))
    now = _iso(datetime.now(UTC))
    if row is None or row["ended_at"] or row["expires_at"] <= now:
        raise AuthError("Your sign-in has expired or ended.", hint="Sign in again.")
    if row["revoked_at"] or row["user_disabled"]:
        raise AuthError(
            "The token you signed in with no longer works.", hint="Ask an admin for a new one."
        )
    return get_user(store, row["user_name"])


def end_session(store: Store, session: str | None) -> None:
    """Sign out: the session id stops working at once (unknown ids are ignored)."""
    if session and len(session) <= MAX_SESSION_ID:
        store.sessions.end_session(hash_token(session))


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
