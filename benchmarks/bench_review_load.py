"""Review under load: 20 coders deciding at once through the HTTP API, on loopback.

A fresh workspace (the demo corpus, ingested and processed; the fake hashing embedder is
used for set-up only, since this measures the review path, which embeds nothing new)
is served by ``api.create_app`` under uvicorn in a child process on a free 127.0.0.1
port, job runners on.  Each coder (a thread with its own HTTP connection) loops: GET its
queue, then for each segment accept or reject the suggested codes (sending the version
it saw, ``expected``), sometimes add a code, sometimes undo one of its decisions, until
the time is up.  Then the review log is checked against the acknowledged writes: each
201's id must be there exactly once, with what was sent, and nothing else.

Coders arrive spread over one think interval (0-2x ``--think`` s, as a load tool's
ramp-up), not in one millisecond.  After the load, every coder's queue read is also
sent at one instant (``burst``), and reported on a row of its own, outside the goal.
The server adds a ``Server-Timing`` header, so the queue's share spent in the server
(not in the 20 client threads on the same two CPUs) is shown too.

Peer in the same run: the same decision write through the library (``review.record``),
single-threaded, on a copy of the same project.

Reported: p50/p95/p99 of decisions (POST) and of queue reads (GET) separately, decisions
acknowledged vs stored (lost, duplicated), the load average before and after, and the
time from spawning ``qualcode serve`` in a fresh process to its first 200 on the review
queue (``--first-page``: a one-coder workspace processed with the project's real
embedding model, so the model's load and first retraining are in the figure).

    python benchmarks/bench_review_load.py [--seconds 60] [--coders 20] [--seed 1]
        [--think 2] [--first-page] [--corpus DIR]

The goal's load (the default, and the only one ``make bench``'s table records): 20
coders, each pausing 0-4 s (2 s on average) before each decision, about 5 decisions/s in
all -- still far faster than people read.  ``--think 0`` is saturation: a closed loop
where each coder waits only for its own answers, so latency is about coders /
throughput whatever the server does per request; it shows the ceiling, not the goal.

``--seconds`` is the load's duration; set-up, the peer and shutdown come on top, each
bounded (the server must start within 60 s).  Loopback only.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from _common import CORPUS, REPO

HERE = Path(__file__).resolve().parent
PROJECT = "bench"
QUEUE_LIMIT = 10
GOAL_CODERS, GOAL_THINK = 20, 2.0  # the load the service's goals are stated for
P_ADD, P_UNDO, P_ACCEPT = 0.10, 0.05, 0.6
PEER_SECONDS = 5.0
SHUTDOWN_MARGIN = 4.0


class HashEmbedder:
    """Bag-of-words hashing embedder (as in the tests): instant and deterministic."""

    model_id = "bench-hash|fp32"

    def __init__(self, dim: int = 256) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.vectorizer = HashingVectorizer(
            n_features=dim, alternate_sign=False, norm="l2", stop_words="english"
        )

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        if not len(texts):
            return np.zeros((0, self.vectorizer.n_features), dtype=np.float32)
        return self.vectorizer.transform(list(texts)).toarray().astype(np.float32)


def fake_parts(store: Any) -> Any:
    from qualcode.pipeline.components import default_components
    from qualcode.settings import Settings

    return default_components(
        Settings.from_strings(store.settings.settings()), embedder=HashEmbedder()
    )


# set-up -----------------------------------------------------------------------------
def build(root: Path, coders: int, corpus: Path = CORPUS) -> dict[str, str]:
    """The workspace: an admin, a researcher, ``coders`` coders with tokens, and the demo
    project (or ``corpus``) processed (as tests/service/conftest.py builds it)."""
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.pipeline.run import process
    from qualcode.project import auth, workspace
    from qualcode.store import Store

    home = Store(root, create=True)
    auth.create_admin(home, "admin")
    auth.create_user(home, "rita", ["researcher"])
    project = workspace.create_project(
        home, root / "projects" / PROJECT, auth.get_user(home, "rita")
    )
    tokens = {}
    for i in range(1, coders + 1):
        name = f"coder{i:02d}"
        auth.create_user(home, name, ["coder"])
        tokens[name] = auth.issue_token(home, name, "bench")
        workspace.add_member(home, PROJECT, name, "cli")
    ingest_paths(project, [corpus])
    process(project, parts=fake_parts(project))
    project.close()
    home.close()
    return tokens


def serve_child(root: str, port_file: str) -> None:
    """In the child process: serve ``root`` on a free loopback port until stopped."""
    from api import create_app
    from api.loopback import serve_announcing

    app = timed(create_app(Path(root), run_jobs=True, parts_for=fake_parts))
    # IPPROTO_TCP: asyncio sets TCP_NODELAY only on such sockets (else +40 ms per reply)
    serve_announcing(app, port_file, access_log=False)


def timed(app: Any) -> Any:
    """``app`` answering with a ``Server-Timing: app;dur=MS`` header: the time from the
    request reaching the app to its answer, without the client's share of the two CPUs
    (the coders run as threads of one Python process on the same machine)."""

    async def wrapper(scope: Any, receive: Any, send: Any) -> None:
        t0 = time.perf_counter()

        async def stamped(message: Any) -> None:
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - t0) * 1000
                headers = [*message.get("headers", []), (b"server-timing", b"app;dur=%.2f" % ms)]
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, stamped)

    return wrapper


def in_server(headers: Any) -> float:
    """Seconds the app spent on a request, from the header ``timed`` adds (nan if none)."""
    return float(headers.get("server-timing", "=nan").rpartition("=")[2]) / 1000


class Server:
    def __init__(self, root: Path, log: Path) -> None:
        port_file = log.with_suffix(".port")
        self.log = log
        code = f"import bench_review_load as b; b.serve_child({str(root)!r}, {str(port_file)!r})"
        path = os.pathsep.join([str(HERE), str(REPO), os.environ.get("PYTHONPATH", "")])
        self.out = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONPATH": path},
            stdout=self.out,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while not port_file.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                sys.exit(f"the server did not start:\n{self.tail()}")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{port_file.read_text()}"

    def tail(self, chars: int = 3000) -> str:
        if not self.out.closed:
            self.out.flush()
        return self.log.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # uvicorn shuts down cleanly on SIGTERM
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.out.close()


# the coders -------------------------------------------------------------------------
@dataclass
class Tally:
    """One coder's requests: latencies (s) by kind, statuses, and acknowledged writes."""

    latency: dict[str, list[float]] = field(default_factory=dict)
    in_server: dict[str, list[float]] = field(default_factory=dict)  # a share of latency
    status: Counter[tuple[str, str]] = field(default_factory=Counter)
    acked: list[tuple[int, int, str, str, str, int | None]] = field(default_factory=list)
    conflicts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def add(self, kind: str, seconds: float, status: int | str) -> None:
        self.latency.setdefault(f"{kind} {status}", []).append(seconds)
        self.status[(kind, str(status))] += 1


