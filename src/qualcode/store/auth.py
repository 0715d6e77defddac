"""Store methods for users, roles, API tokens and the append-only audit log.

Tokens are stored only as their sha256 (hex) and an 8-character prefix for listing;
the audit log holds names, ids and counts.  Rules and validation live in ``qualcode.project.auth``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qualcode.store.db import Part, utcnow

USER_COLUMNS = (
    "u.id, u.name, u.created_at, u.disabled, "
    "(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles"
)
TOKEN_COLUMNS = (
    "t.id, t.user_id, t.prefix, t.label, t.created_at, t.revoked_at, t.last_used_at, "
    "u.name AS user_name"
)


def _user(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "roles": sorted(row["roles"].split(",")) if row["roles"] else []}


class AuthStore(Part):
    # users ----------------------------------------------------------------------
    def user_row(self, name: str) -> dict[str, Any] | None:
        """The user called ``name`` (case-insensitive), with ``roles`` as a list."""
        rows = list(
            self.db.query(
                f"SELECT {USER_COLUMNS} FROM users u WHERE u.name = ? COLLATE NOCASE", [name]
            )
        )
        return _user(rows[0]) if rows else None

    def user_rows(self) -> list[dict[str, Any]]:
        return [_user(r) for r in self.db.query(f"SELECT {USER_COLUMNS} FROM users u ORDER BY id")]

    def add_user(self, name: str, roles: Iterable[str]) -> int:
        """Insert a user and their roles; call inside ``atomic()``."""
        row = {"name": name, "created_at": utcnow(), "disabled": 0}
        uid = int(self.db.table("users").insert(row).last_pk)  # type: ignore[arg-type]
        self.set_user_roles(uid, roles)
        return uid

    def set_user_roles(self, user_id: int, roles: Iterable[str]) -> None:
        self.db.execute("DELETE FROM user_roles WHERE user_id = ?", [user_id])
        self.db.table("user_roles").insert_all({"user_id": user_id, "role": r} for r in roles)

    def set_user_disabled(self, user_id: int, disabled: bool) -> None:
        self.db.execute("UPDATE users SET disabled = ? WHERE id = ?", [int(disabled), user_id])

    def set_user_language(self, user_id: int, language: str) -> None:
        with self.atomic():
            self.db.execute("UPDATE users SET language = ? WHERE id = ?", [language, user_id])

    def user_language(self, user_id: int) -> str | None:
        row = self.db.execute("SELECT language FROM users WHERE id = ?", [user_id]).fetchone()
        return row[0] if row else None

    def count_enabled_with_role(self, role: str) -> int:
        row = self.db.execute(
            "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id "
            "WHERE r.role = ? AND u.disabled = 0",
            [role],
        ).fetchone()
        return int(row[0])

    # tokens ---------------------------------------------------------------------
    def add_token(self, user_id: int, token_hash: str, prefix: str, label: str) -> int:
        row = {
            "user_id": user_id,
            "token_hash": token_hash,
            "prefix": prefix,
            "label": label,
            "created_at": utcnow(),
        }
        return int(self.db.table("tokens").insert(row).last_pk)  # type: ignore[arg-type]

    def token_by_hash(self, token_hash: str) -> dict[str, Any] | None:
        """The token with this sha256, with its user's name and disabled flag."""
        rows = list(
            self.db.query(
                f"SELECT {TOKEN_COLUMNS}, u.disabled AS user_disabled FROM tokens t "
                "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
                [token_hash],
            )
        )
        return rows[0] if rows else None

    def token_rows(self, user_id: int | None = None, prefix: str | None = None) -> list[dict]:
        """Tokens (never their hashes), optionally of one user or with one prefix."""
        where, args = [], []
        for column, value in (("t.user_id", user_id), ("t.prefix", prefix)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return list(
            self.db.query(
                f"SELECT {TOKEN_COLUMNS} FROM tokens t JOIN users u ON u.id = t.user_id "
                f"{clause} ORDER BY t.id",
                args,
            )
        )

    def revoke_token_row(self, token_id: int) -> None:
        self.db.execute(
            "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            [utcnow(), token_id],
        )

    def touch_token(self, token_id: int, now: str, stale_before: str) -> None:
        """Record a use, at most once per interval (skip when last used after ``stale_before``)."""
        with self.atomic():
            self.db.execute(
                "UPDATE tokens SET last_used_at = ? WHERE id = ? "
                "AND (last_used_at IS NULL OR last_used_at < ?)",
                [now, token_id, stale_before],
            )

    # audit log (append-only) ------------------------------------------------------
    def add_audit(self, user: str, action: str, target: str, detail: str) -> None:
        row = {"at": utcnow(), "user": user, "action": action, "target": target, "detail": detail}
        self.db.table("audit_log").insert(row)

    def audit_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Audit entries, newest first."""
        tail = "LIMIT ?" if limit else ""
        return list(
            self.db.query(
                f"SELECT * FROM audit_log ORDER BY id DESC {tail}", [limit] if limit else []
            )
        )

    # project membership (a workspace's own store) ---------------------------------
    def is_member(self, user_name: str, project: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM project_members m JOIN users u ON u.id = m.user_id "
            "WHERE u.name = ? COLLATE NOCASE AND m.project = ?",
            [user_name, project],
        ).fetchone()
        return row is not None

    def add_member(self, user_id: int, project: str) -> None:
        """Call inside ``atomic()``."""
        row = {"user_id": user_id, "project": project, "added_at": utcnow()}
        self.db.table("project_members").insert(row, ignore=True)

    def remove_member(self, user_id: int, project: str) -> bool:
        """Call inside ``atomic()``; whether the user was a member."""
        cursor = self.db.execute(
            "DELETE FROM project_members WHERE user_id = ? AND project = ?", [user_id, project]
        )
        return bool(cursor.rowcount)

    def member_rows(self, project: str) -> list[dict[str, Any]]:
        """The project's members: name, roles, disabled, when added."""
        rows = self.db.query(
            f"SELECT {USER_COLUMNS}, m.added_at FROM project_members m "
            "JOIN users u ON u.id = m.user_id WHERE m.project = ? ORDER BY u.name",
            [project],
        )
        return [_user(r) for r in rows]

    def member_projects(self, user_name: str) -> list[str]:
        rows = self.db.execute(
            "SELECT m.project FROM project_members m JOIN users u ON u.id = m.user_id "
            "WHERE u.name = ? COLLATE NOCASE ORDER BY m.project",
            [user_name],
        ).fetchall()
        return [r[0] for r in rows]
