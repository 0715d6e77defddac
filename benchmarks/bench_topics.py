"""Topic modelling cost per fresh process on the demo corpus: qualcode's defaults
(PCA + KMeans) against BERTopic's defaults (UMAP + HDBSCAN), each in a new Python
process so UMAP's numba compilation is counted as a CLI user pays it.  The runs take
turns (peer, qualcode, qualcode, peer, ``--rounds`` times) and each figure is the median
of its runs, with the load average printed before each run.

Run: .venv/bin/python benchmarks/bench_topics.py
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from _common import Goal, demo_segments, load, print_goals, record

CHILD = """
import json, sys, time
t0 = time.perf_counter()
import numpy as np
from qualcode.topics.model import BERTopicModeler
t_import = time.perf_counter() - t0
texts = json.load(open(sys.argv[1])); vecs = np.load(sys.argv[2])
cfg = json.loads(sys.argv[3])
t1 = time.perf_counter()
res = BERTopicModeler(**cfg).fit(list(range(len(texts))), texts, vecs)
t_fit = time.perf_counter() - t1
labels = list(res.assignment.values())
print(json.dumps({"import": t_import, "fit": t_fit,
                  "topics": sum(1 for t in res.topics if t.topic_id != -1),
                  "unassigned": labels.count(-1) / len(labels)}))
"""


def run(cfg: dict[str, object], texts_path: Path, vecs_path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(texts_path), str(vecs_path), json.dumps(cfg)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


PEER = {"reducer": "umap", "clusterer": "hdbscan", "n_components": 5}


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    from qualcode.embed.encoder import SentenceTransformerEmbedder

    ap = argparse.ArgumentParser(description="Topic fit: qualcode's defaults vs BERTopic's.")
    ap.add_argument("--rounds", type=int, default=1, help="A/B/B/A rounds")
    args = ap.parse_args()
    texts = demo_segments()
    vecs = SentenceTransformerEmbedder().encode(texts)
    runs: dict[str, list[dict[str, float]]] = {"peer": [], "ours": []}
    with tempfile.TemporaryDirectory() as tmp:
        tp, vp = Path(tmp) / "t.json", Path(tmp) / "v.npy"
        tp.write_text(json.dumps(texts))
        np.save(vp, vecs)
        for _ in range(args.rounds):
            for name in ("peer", "ours", "ours", "peer"):
                print(f"load {load()} before {name}")
                runs[name].append(run(PEER if name == "peer" else {}, tp, vp))
    peer, ours = median_of(runs["peer"]), median_of(runs["ours"])
    print(f"demo corpus: {len(texts)} segments; fresh process each; medians of "
          f"{len(runs['ours'])} runs each, alternating")  # fmt: skip
    print(f"{'config':<28}{'import s':>9}{'fit s':>8}{'topics':>8}{'unassigned':>12}")
    for name, r in (("peer: UMAP + HDBSCAN", peer), ("qualcode: PCA + KMeans", ours)):
        print(
            f"{name:<28}{r['import']:>9.2f}{r['fit']:>8.2f}{r['topics']:>8.0f}"
            f"{r['unassigned']:>12.2f}"
        )
    ratio = peer["fit"] / ours["fit"]
    print(f"fit speed-up vs peer: {ratio:.1f}x (load now {load()})")
    figure = f"{ours['fit']:.2f} s vs {peer['fit']:.2f} s"
    goal = Goal("topic fit vs BERTopic defaults (demo)", "faster than peer", figure,
                f"{ratio:.1f}x", ratio > 1)  # fmt: skip
    print_goals([goal])
    record("topics", [goal])


if __name__ == "__main__":
    main()
