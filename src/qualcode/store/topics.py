"""Store methods for the topics stage: topics, each segment's topic, the topic centroids
(to assign new segments without a refit) and the segments the stage has seen."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qualcode.records import Topic
from qualcode.store.db import Part

Inputs = Mapping[int, tuple[str, str]]  # segment id -> (text hash, how it got its topic)


class TopicStore(Part):
    def replace_topics(
        self,
        topics: Sequence[Topic],
        assignment: Mapping[int, int],
        fingerprint: str,
        *,
        centroids: Mapping[int, np.ndarray] | None = None,
        model: str = "",
        inputs: Inputs | None = None,
    ) -> None:
        """A new fit: every topic, assignment, centroid and input replaced at once."""
        with self.atomic():
            for table in ("segment_topics", "topics", "topic_centroids", "topic_inputs"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.table("topics").insert_all(
                {
                    "id": t.topic_id,
                    "label": t.label,
                    "words": json.dumps(list(t.words)),
                    "size": t.size,
                    "representatives": json.dumps(list(t.representative_segment_ids)),
                }
                for t in topics
            )
            self.db.table("topic_centroids").insert_all(
                {"topic_id": t, "model": model, "dim": int(v.shape[0]), "vector": _blob(v)}
                for t, v in (centroids or {}).items()
            )
            known = {t.topic_id for t in topics}  # segments without a topic get no row
            self._put_assignment(assignment, inputs or {}, known)
            self.mark_stage("topics", fingerprint)

    def assign_topics(
        self, assignment: Mapping[int, int], inputs: Inputs, fingerprint: str
    ) -> None:
        """New segments given existing topics (no refit); topic sizes follow."""
        with self.atomic():
            known = {r[0] for r in self.db.execute("SELECT id FROM topics")}
            self._put_assignment(assignment, inputs, known)
            self.db.execute(
                "UPDATE topics SET size = (SELECT count(*) FROM segment_topics st "
                "WHERE st.topic_id = topics.id)"
            )
            self.mark_stage("topics", fingerprint)

    def _put_assignment(
        self, assignment: Mapping[int, int], inputs: Inputs, known: set[int]
    ) -> None:
        self.db.table("segment_topics").upsert_all(
            ({"segment_id": s, "topic_id": t} for s, t in assignment.items() if t in known),
            pk="segment_id",
        )
        self.db.table("topic_inputs").upsert_all(
            ({"segment_id": s, "text_hash": h, "how": how} for s, (h, how) in inputs.items()),
            pk="segment_id",
        )

    def topics(self) -> list[Topic]:
        return [
            Topic(
                r["id"],
                r["label"],
                tuple(json.loads(r["words"])),
                r["size"],
                tuple(json.loads(r["representatives"])),
            )
            for r in self.db.query("SELECT * FROM topics ORDER BY size DESC, id")
        ]

    def topic_assignment(self) -> dict[int, int]:
        return {
            r[0]: r[1] for r in self.db.execute("SELECT segment_id, topic_id FROM segment_topics")
        }

    def topic_centroids(self) -> dict[int, np.ndarray]:
        rows = self.db.execute("SELECT topic_id, vector FROM topic_centroids ORDER BY topic_id")
        return {t: np.frombuffer(blob, dtype=np.float32) for t, blob in rows}

    def topic_model_id(self) -> str | None:
        """The embedder the stored centroids came from (None: no centroids)."""
        row = self.db.execute("SELECT model FROM topic_centroids LIMIT 1").fetchone()
        return row[0] if row else None

    def topic_inputs(self) -> dict[int, tuple[str, str]]:
        """Every segment the topics stage has seen: (text hash, how it got its topic)."""
        rows = self.db.execute("SELECT segment_id, text_hash, how FROM topic_inputs")
        return {s: (h, how) for s, h, how in rows}

    def topic_rows(self) -> list[dict[str, Any]]:
        """Each segment with a topic, and its transcript's id, title, region and group."""
        return list(
            self.db.query(
                "SELECT st.segment_id, st.topic_id, t.id AS transcript_id, t.title, t.region, "
                "t.grp FROM segment_topics st JOIN segments s ON s.id = st.segment_id "
                "JOIN transcripts t ON t.id = s.transcript_id ORDER BY st.segment_id"
            )
        )


def _blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()