def coder_loop(
    url: str,
    name: str,
    token: str,
    codes: list[str],
    deadline: float,
    seed: int,
    tally: Tally,
    think: float = 0.0,
) -> None:
    import httpx

    rng = random.Random(seed)
    if think:  # coders arrive spread over 0-2x think seconds, as a load tool's ramp-up
        time.sleep(rng.uniform(0, 2 * think))  # (all at one instant: see ``burst``)
    mine: list[tuple[int, int, str]] = []  # (event id, segment, code) not undone yet
    headers = {"Authorization": f"Bearer {token}"}
    base = f"/api/projects/{PROJECT}"
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:

        def call(kind: str, path: str, body: Any = None) -> httpx.Response | None:
            t0 = time.perf_counter()
            try:
                if body is None:
                    r = client.get(path, params={"limit": QUEUE_LIMIT})
                else:
                    r = client.post(path, json=body)
            except httpx.HTTPError as err:  # no answer: the write may or may not be done
                tally.add(kind, time.perf_counter() - t0, type(err).__name__)
                tally.errors.append(f"{kind}: {type(err).__name__}: {err}"[:300])
                return None
            tally.add(kind, time.perf_counter() - t0, r.status_code)
            if "server-timing" in r.headers:  # a share of the above
                share = in_server(r.headers)
                tally.in_server.setdefault(f"{kind} {r.status_code}", []).append(share)
            if r.status_code >= 500:
                tally.errors.append(f"{kind}: {r.status_code} {r.text[:200]}")
            return r

        def decide(segment: int, code: str, action: str, expected: int) -> None:
            if think:  # a coder reads the segment before deciding: 0 to 2x think seconds
                time.sleep(rng.uniform(0, 2 * think))
            body = {"code_id": code, "action": action, "expected": expected}
            r = call("decision", f"{base}/segments/{segment}/decisions", body)
            if r is None:
                return
            if r.status_code == 201:
                event = r.json()["id"]
                tally.acked.append((event, segment, code, action, name, None))
                mine.append((event, segment, code))
                if rng.random() < P_UNDO:
                    undo(mine.pop(rng.randrange(len(mine))))
            elif r.status_code == 409:
                tally.conflicts[conflict_kind(r.json().get("current") or {}, expected)] += 1

        def undo(target: tuple[int, int, str]) -> None:
            event, segment, code = target
            r = call("undo", f"{base}/decisions/{event}/undo", {})
            if r is not None and r.status_code == 201:
                tally.acked.append((r.json()["id"], segment, code, "undo", name, event))

        while time.monotonic() < deadline:
            r = call("queue", f"{base}/queue")
            if r is None or r.status_code != 200:
                time.sleep(0.1)
                continue
            items = r.json()["items"]
            if not items:
                return
            for item in items:
                if time.monotonic() >= deadline:
                    return
                seen = {c["code_id"]: c for c in item["codes"]}
                todo = [c for c in item["codes"] if c["status"] == "suggested"]
                for c in todo:
                    action = "accept" if rng.random() < P_ACCEPT else "reject"
                    decide(item["id"], c["code_id"], action, c["event_id"] or 0)
                if not todo or rng.random() < P_ADD:  # every segment gets a decision
                    code = rng.choice(codes)
                    action = "add" if not todo or rng.random() < 0.5 else "reject"
                    decide(item["id"], code, action, (seen.get(code) or {}).get("event_id") or 0)


