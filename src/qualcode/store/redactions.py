"""Store methods for the review of redactions: status, append-only log, encrypted keys,
and rewriting a transcript's stored text when a redaction is added or released."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from qualcode.errors import NotFoundError
from qualcode.store.db import Part, utcnow


class RedactionStore(Part):
    def redaction(self, tid: int, pseudonym: str) -> dict[str, Any]:
        rows = list(
            self.db.query(
                "SELECT * FROM redactions WHERE transcript_id = ? AND pseudonym = ?",
                [tid, pseudonym],
            )
        )
        if not rows:
            raise NotFoundError(
                f"Transcript {tid} has no redaction {pseudonym}.",
                hint=f"See `qualcode redactions list {tid}`.",
            )
        return rows[0]

    def add_redaction_row(self, tid: int, kind: str, pseudonym: str, count: int) -> None:
        self.db.table("redactions").upsert(
            {
                "transcript_id": tid,
                "kind": kind,
                "pseudonym": pseudonym,
                "count": count,
                "confidence": 1.0,
                "source": "review",
                "status": "active",
            },
            pk=("transcript_id", "pseudonym"),
            alter=False,
        )

    def set_redaction(self, tid: int, pseudonym: str, **values: Any) -> None:
        sets = ", ".join(f"{k} = ?" for k in values)
        self.db.execute(
            f"UPDATE redactions SET {sets} WHERE transcript_id = ? AND pseudonym = ?",
            [*values.values(), tid, pseudonym],
        )

    def log_redaction(
        self, tid: int, action: str, kind: str, pseudonym: str, count: int, actor: str
    ) -> None:
        self.db.table("redaction_log").insert(
            {
                "transcript_id": tid,
                "action": action,
                "kind": kind,
                "pseudonym": pseudonym,
                "count": count,
                "actor": actor,
                "at": utcnow(),
            }
        )

    def redaction_log(self, tid: int) -> list[dict[str, Any]]:
        return list(
            self.db.query("SELECT * FROM redaction_log WHERE transcript_id = ? ORDER BY id", [tid])
        )

    # encrypted mapping (Fernet tokens; the key is never stored) -----------------
    def put_key_tokens(self, tid: int, tokens: dict[str, str]) -> None:
        self.db.table("redaction_keys").upsert_all(
            ({"transcript_id": tid, "pseudonym": p, "token": t} for p, t in tokens.items()),
            pk=("transcript_id", "pseudonym"),
        )

    def key_tokens(self, tid: int) -> dict[str, str]:
        return {
            r["pseudonym"]: r["token"]
            for r in self.db.query(
                "SELECT pseudonym, token FROM redaction_keys WHERE transcript_id = ?", [tid]
            )
        }

    def drop_key_token(self, tid: int, pseudonym: str) -> None:
        self.db.execute(
            "DELETE FROM redaction_keys WHERE transcript_id = ? AND pseudonym = ?", [tid, pseudonym]
        )

    # rewriting stored text --------------------------------------------------------
    def rewrite_transcript(
        self,
        tid: int,
        fields: dict[str, Any],
        turns: Sequence[dict[str, Any]],
        segments: Sequence[dict[str, Any]],
    ) -> None:
        """Replace a transcript's text fields, turns and segments (ids kept), and drop
        cached embeddings of segment texts that no segment has any more.  Call inside
        ``atomic()`` together with the redaction rows and log."""
        old = [
            r[0]
            for r in self.db.execute(
                "SELECT text_hash FROM segments WHERE transcript_id = ?", [tid]
            )
        ]
        self.db.table("transcripts").update(tid, fields)
        for t in turns:
            self.db.execute(
                "UPDATE turns SET speaker = ?, text = ?, char_start = ?, char_end = ? "
                "WHERE transcript_id = ? AND idx = ?",
                [t["speaker"], t["text"], t["char_start"], t["char_end"], tid, t["idx"]],
            )
        for s in segments:
            self.db.table("segments").update(s["id"], s)
        marks = ",".join("?" * len(old))
        if old:
            self.db.execute(
                f"DELETE FROM embeddings WHERE text_hash IN ({marks}) "
                "AND text_hash NOT IN (SELECT text_hash FROM segments)",
                old,
            )

    def rewrite_topics(self, topics: Sequence[dict[str, Any]]) -> None:
        """Store topic labels and words after a redaction changed them."""
        for t in topics:
            self.db.execute(
                "UPDATE topics SET label = ?, words = ? WHERE id = ?",
                [t["label"], json.dumps(t["words"]), t["id"]],
            )
