"""Wall time and peak memory of `qualcode process` on the demo corpus.

Each command runs in its own process (as a user runs it); peak memory is that process's
maximum resident set size.  Peer: the same `process` re-run on the finished project,
which must skip every stage (embeddings cached, fingerprints unchanged).

Run: .venv/bin/python benchmarks/bench_pipeline.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CORPUS

QUALCODE = [sys.executable, "-m", "qualcode"]


def timed(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([*QUALCODE, *args], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"qualcode {' '.join(args)} failed with status {status}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        proj = str(Path(tmp) / "p")
        timed(["init", proj])
        ingest = timed(["ingest", str(CORPUS), "-p", proj])
        first = timed(["process", "-p", proj, "--no-progress"])
        again = timed(["process", "-p", proj, "--no-progress"])
    print("demo corpus: 8 transcripts; each command in a fresh process")
    print(f"{'command':<34}{'wall s':>8}{'peak MiB':>10}")
    for name, (wall, rss) in (
        ("ingest (read + redact + store)", ingest),
        ("process, first run", first),
        ("peer: process re-run (all cached)", again),
    ):
        print(f"{name:<34}{wall:>8.2f}{rss:>10.0f}")
    print(f"first run / re-run wall: {first[0] / again[0]:.1f}x")


if __name__ == "__main__":
    main()
