"""Store methods for web sign-in sessions (see ``qualcode.project.sessions``): each row
holds the sha256 of a session id, the token it was opened with, and when it expires or
ended.  A session is only as good as its token and user, so a look-up joins both."""

from __future__ import annotations

from typing import Any

from qualcode.store.db import Part, utcnow


class SessionStore(Part):
    def add_session(self, session_hash: str, token_id: int, expires_at: str) -> None:
        row = {
            "session_hash": session_hash,
            "token_id": token_id,
            "created_at": utcnow(),
            "expires_at": expires_at,
        }
        with self.atomic():
            self.db.table("sessions").insert(row)

    def session_by_hash(self, session_hash: str) -> dict[str, Any] | None:
        """The session, with its token's revocation and its user's name and state."""
        rows = list(
            self.db.query(
                "SELECT s.id, s.expires_at, s.ended_at, t.revoked_at, u.name AS user_name, "
                "u.disabled AS user_disabled FROM sessions s "
                "JOIN tokens t ON t.id = s.token_id JOIN users u ON u.id = t.user_id "
                "WHERE s.session_hash = ?",
                [session_hash],
            )
        )
        return rows[0] if rows else None

    def end_session(self, session_hash: str) -> None:
        with self.atomic():
            self.db.execute(
                "UPDATE sessions SET ended_at = ? WHERE session_hash = ? AND ended_at IS NULL",
                [utcnow(), session_hash],
            )

    def end_sessions_of_user(self, user_id: int) -> int:
        """End every open session of a user (e.g. on disabling); how many were open."""
        with self.atomic():
            cursor = self.db.execute(
                "UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL AND token_id IN "
                "(SELECT id FROM tokens WHERE user_id = ?)",
                [utcnow(), user_id],
            )
        return int(cursor.rowcount)

    def drop_expired(self, before: str) -> int:
        """Delete sessions that expired or ended before ``before``; how many."""
        with self.atomic():
            cursor = self.db.execute(
                "DELETE FROM sessions WHERE expires_at < ? OR ended_at < ?", [before, before]
            )
        return int(cursor.rowcount)
