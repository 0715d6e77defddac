"""A scripted review session in a real browser: 50 decisions on the workbench (document
view) against 50 on the old queue page, its peer in the same run.

A fresh workspace (the demo corpus, processed with the instant hashing embedder: this
measures the page, not the model) is served by ``api.create_app`` under uvicorn on a
free 127.0.0.1 port; headless Debian chromium (Playwright) signs in as a coder and
decides from the keyboard alone: move to the next open suggestion, choose it with ``j``,
accept with ``a``, or every fourth time reject, on the workbench with a typed reason
(``r``, the reason, Enter).  Each page makes all the decisions, in turns A/B/B/A
(queue, workbench, workbench, queue) of half of them; two coders, so neither sees the
other's work.

Figures: keystrokes per decision (command keys, and typed characters apart), and the
p50/p95 time of a page action (key press until the page is idle again, API calls and
drawing included), for each page, with the ratio workbench / queue.

    python benchmarks/bench_workbench.py [--decisions 50]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from _common import CORPUS, load
from bench_review_load import HashEmbedder

REASON = "off topic"


@dataclass
class Tally:
    keys: int = 0
    typed: int = 0
    decisions: int = 0
    times: list[float] = field(default_factory=list)


def build(root: Path) -> dict[str, str]:
    from qualcode.pipeline.components import default_components
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.pipeline.run import process
    from qualcode.project import auth, workspace
    from qualcode.settings import Settings
    from qualcode.store import Store

    home = Store(root, create=True)
    auth.create_admin(home, "admin")
    rita = auth.create_user(home, "rita", ["researcher"])
    tokens = {}
    for name in ("cem", "dina"):
        auth.create_user(home, name, ["coder"])
        tokens[name] = auth.issue_token(home, name, "bench")
    del rita
    project = workspace.create_project(
        home, root / "projects" / "demo", auth.get_user(home, "rita")
    )
    for name in tokens:
        workspace.add_member(home, "demo", name, "bench")
    ingest_paths(project, [CORPUS])
    parts = default_components(Settings.from_strings({}), embedder=HashEmbedder())
    process(project, parts=parts)
    project.close()
    home.close()
    return tokens


def parts_for(store: object) -> object:
    from qualcode.pipeline.components import default_components
    from qualcode.settings import Settings

    settings = Settings.from_strings(store.settings.settings())  # type: ignore[attr-defined]
    return default_components(settings, embedder=HashEmbedder())


def serve(root: Path) -> tuple[str, object, threading.Thread]:
    import uvicorn
    from api import create_app

    app = create_app(root, run_jobs=True, parts_for=parts_for)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread


class Driver:
    """One coder's page, pressing keys and timing each until the page is idle."""

    def __init__(self, page: object, root: str) -> None:
        self.page, self.root, self.tally = page, root, Tally()

    def idle(self) -> None:
        self.page.wait_for_selector(f'{self.root}[data-busy="0"]', state="attached")  # type: ignore[attr-defined]

    def press(self, key: str) -> None:
        self.tally.keys += 1
        start = time.perf_counter()
        self.page.keyboard.press(key)  # type: ignore[attr-defined]
        self.idle()
        self.tally.times.append(time.perf_counter() - start)

    def type(self, text: str) -> None:
        self.tally.typed += len(text)
        self.page.keyboard.type(text)  # type: ignore[attr-defined]

    def codes(self) -> tuple[list[str], int]:
        js = (
            "ls => [ls.map(l => l.dataset.status),"
            " ls.findIndex(l => l.getAttribute('aria-current') === 'true')]"
        )
        statuses, chosen = self.page.eval_on_selector_all("#codes > li", js)  # type: ignore[attr-defined]
        return statuses, chosen

    def decide(self, n: int, reasons: bool) -> None:
        """``n`` more decisions."""
        target = self.tally.decisions + n
        for _ in range(n * 20):
            if self.tally.decisions >= target:
                return
            statuses, chosen = self.codes()
            if "suggested" not in statuses:
                self.press("n")
                continue
            for _ in range(statuses.index("suggested") - max(chosen, 0)):
                self.press("j")
            if self.tally.decisions % 4 == 3:
                self.press("r")
                if reasons:
                    self.type(REASON)
                    self.press("Enter")
            else:
                self.press("a")
            self.tally.decisions += 1
        raise RuntimeError("the session ran out of open suggestions")


def sign_in(browser: object, url: str, token: str, path: str, root: str) -> Driver:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(url + path)
    page.fill("#token", token)
    page.keyboard.press("Enter")
    page.wait_for_url(url + path + "*")
    driver = Driver(page, root)
    driver.idle()
    return driver


def report(name: str, tally: Tally) -> tuple[float, float]:
    per = (tally.keys + tally.typed) / tally.decisions
    times = np.array(tally.times) * 1000
    p50, p95 = float(np.percentile(times, 50)), float(np.percentile(times, 95))
    print(
        f"{name:<10} decisions {tally.decisions:>3}"
        f"  keys/decision {tally.keys / tally.decisions:.2f}"
        f" (+{tally.typed / tally.decisions:.2f} typed = {per:.2f})"
        f"  actions {len(times):>4}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"
    )
    return per, p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=50)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no chromium on PATH: run .ci/install-browser.sh")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tokens = build(Path(tmp))
        url, server, thread = serve(Path(tmp))
        print(f"load before: {load()}")
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium, headless=True, args=["--no-sandbox"]
            )
            queue = sign_in(browser, url, tokens["dina"], "/p/demo/review", "#review")
            bench = sign_in(browser, url, tokens["cem"], "/p/demo/t/1", "#wb")
            first = args.decisions // 2
            queue.decide(first, reasons=False)  # A
            bench.decide(first, reasons=True)  # B
            bench.decide(args.decisions - first, reasons=True)  # B
            queue.decide(args.decisions - first, reasons=False)  # A
            browser.close()
        server.should_exit = True  # type: ignore[attr-defined]
        thread.join(timeout=15)
    print(f"load after: {load()}")
    keys_a, p95_a = report("queue", queue.tally)
    keys_b, p95_b = report("workbench", bench.tally)
    print(
        f"ratio workbench/queue: keystrokes {keys_b / keys_a:.2f},"
        f" p95 action time {p95_b / p95_a:.2f}"
    )
    print("(the workbench's rejections carry a typed reason; the queue page cannot take one)")


if __name__ == "__main__":
    main()
