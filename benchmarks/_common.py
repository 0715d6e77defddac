"""Shared set-up for benchmarks: the demo corpus, segmented and redacted, in memory."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "demo" / "corpus"
CODEBOOK = REPO / "codebooks" / "drivers.yaml"
RESULTS = Path(os.environ.get("QUALCODE_BENCH_OUT", REPO / "out" / "bench"))


@dataclass(frozen=True)
class Goal:
    """One line of `make bench`'s table: a goal, the figure measured, and the ratio that
    judges it (against the goal, or against the peer measured in the same run)."""

    what: str
    goal: str
    figure: str
    ratio: str
    met: bool


def load() -> str:
    """The 1-, 5- and 15-minute load averages, as every speed figure must show them."""
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def print_goals(goals: Sequence[Goal]) -> None:
    print(f"{'goal':<44}{'target':<22}{'figure':<22}{'ratio':<22}met")
    for g in goals:
        print(f"{g.what:<44}{g.goal:<22}{g.figure:<22}{g.ratio:<22}{'yes' if g.met else 'NO'}")


def record(name: str, goals: Sequence[Goal]) -> None:
    """Keep a benchmark's goals for `make bench`'s summary (benchmarks/summary.py)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = [asdict(g) for g in goals]
    payload = {"benchmark": name, "load": load(), "goals": rows}
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=1), encoding="utf-8")


def demo_segments() -> list[str]:
    """The demo corpus's segment texts, as qualcode stores them (redacted)."""
    from qualcode.pipeline.components import default_components
    from qualcode.pipeline.ingest import ingest_paths
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
