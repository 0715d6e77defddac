"""Analysis results: suggestions, and the fingerprints that let a stage skip unchanged
inputs (topics live in ``store/topics.py``)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from qualcode.records import Suggestion
from qualcode.store.db import Part, where_equals


class AnalysisStore(Part):
    def stage_fingerprint(self, name: str) -> str | None:
        row = self.db.execute("SELECT fingerprint FROM stages WHERE name = ?", [name]).fetchone()
        return row[0] if row else None

    def replace_suggestions(
        self, suggestions: Sequence[Suggestion], fingerprint: str, scored: str = ""
    ) -> None:
        """Every segment's suggestions, replaced at once.  ``scored``: what they were
        scored against (``coding.apply``), so that later segments can be added alone."""
        with self.atomic():
            self.db.execute("DELETE FROM suggestions")
            self._insert(suggestions)
            self.mark_stage("suggest", fingerprint)
            self.mark_stage("suggest-scored", scored)

    def add_suggestions(
        self, segment_ids: Sequence[int], suggestions: Sequence[Suggestion], fingerprint: str,
        scored: str,
    ) -> None:  # fmt: skip
        """The suggestions of ``segment_ids`` (new segments) replaced; the rest kept."""
        with self.atomic():
            for start in range(0, len(segment_ids), 500):
                chunk = list(segment_ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"DELETE FROM suggestions WHERE segment_id IN ({marks})", chunk)
            self._insert(suggestions)
            self.mark_stage("suggest", fingerprint)
            self.mark_stage("suggest-scored", scored)

    def _insert(self, suggestions: Sequence[Suggestion]) -> None:
        self.db.table("suggestions").insert_all(
            {
                "segment_id": s.segment_id,
                "code_id": s.code_id,
                "score": s.score,
                "evidence": json.dumps(list(s.evidence), ensure_ascii=False),
            }
            for s in suggestions
        )

    def suggestions(self, segment_id: int | None = None) -> list[Suggestion]:
        where, args = where_equals("segment_id", segment_id)
        return [
            Suggestion(r["segment_id"], r["code_id"], r["score"], tuple(json.loads(r["evidence"])))
            for r in self.db.query(
                f"SELECT * FROM suggestions {where} ORDER BY segment_id, score DESC", args
            )
        ]
