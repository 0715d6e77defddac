"""Flags "for later": each coder's own bookmarks on segments (a convenience, not part of
the audit trail, so they are set and cleared in place)."""

from __future__ import annotations

from qualcode.store.db import Part, utcnow


class FlagStore(Part):
    def set_flag(self, segment_id: int, coder: str) -> None:
        row = {"segment_id": segment_id, "coder": coder, "at": utcnow()}
        with self.atomic():
            self.db.table("segment_flags").insert(row, ignore=True)

    def clear_flag(self, segment_id: int, coder: str) -> None:
        with self.atomic():
            self.db.execute(
                "DELETE FROM segment_flags WHERE segment_id = ? AND coder = ?", [segment_id, coder]
            )

    def flagged(self, coder: str) -> list[int]:
        """The segments ``coder`` flagged, in segment id order."""
        rows = self.db.execute(
            "SELECT segment_id FROM segment_flags WHERE coder = ? ORDER BY segment_id", [coder]
        )
        return [r[0] for r in rows]
