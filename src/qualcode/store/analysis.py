"""Store methods for the analysis stages: embeddings, codes, suggestions, reviews (topics:
``store/topics.py``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from qualcode.errors import NotFoundError
from qualcode.records import Code, Codebook, ReviewEvent, Suggestion
from qualcode.store.auth import AuthStore
from qualcode.store.codebook_history import CodebookStore
from qualcode.store.db import utcnow, where_equals
from qualcode.store.jobs import JobStore
from qualcode.store.redactions import RedactionStore
from qualcode.store.segments import SegmentQueryStore
from qualcode.store.topics import TopicStore


class Store(AuthStore, JobStore, SegmentQueryStore, RedactionStore, CodebookStore, TopicStore):
    """The project database.  See ``StoreCore`` for transcripts and segments."""

    # embeddings cache, keyed by (model id, text hash) ---------------------------
    def cached_embeddings(self, model: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for h, blob in self.db.execute(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? "
                f"AND text_hash IN ({marks})",
                [model, *chunk],
            ):
                found[h] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_embeddings(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.atomic():
            self.db.table("embeddings").upsert_all(
                (
                    {
                        "model": model,
                        "text_hash": h,
                        "dim": int(v.shape[0]),
                        "vector": np.asarray(v, dtype=np.float32).tobytes(),
                    }
                    for h, v in vectors.items()
                ),
                pk=("model", "text_hash"),
            )

    # stage fingerprints: a stage whose inputs are unchanged is skipped ----------
    def stage_fingerprint(self, name: str) -> str | None:
        row = self.db.execute("SELECT fingerprint FROM stages WHERE name = ?", [name]).fetchone()
        return row[0] if row else None

    def _mark_stage(self, name: str, fingerprint: str) -> None:
        self.db.table("stages").upsert(
            {"name": name, "fingerprint": fingerprint, "finished_at": utcnow()}, pk="name"
        )

    # codebook -----------------------------------------------------------------
    def save_codebook(self, codebook: Codebook, content: dict[str, Any]) -> None:
        """Make ``codebook`` the project's codebook.  Existing codes are kept (not deleted)
        so review decisions that name them keep their meaning; the change is versioned in
        ``code_history`` (codes the file lacks are retired; see ``record_codebook_load``)."""
        with self.atomic():
            self.db.table("codebooks").insert(
                {
                    "name": codebook.name,
                    "version": codebook.version,
                    "content": json.dumps(content, ensure_ascii=False),
                    "loaded_at": utcnow(),
                }
            )
            self.db.table("codes").upsert_all(
                (
                    {
                        "id": c.id,
                        "label": c.label,
                        "definition": c.definition,
                        "inclusion": c.inclusion,
                        "exclusion": c.exclusion,
                        "examples": json.dumps(list(c.examples), ensure_ascii=False),
                        "keywords": json.dumps(list(c.keywords), ensure_ascii=False),
                        "parent": c.parent,
                    }
                    for c in codebook.codes
                ),
                pk="id",
            )
            self.record_codebook_load(codebook)

    def codebook_content(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT content FROM codebooks ORDER BY id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row else None

    def code_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM codes")}

    def code(self, code_id: str) -> Code:
        rows = list(self.db.query("SELECT * FROM codes WHERE id = ?", [code_id]))
        if not rows:
            raise NotFoundError(f"No code '{code_id}' in this project's codebook.")
        r = rows[0]
        return Code(
            id=r["id"],
            label=r["label"],
            definition=r["definition"],
            inclusion=r["inclusion"] or "",
            exclusion=r["exclusion"] or "",
            examples=tuple(json.loads(r["examples"] or "[]")),
            keywords=tuple(json.loads(r["keywords"] or "[]")),
            parent=r["parent"],
        )

    # suggestions ----------------------------------------------------------------
    def replace_suggestions(self, suggestions: Sequence[Suggestion], fingerprint: str) -> None:
        with self.atomic():
            self.db.execute("DELETE FROM suggestions")
            self.db.table("suggestions").insert_all(
                {
                    "segment_id": s.segment_id,
                    "code_id": s.code_id,
                    "score": s.score,
                    "evidence": json.dumps(list(s.evidence), ensure_ascii=False),
                }
                for s in suggestions
            )
            self._mark_stage("suggest", fingerprint)

    def suggestions(self, segment_id: int | None = None) -> list[Suggestion]:
        where, args = where_equals("segment_id", segment_id)
        return [
            Suggestion(r["segment_id"], r["code_id"], r["score"], tuple(json.loads(r["evidence"])))
            for r in self.db.query(
                f"SELECT * FROM suggestions {where} ORDER BY segment_id, score DESC", args
            )
        ]

    # review log: append-only ---------------------------------------------------
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

    def review_events(self, segment_id: int | None = None) -> list[dict[str, Any]]:
        where, args = where_equals("segment_id", segment_id)
        return list(self.db.query(f"SELECT * FROM review_log {where} ORDER BY id", args))

    def segment_exists(self, segment_id: int) -> bool:
        return bool(self.db.execute("SELECT 1 FROM segments WHERE id = ?", [segment_id]).fetchone())
