"""Transcripts: the redacted text, its turns, its redaction summary and (with the user's
key) the encrypted mapping, written at once."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from qualcode.errors import ConflictError, NotFoundError
from qualcode.records import RedactedTranscript
from qualcode.store.db import Part, utcnow


class TranscriptStore(Part):
    def transcript_id_by_hash(self, content_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM transcripts WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return int(row[0]) if row else None

    def add_transcript(
        self,
        doc: RedactedTranscript,
        text: str,
        spans: Sequence[tuple[int, int]],
        key_tokens: dict[str, str] | None = None,
    ) -> int:
        """Store a redacted transcript, its turns, its redaction summary and (when the user
        gave a key) the encrypted mapping, at once."""
        if self.transcript_id_by_hash(doc.content_hash) is not None:
            raise ConflictError(f"{doc.source_name} is already in this project.")
        with self.atomic():
            tid = self._insert_transcript_row(doc, text)
            self.db.table("turns").insert_all(
                {
                    "transcript_id": tid,
                    "idx": i,
                    "speaker": t.speaker,
                    "text": t.text,
                    "start_time": t.start,
                    "end_time": t.end,
                    "char_start": s,
                    "char_end": e,
                }
                for i, (t, (s, e)) in enumerate(zip(doc.turns, spans, strict=True))
            )
            self.db.table("redactions").insert_all(
                {"transcript_id": tid, **asdict(r)} for r in doc.redactions
            )
            self.db.table("redaction_keys").insert_all(
                {"transcript_id": tid, "pseudonym": p, "token": t}
                for p, t in (key_tokens or {}).items()
            )
        return tid

    def _insert_transcript_row(self, doc: RedactedTranscript, text: str) -> int:
        m = doc.meta
        row = {
            "content_hash": doc.content_hash,
            "source_name": doc.source_name,
            "fmt": doc.fmt,
            "title": m.title,
            "region": m.region,
            "district": m.district,
            "date": m.date,
            "grp": m.group,
            "language": m.language,
            "facilitator": m.facilitator,
            "extra": json.dumps(m.extra, ensure_ascii=False),
            "text": text,
            "created_at": utcnow(),
        }
        return int(self.db.table("transcripts").insert(row).last_pk)  # type: ignore[arg-type]

    def transcripts(self, *, text: bool = True) -> list[dict[str, Any]]:
        """Every transcript row; ``text=False`` leaves out the stored text (metadata only)."""
        if text:
            return list(self.db.query("SELECT * FROM transcripts ORDER BY id"))
        columns = [c for c in self.db.table("transcripts").columns_dict if c != "text"]
        return list(self.db.query(f"SELECT {', '.join(columns)} FROM transcripts ORDER BY id"))

    def transcript(self, tid: int) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM transcripts WHERE id = ?", [tid]))
        if not rows:
            raise NotFoundError(f"No transcript with id {tid}.", hint="See `qualcode summary`.")
        return rows[0]

    def turns(self, tid: int) -> list[dict[str, Any]]:
        return list(
            self.db.query("SELECT * FROM turns WHERE transcript_id = ? ORDER BY idx", [tid])
        )

    def redactions(self, tid: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT kind, pseudonym, count, confidence, source, status FROM redactions "
                "WHERE transcript_id = ? ORDER BY confidence, kind, pseudonym",
                [tid],
            )
        )

    def unsegmented_transcript_ids(self) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM transcripts t WHERE NOT EXISTS "
                "(SELECT 1 FROM segments s WHERE s.transcript_id = t.id) ORDER BY id"
            )
        ]
