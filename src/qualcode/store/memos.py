"""Memos and their versions (append-only: a trigger refuses updates and deletes).  A memo's
current text is its latest version; a deleted memo's latest version is marked deleted.
Rules and validation live in ``qualcode.review.memos``."""

from __future__ import annotations

from typing import Any

from qualcode.store.db import Part

# each memo with its latest version
CURRENT = """
SELECT m.id, m.target, m.target_id, m.author, m.created_at, v.id AS version_id,
       v.version, v.text, v.deleted, v.by, v.at
FROM memos m JOIN memo_versions v ON v.memo_id = m.id
WHERE v.version = (SELECT MAX(version) FROM memo_versions w WHERE w.memo_id = m.id)
"""


class MemoStore(Part):
    def add_memo(self, target: str, target_id: str, author: str, text: str, at: str) -> int:
        """A new memo and its first version; call inside ``atomic()``."""
        row = {"target": target, "target_id": target_id, "author": author, "created_at": at}
        memo_id = int(self.db.table("memos").insert(row).last_pk)  # type: ignore[arg-type]
        self.add_version(memo_id, None, 1, text, False, author, at)
        return memo_id

    def add_version(
        self,
        memo_id: int,
        replaces: int | None,
        version: int,
        text: str,
        deleted: bool,
        by: str,
        at: str,
    ) -> int:
        """A new version of memo ``memo_id`` replacing version row ``replaces``."""
        row = {
            "memo_id": memo_id,
            "version": version,
            "replaces": replaces,
            "text": text,
            "deleted": int(deleted),
            "by": by,
            "at": at,
        }
        return int(self.db.table("memo_versions").insert(row).last_pk)  # type: ignore[arg-type]

    def memo(self, memo_id: int) -> dict[str, Any] | None:
        """The memo with its latest version, deleted or not."""
        rows = list(self.db.query(f"{CURRENT} AND m.id = ?", [memo_id]))
        return rows[0] if rows else None

    def memos(self, target: str | None = None, target_id: str | None = None) -> list[dict]:
        """Memos not deleted (of one target, or all), newest first."""
        conds, args = ["v.deleted = 0"], []
        for column, value in (("m.target", target), ("m.target_id", target_id)):
            if value is not None:
                conds.append(f"{column} = ?")
                args.append(value)
        where = " AND ".join(conds)
        return list(self.db.query(f"{CURRENT} AND {where} ORDER BY m.id DESC", args))

    def versions(self, memo_id: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT * FROM memo_versions WHERE memo_id = ? ORDER BY version", [memo_id]
            )
        )