def conflict_kind(current: dict[str, Any], expected: int) -> str:
    """Why a decision sent with ``expected`` was refused, from the 409's current entry."""
    if current.get("action") == "undo" and current.get("undoes") != expected:
        return "after an undo the queue cannot show"  # no version the coder could send
    return "stale view (another decision came first)"


def burst(url: str, tokens: list[str]) -> tuple[list[float], list[float]]:
    """Every coder's queue read sent at one instant (a barrier), on the warm server: the
    worst case the ramp-up spares the load above."""
    import httpx

    clients = [
        httpx.Client(base_url=url, headers={"Authorization": f"Bearer {t}"}, timeout=30)
        for t in tokens
    ]
    path = f"/api/projects/{PROJECT}/queue"
    for client in clients:  # connected first: the burst times requests, not handshakes
        client.get(path, params={"limit": QUEUE_LIMIT}).raise_for_status()
    gate, times = threading.Barrier(len(clients)), [0.0] * len(clients)
    inside = [0.0] * len(clients)

    def one(i: int) -> None:
        gate.wait()
        t0 = time.perf_counter()
        r = clients[i].get(path, params={"limit": QUEUE_LIMIT})
        times[i] = time.perf_counter() - t0
        r.raise_for_status()
        inside[i] = in_server(r.headers)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for client in clients:
        client.close()
    return times, inside


# the peer: the same write through the library, one thread -----------------------------
def library_peer(project: Path, codes: list[str], seconds: float, seed: int) -> list[float]:
    from qualcode.review import decisions as review
    from qualcode.store import Store

    rng = random.Random(seed)
    store = Store(project)
    pairs = [(s.segment_id, s.code_id) for s in store.analysis.suggestions()]
    pairs += [(s.id or 0, rng.choice(codes)) for s in store.segments.segments()]
    pairs = list(dict.fromkeys(pairs))  # each pair once: expected=0 holds for each
    times: list[float] = []
    deadline = time.monotonic() + seconds
    for segment, code in pairs:
        if time.monotonic() >= deadline:
            break
        action = "accept" if rng.random() < P_ACCEPT else "reject"
        t0 = time.perf_counter()
        review.record(store, segment, code, action, "peer", expected=0)
        times.append(time.perf_counter() - t0)
    store.close()
    return times


