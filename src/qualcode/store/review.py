"""The review log: coders' decisions, append-only (a trigger refuses updates and
deletes); the current state is a fold of the log (``qualcode.review.decisions``)."""

from __future__ import annotations

from typing import Any

from qualcode.records import ReviewEvent
from qualcode.store.db import Part, where_equals


class ReviewStore(Part):
    def append_review(self, event: ReviewEvent, undoes: int | None = None) -> int:
        row = {
            "segment_id": event.segment_id,
            "code_id": event.code_id,
            "action": event.action,
            "coder": event.coder,
            "at": event.at,
            "memo": event.memo,
            "undoes": undoes,
            "span_start": event.span[0] if event.span else None,
            "span_end": event.span[1] if event.span else None,
        }
        with self.atomic():
            pk = self.db.table("review_log").insert(row).last_pk
        return int(pk)  # type: ignore[arg-type]

    def review_event(self, event_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM review_log WHERE id = ?", [event_id]))
        return rows[0] if rows else None

    def undone_by(self, event_id: int) -> int | None:
        """The id of the entry that undoes ``event_id``, if any."""
        row = self.db.execute(
            "SELECT id FROM review_log WHERE undoes = ? LIMIT 1", [event_id]
        ).fetchone()
        return int(row[0]) if row else None

    def review_events(self, segment_id: int | None = None) -> list[dict[str, Any]]:
        where, args = where_equals("segment_id", segment_id)
        return list(self.db.query(f"SELECT * FROM review_log {where} ORDER BY id", args))

    def transcript_review_events(self, transcript_id: int) -> list[dict[str, Any]]:
        """The log entries on the segments of one transcript, in log order."""
        return list(
            self.db.query(
                "SELECT r.* FROM review_log r JOIN segments s ON s.id = r.segment_id "
                "WHERE s.transcript_id = ? ORDER BY r.id",
                [transcript_id],
            )
        )
