"""Wall time of the briefing report (HTML + DOCX) on the demo project.

The project is ``out/demo-project`` as ``make demo`` leaves it (the real embedding model
and topic model); if it is missing it is built there first with ``qualcode.pipeline.demo.run_demo``,
which is what ``make demo`` runs.  Each timed run writes the report into a fresh folder.

Peer in the same run: the plain CSV export (``export_csv``) of the same project, the
cheapest thing an analyst can take away.  Runs alternate (report, CSV, report, ...) so
both see the same machine load; the median of ``--runs`` is reported, after one warm-up
of each (the warm-up report pays for importing matplotlib, jinja2 and python-docx).

    python benchmarks/bench_report.py [--runs 7] [--project out/demo-project]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import REPO, load


def demo_project(path: Path) -> Path:
    """``path`` (a processed project), building the demo there if it has no database."""
    if not (path / "qualcode.db").exists():
        from qualcode.pipeline.demo import run_demo

        print(f"building the demo project in {path} (real models; minutes) ...", flush=True)
        t0 = time.perf_counter()
        run_demo(None, path.parent, progress=False)
        print(f"built in {time.perf_counter() - t0:.0f} s", flush=True)
    return path


def seconds(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--project", type=Path, default=REPO / "out" / "demo-project")
    args = parser.parse_args()

    from qualcode.exports.report import build_report, render_docx, render_html, write_report
    from qualcode.exports.report.charts import all_charts
    from qualcode.exports.rows import export_csv
    from qualcode.store import Store

    store = Store(demo_project(args.project))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        first = seconds(lambda: write_report(store, out / "warm"))
        export_csv(store, out / "warm.csv")
        report, peer = [], []
        print(f"load average before: {load()}")
        for i in range(args.runs):  # A/B/B/A: report, CSV, CSV, report, ...
            pair = [
                lambda i=i: report.append(seconds(lambda: write_report(store, out / f"r{i}"))),
                lambda i=i: peer.append(seconds(lambda: export_csv(store, out / f"c{i}.csv"))),
            ]
            for run in pair if i % 2 == 0 else pair[::-1]:
                run()
        print(f"load average after: {load()}")
        data = build_report(store)
        charts = all_charts(data)
        stages = {
            "  build_report (counts, quotes, notes)": seconds(lambda: build_report(store)),
            "  charts (4 PNGs)": seconds(lambda: all_charts(data)),
            "  render_html": seconds(lambda: render_html(data, charts)),
            "  render_docx": seconds(lambda: render_docx(data, out / "s.docx", charts)),
        }
        sizes = {p.suffix: p.stat().st_size for p in (out / "r0").iterdir()}
    store.close()
    med_r, med_c = statistics.median(report), statistics.median(peer)
    print(f"demo project: {len(data.drivers)} drivers, {data.method.counted} counted pairs, "
          f"{data.transcripts} transcripts; median of {args.runs} runs")  # fmt: skip
    print(f"{'what':<42}{'seconds':>9}")
    print(f"{'write_report, HTML + DOCX':<42}{med_r:>9.3f}")
    print(f"{'peer: export_csv (same project)':<42}{med_c:>9.3f}")
    print(f"{'first write_report (imports included)':<42}{first:>9.3f}")
    print("one run's stages:")
    for name, s in stages.items():
        print(f"{name:<42}{s:>9.3f}")
    print(f"report / CSV export: {med_r / med_c:.1f}x")
    print(f"files: report.html {sizes['.html'] / 1024:.0f} KiB, "
          f"report.docx {sizes['.docx'] / 1024:.0f} KiB")  # fmt: skip


if __name__ == "__main__":
    main()
