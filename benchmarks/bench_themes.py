"""What the topics stage costs a CLI user on the first run and after: each configuration
in a fresh Python process, first with an empty numba cache (a first run after install:
NUMBA_CACHE_DIR points at a new folder), then again with that cache warm.

Configurations, all on the demo corpus with the real embedder (KeyBERT-style words too):
* qualcode: PCA + KMeans, BERTopic imported without umap and plotly (``import_bertopic``);
* qualcode, plain import: the same fit after a plain ``from bertopic import BERTopic``
  (umap and its numba code come along);
* peer: BERTopic's default UMAP + HDBSCAN (n_components 5), outliers reduced the same way.

"import" is BERTopic's import after sentence-transformers is loaded (the CLI has loaded
it to embed); "fit 1" and "fit 2" are the first and a second fit in that process.
Run: .venv/bin/python benchmarks/bench_themes.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from _common import demo_segments

CHILD = """
import json, sys, time
import numpy as np
from qualcode.embed.encoder import SentenceTransformerEmbedder
from qualcode.topics.model import BERTopicModeler, import_bertopic
emb = SentenceTransformerEmbedder(); emb.encode(["warm up"])
cfg = json.loads(sys.argv[3]); plain = cfg.pop("plain_import", False)
t0 = time.perf_counter()
if plain:
    from bertopic import BERTopic
else:
    import_bertopic(with_umap=cfg.get("reducer") == "umap")
t_import = time.perf_counter() - t0
texts = json.load(open(sys.argv[1])); vecs = np.load(sys.argv[2]); ids = list(range(len(texts)))
fits = []
for _ in range(2):
    t = time.perf_counter()
    res = BERTopicModeler(**cfg, embedder=emb).fit(ids, texts, vecs)
    fits.append((time.perf_counter() - t, res))
(t1, a), (t2, b) = fits
print(json.dumps({"import": t_import, "fit1": t1, "fit2": t2, "same": a == b,
                  "topics": len(a.topics), "reassigned": len(a.reassigned),
                  "none": list(a.assignment.values()).count(-1) / len(texts),
                  "labels": [t.label for t in a.topics[:3]]}))
"""
CONFIGS: dict[str, dict[str, object]] = {
    "qualcode PCA+KMeans": {},
    "qualcode, plain import": {"plain_import": True},
    "peer UMAP+HDBSCAN": {"reducer": "umap", "clusterer": "hdbscan", "n_components": 5},
}


def run(cfg: dict[str, object], texts: Path, vecs: Path, cache: Path) -> dict[str, object]:
    env = os.environ | {"NUMBA_CACHE_DIR": str(cache), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(texts), str(vecs), json.dumps(cfg)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def measure(tmp: Path) -> dict[tuple[str, str], dict[str, object]]:
    from qualcode.embed.encoder import SentenceTransformerEmbedder

    texts = demo_segments()
    tp, vp = tmp / "t.json", tmp / "v.npy"
    tp.write_text(json.dumps(texts))
    np.save(vp, SentenceTransformerEmbedder().encode(texts))
    print(f"demo corpus: {len(texts)} segments; each row a fresh process")
    results: dict[tuple[str, str], dict[str, object]] = {}
    for name, cfg in CONFIGS.items():
        cache = tmp / f"numba-{len(results)}"
        cache.mkdir()
        for state in ("cold", "warm"):
            results[(name, state)] = run(cfg, tp, vp, cache)
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(Path(tmp))
    head = f"{'config':<24}{'numba':>6}{'import s':>9}{'fit 1 s':>8}{'fit 2 s':>8}"
    print(head + f"{'first':>8}{'topics':>7}{'moved':>6}{'none':>6}  same")
    first = {}
    for (name, state), r in results.items():
        first[(name, state)] = float(str(r["import"])) + float(str(r["fit1"]))
        print(
            f"{name:<24}{state:>6}{r['import']:>9.2f}{r['fit1']:>8.2f}{r['fit2']:>8.2f}"
            f"{first[(name, state)]:>8.2f}{r['topics']:>7}{r['reassigned']:>6}"
            f"{r['none']:>6.2f}  {r['same']}"
        )
    ours, plain, peer = (first[(n, "cold")] for n in CONFIGS)
    warm = first[("qualcode PCA+KMeans", "warm")]
    print(f"qualcode first run (cold numba cache) / warm: {ours / warm:.2f}x")
    print(f"peer UMAP+HDBSCAN first run / qualcode's: {peer / ours:.1f}x")
    print(f"plain import first run / qualcode's: {plain / ours:.1f}x")
    print("labels:", results[("qualcode PCA+KMeans", "warm")]["labels"])


if __name__ == "__main__":
    main()
