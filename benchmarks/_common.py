"""Shared set-up for benchmarks: the demo corpus, segmented and redacted, in memory."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "demo" / "corpus"
CODEBOOK = REPO / "codebooks" / "drivers.yaml"


def demo_segments() -> list[str]:
    """The demo corpus's segment texts, as qualcode stores them (redacted)."""
    from qualcode.pipeline.components import default_components
    from qualcode.pipeline.run import ingest_paths
    from qualcode.segment.transcripts import segment_transcripts
    from qualcode.settings import Settings
    from qualcode.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp), create=True)
        ingest_paths(store, [CORPUS])
        parts = default_components(Settings.from_strings({}), embedder=_NoEmbed())
        segment_transcripts(store, parts.segmenter)
        texts = [s.text for s in store.segments.segments()]
        store.close()
    return texts


class _NoEmbed:
    model_id = "none"

    def encode(self, texts: object, *, progress: bool = False) -> object:
        raise AssertionError("not used")


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs, in seconds (least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)
