"""The embeddings cache, keyed by (model id, text hash)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from qualcode.store.db import Part


class EmbeddingStore(Part):
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

    def models(self) -> list[str]:
        """The model ids whose vectors are stored (normally one)."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT model FROM embeddings ORDER BY 1")]