# report -----------------------------------------------------------------------------
def pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) * 1000 if len(values) else float("nan")


def row(label: str, values: Sequence[float]) -> str:
    ms = [pct(values, q) for q in (50, 95, 99)]
    return f"{label:<34}{len(values):>8}{ms[0]:>9.1f}{ms[1]:>9.1f}{ms[2]:>9.1f}"


def integrity(db: Path, acked: list[tuple[int, int, str, str, str, int | None]]) -> list[str]:
    """Problems found comparing the review log with the acknowledged writes (none: [])."""
    with sqlite3.connect(db) as con:
        check = con.execute("PRAGMA integrity_check").fetchall()
        rows = con.execute(
            "SELECT id, segment_id, code_id, action, coder, undoes FROM review_log"
        ).fetchall()
    problems = [] if check == [("ok",)] else [f"PRAGMA integrity_check: {check[:3]}"]
    by_id = Counter(r[0] for r in rows)
    logged = {r[0]: tuple(r) for r in rows}
    ids = Counter(a[0] for a in acked)
    if dup := [i for i, n in ids.items() if n > 1]:
        problems.append(f"{len(dup)} ids acknowledged twice: {dup[:5]}")
    if lost := [a for a in acked if a[0] not in logged]:
        problems.append(f"{len(lost)} acknowledged writes missing from review_log: {lost[:3]}")
    if wrong := [a for a in acked if a[0] in logged and logged[a[0]] != a]:
        problems.append(f"{len(wrong)} rows differ from what was sent: {wrong[:3]}")
    if twice := [i for i, n in by_id.items() if n > 1]:
        problems.append(f"{len(twice)} ids in review_log more than once")
    if extra := sorted(set(logged) - set(ids)):
        problems.append(f"{len(extra)} rows in review_log nobody was told about: {extra[:5]}")
    if len(rows) != len(acked):
        problems.append(f"review_log has {len(rows)} rows; {len(acked)} writes were acknowledged")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="the load's duration")
    parser.add_argument(
        "--first-page", action="store_true", help="also time a fresh `qualcode serve`"
    )
    parser.add_argument("--coders", type=int, default=20)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="transcripts to review (default: the demo corpus; e.g. make_corpus.py's 1M "
        "words, to see the review path on a large project)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--think",
        type=float,
        default=GOAL_THINK,
        help="mean seconds a coder reads before each decision (the goal's load: 2; "
        "0: back to back, saturation)",
    )
    args = parser.parse_args()
    start = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="qualcode-bench-load-"))
    server: Server | None = None
    try:
        root = tmp / "workspace"
        tokens = build(root, args.coders, args.corpus)
        project = root / "projects" / PROJECT
        shutil.copytree(project, tmp / "peer")  # the peer writes to its own copy
        from qualcode.store import Store

        store = Store(project)
        codes, n_segments = sorted(store.codebook.code_ids()), len(store.segments.segments())
        n_suggestions = len(store.analysis.suggestions())
        store.close()
        setup = time.monotonic() - start

        server = Server(root, tmp / "server.log")
        import httpx

        first = next(iter(tokens.values()))
        t0 = time.perf_counter()  # the first queue trains the live model: not counted
        r = httpx.get(
            f"{server.url}/api/projects/{PROJECT}/queue",
            headers={"Authorization": f"Bearer {first}"},
            timeout=60,
        )
        r.raise_for_status()
        warm = time.perf_counter() - t0
        load = args.seconds
        load_before = os.getloadavg()

        tallies = [Tally() for _ in tokens]
        deadline = time.monotonic() + load
        threads = [
            threading.Thread(
                target=coder_loop,
                args=(server.url, name, token, codes, deadline, args.seed * 1000 + i, tally),
                kwargs={"think": args.think},
            )
            for i, ((name, token), tally) in enumerate(zip(tokens.items(), tallies, strict=True))
        ]
        t_load = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t_load
        spike, spike_inside = burst(server.url, list(tokens.values()))
        server.stop()
        log_tail = server.tail()
        server = None

        peer = library_peer(tmp / "peer", codes, PEER_SECONDS, args.seed)
        acked = [a for t in tallies for a in t.acked]
        problems = integrity(project / "qualcode.db", acked)
        report(args, tallies, acked, problems, peer, elapsed, setup, warm)
        print(row(f"burst: {len(spike)} queue GETs at once", spike) + "  (after the load; no goal)")
        print(row("  of which in the server", spike_inside))
        print(f"corpus: {n_segments} segments, {n_suggestions} suggestions, {len(codes)} codes")
        print(f"load average before {_loadavg(load_before)}; after {_loadavg(os.getloadavg())}")
        if args.first_page:
            first_page(tmp / "fresh")
        print(f"whole run: {time.monotonic() - start:.1f} s (load {args.seconds:.0f} s)")
        if problems or any(t.errors for t in tallies):
            print("server log (tail):\n" + log_tail)
            sys.exit(1)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def _loadavg(values: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


# time to the first review page of a fresh `qualcode serve` ----------------------------
def first_page(root: Path) -> None:
    """Spawn ``qualcode serve`` over a one-coder workspace processed with the real model
    and time spawn -> listening and spawn -> first 200 of the review queue."""
    tokens = build_real(root)
    token = tokens["coder01"]
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [sys.executable, "-m", "qualcode", "serve", "-w", str(root), "--port", str(port)]
    path = os.pathsep.join([str(REPO / "src"), str(REPO), os.environ.get("PYTHONPATH", "")])
    log = (root / "serve.log").open("wb")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": path}, stdout=log, stderr=log)
    try:
        listening, page = _poll_first_page(f"http://127.0.0.1:{port}", token, proc, t0)
    finally:
        proc.terminate()
        proc.wait(15)
        log.close()
    print(
        f"fresh `qualcode serve` (real embedding model): listening after {listening:.2f} s, "
        f"first review queue 200 after {page:.2f} s (from spawn)"
    )


def _poll_first_page(
    url: str, token: str, proc: subprocess.Popen[bytes], t0: float
) -> tuple[float, float]:
    import httpx

    listening = float("nan")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            r = httpx.get(
                f"{url}/api/projects/{PROJECT}/queue",
                headers={"Authorization": f"Bearer {token}"},
                params={"limit": QUEUE_LIMIT},
                timeout=120,
            )
        except httpx.TransportError:
            time.sleep(0.02)
            continue
        if listening != listening:  # nan: the first answer of any kind
            listening = time.perf_counter() - t0
        if r.status_code == 200:
            return listening, time.perf_counter() - t0
        time.sleep(0.02)
    sys.exit("the fresh server gave no review page within 120 s")


def build_real(root: Path) -> dict[str, str]:
    """``build`` with one coder, the demo corpus processed with the real model."""
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.pipeline.run import process
    from qualcode.project import auth, workspace
    from qualcode.store import Store

    home = Store(root, create=True)
    auth.create_admin(home, "admin")
    auth.create_user(home, "rita", ["researcher"])
    user = auth.get_user(home, "rita")
    project = workspace.create_project(home, root / "projects" / PROJECT, user)
    auth.create_user(home, "coder01", ["coder"])
    tokens = {"coder01": auth.issue_token(home, "coder01", "bench")}
    workspace.add_member(home, PROJECT, "coder01", "cli")
    ingest_paths(project, [CORPUS])
    process(project)
    project.close()
    home.close()
    return tokens


def report(
    args: argparse.Namespace,
    tallies: list[Tally],
    acked: list[Any],
    problems: list[str],
    peer: list[float],
    elapsed: float,
    setup: float,
    warm: float,
) -> None:
    lat: dict[str, list[float]] = {}
    inside: dict[str, list[float]] = {}
    status: Counter[tuple[str, str]] = Counter()
    conflicts: Counter[str] = Counter()
    for t in tallies:
        for k, v in t.latency.items():
            lat.setdefault(k, []).extend(v)
        for k, v in t.in_server.items():
            inside.setdefault(k, []).extend(v)
        status.update(t.status)
        conflicts.update(t.conflicts)
    decisions = lat.get("decision 201", [])
    all_decisions = [x for k, v in lat.items() if k.startswith("decision ") for x in v]
    requests = sum(status.values())
    writes = len(acked)
    pace = _pace(args)
    print(
        f"review load: {args.coders} coders over HTTP on 127.0.0.1 for {elapsed:.1f} s, "
        f"{pace} (one uvicorn process; {os.cpu_count()} CPUs shared by server and clients)"
    )
    print(
        f"set-up {setup:.1f} s with the fake hashing embedder (the review path embeds "
        f"nothing); first queue (live model trained) {warm:.2f} s, not counted"
    )
    print(
        f"requests: {requests} ({requests / elapsed:.0f}/s); acknowledged writes: {writes} "
        f"({writes / elapsed:.0f}/s)"
    )
    print("statuses: " + ", ".join(f"{k} {s}: {n}" for (k, s), n in sorted(status.items())))
    if conflicts:
        detail = ", ".join(f"{why}: {n}" for why, n in sorted(conflicts.items()))
        print(f"409 conflicts on `expected` (nothing written): {detail}")
    print(f"{'latency (ms)':<34}{'n':>8}{'p50':>9}{'p95':>9}{'p99':>9}")
    print(row("API POST decision (201)", decisions))
    print(row("API POST decision (any status)", all_decisions))
    print(row("API POST undo (201)", lat.get("undo 201", [])))
    print(row("API GET queue (200)", lat.get("queue 200", [])))
    print(row("  of which in the server", inside.get("queue 200", [])))
    print(row("peer: review.record, 1 thread", peer))
    if decisions and peer:
        p95 = pct(decisions, 95) / pct(peer, 95)
        p50 = pct(decisions, 50) / pct(peer, 50)
        print(f"API / library: p95 {p95:.1f}x, p50 {p50:.1f}x")
        print(
            f"throughput: API {len(decisions) / elapsed:.0f} decisions/s ({args.coders} coders); "
            f"library {len(peer) / sum(peer):.0f} decisions/s (1 thread, back to back)"
        )
    verdict = "OK" if not problems else "FAILED"
    print(
        f"integrity {verdict}: {writes} acknowledged writes, each in review_log exactly once "
        f"with what was sent; lost 0, duplicated 0, unacknowledged rows 0"
        if not problems
        else f"integrity {verdict}:\n  " + "\n  ".join(problems)
    )
    errors = [e for t in tallies for e in t.errors]
    if errors:
        print(f"{len(errors)} failed requests (5xx or no answer); first: {errors[:3]}")
    _goals(args, decisions, lat.get("queue 200", []), writes, problems)


def _goals(
    args: argparse.Namespace, decisions: list[float], queue: list[float], writes: int,
    problems: list[str],
) -> None:  # fmt: skip
    from _common import Goal, print_goals, record

    d95 = pct(decisions, 95) if decisions else float("inf")
    q95 = pct(queue, 95) if queue else float("inf")
    who = f"{args.coders} coders, {_pace(args, short=True)}"
    goals = [
        Goal(f"decision p95 ({who})", "< 50 ms", f"{d95:.0f} ms", f"{d95 / 50:.2f} of goal",
             d95 < 50),
        Goal(f"queue read p95 ({who})", "< 100 ms", f"{q95:.0f} ms", f"{q95 / 100:.2f} of goal",
             q95 < 100),
        Goal("decisions lost or duplicated", "none", f"{len(problems)} of {writes}", "-",
             not problems),
    ]  # fmt: skip
    print_goals(goals)
    if args.coders == GOAL_CODERS and args.think == GOAL_THINK and args.corpus == CORPUS:
        record("service", goals)
    else:
        print(f"(not recorded for make bench: the goals are stated for {GOAL_CODERS} coders, "
              f"--think {GOAL_THINK:g}, on the demo corpus)")  # fmt: skip


def _pace(args: argparse.Namespace, short: bool = False) -> str:
    """The load, as every figure must state it."""
    if short:
        return f"{args.think:g} s think" if args.think else "saturation"
    if not args.think:
        return "no think time (saturation: closed loop, not the goal's load)"
    goal = " (the goal's load)" if args.think == GOAL_THINK else ""
    return f"{args.think:g} s mean think time, 0-{2 * args.think:g} s per decision{goal}"


if __name__ == "__main__":
    main()
