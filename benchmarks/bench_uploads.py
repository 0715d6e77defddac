"""Several tiny uploads through the API: seconds per file, one job per file vs in a row.

A processed demo project is served in-process (``api.create_app`` under FastAPI's
TestClient, job runner on).  Each run starts from a fresh copy of it and uploads ``N``
tiny distinct transcripts:

* A, one job per file: upload, wait for its job, upload the next: each file is ingested
  and the whole project re-scored on its own (what every API upload did before
  uploads in a row joined the queued job);
* B, in a row: the ``N`` uploads back to back, then wait for their jobs (the later
  uploads join the job still queued: one ingest and one scoring for the lot).

Runs alternate A/B/B/A; both figures, their ratio and the load average are printed.

    python benchmarks/bench_uploads.py [--files 8] [--fake]

``--fake``: the hashing embedder instead of the project's real model (set-up in seconds).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import CORPUS
from bench_review_load import fake_parts

PROJECT = "bench"


def build(root: Path, fake: bool) -> str:
    """A workspace with a researcher and the demo project processed; their token."""
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.pipeline.run import process
    from qualcode.project import auth, workspace
    from qualcode.store import Store

    home = Store(root, create=True)
    auth.create_admin(home, "admin")
    auth.create_user(home, "rita", ["researcher"])
    project = workspace.create_project(home, root / "projects" / PROJECT, "cli")
    workspace.add_member(home, PROJECT, "rita", "cli")
    token = auth.issue_token(home, "rita", "bench")
    ingest_paths(project, [CORPUS])
    process(project, parts=fake_parts(project) if fake else None)
    project.close()
    home.close()
    return token


def tiny(run: int, n: int) -> bytes:
    return (
        f"Moderator: What happened at the market in week {run}-{n}?\n\n"
        f"Participant 1: Prices of bread went up again in week {run}-{n}.\n"
    ).encode()


def one_run(template: Path, token: str, files: int, in_a_row: bool, run: int, fake: bool) -> float:
    """Seconds per file: upload ``files`` files to a fresh copy of ``template``."""
    from api import create_app
    from fastapi.testclient import TestClient

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        shutil.copytree(template, root)
        app = create_app(root, run_jobs=True, parts_for=fake_parts if fake else None)
        with TestClient(app) as client:
            client.headers["Authorization"] = f"Bearer {token}"
            app.state.runners.warming.join(120)  # the model is warm in both: not timed
            t0 = time.perf_counter()
            jobs: list[int] = []
            for n in range(files):
                jobs.append(upload(client, tiny(run, n), n))
                if not in_a_row:
                    wait(client, jobs[-1])
            for job in dict.fromkeys(jobs):
                wait(client, job)
            return (time.perf_counter() - t0) / files


def upload(client: Any, content: bytes, n: int) -> int:
    url = f"/api/projects/{PROJECT}/transcripts"
    r = client.post(url, files={"file": (f"market{n}.txt", content, "text/plain")})
    r.raise_for_status()
    return int(r.json()["job"])


def wait(client: Any, job: int) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        state = client.get(f"/api/projects/{PROJECT}/jobs/{job}").json()
        if state["state"] == "done":
            return
        if state["state"] == "failed":
            raise SystemExit(f"job {job} failed: {state['error']}")
        time.sleep(0.02)
    raise SystemExit(f"job {job} did not finish within 300 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--fake", action="store_true", help="the hashing embedder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        t0 = time.perf_counter()
        token = build(template, args.fake)
        print(f"set-up {time.perf_counter() - t0:.1f} s; load average {os.getloadavg()}")
        times: dict[str, list[float]] = {"A": [], "B": []}
        for run, label in enumerate("ABBA"):
            per_file = one_run(template, token, args.files, label == "B", run, args.fake)
            times[label].append(per_file)
            print(f"run {run + 1} ({label}): {per_file:.3f} s per file")
    a, b = statistics.mean(times["A"]), statistics.mean(times["B"])
    model = "hashing embedder" if args.fake else "the project's real model"
    print(f"{args.files} tiny uploads via the API ({model}), mean of A/B/B/A:")
    print(f"  A one job per file: {a:.3f} s per file")
    print(f"  B uploads in a row: {b:.3f} s per file   (A/B {a / b:.1f}x)")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
