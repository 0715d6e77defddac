"""The persistent job queue and its background runner, including a real SIGKILL."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from helpers import DEMO_CORPUS, REPO, HashEmbedder
from qualcode.errors import InputError
from qualcode.pipeline.components import default_components
from qualcode.project.jobs import (
    Job,
    JobRunner,
    Report,
    default_handlers,
    stage_upload,
    uploads_dir,
)
from qualcode.records import Topic
from qualcode.settings import Settings
from qualcode.store import Store
from qualcode.store.jobs import Step
from qualcode.topics.model import TopicResult

FAST = {"poll_interval": 0.05, "heartbeat_interval": 0.2}


def wait_for(runner: JobRunner, job_id: int, timeout: float = 30.0) -> Job:
    deadline = time.monotonic() + timeout
    while (job := runner.status(job_id)).state not in ("done", "failed"):
        assert time.monotonic() < deadline, f"job {job_id} still {job.state}"
        time.sleep(0.02)
    return job


def project(store: Store) -> Path:
    return store.path.parent


# fake handlers ------------------------------------------------------------------------
def halfway(store: Store, params: dict[str, Any], report: Report) -> dict[str, Any]:
    report(0.5, "halfway")
    seen = store.jobs.jobs(state="running")[0]
    return {"seen": [seen.progress, seen.message], "n": params["n"]}


def failing(store: Store, params: dict[str, Any], report: Report) -> None:
    if params.get("expected"):
        raise InputError("The file interview.txt has no turns.", hint="Check its format.")
    raise ValueError("boom")


def slow_steps(store: Store, params: dict[str, Any], report: Report) -> dict[str, Any]:
    """``steps`` steps of ``rows`` rows each, one transaction per step, slowly; steps
    already written are skipped, so re-running after a crash finishes the work."""
    store.db.execute("CREATE TABLE IF NOT EXISTS fake_rows (step INTEGER, i INTEGER)")
    steps, rows = params["steps"], params["rows"]
    for step in range(steps):
        if store.db.execute("SELECT 1 FROM fake_rows WHERE step = ?", [step]).fetchone():
            continue
        with store.atomic():
            for i in range(rows):
                store.db.execute("INSERT INTO fake_rows VALUES (?, ?)", [step, i])
                time.sleep(params["delay"])
        report((step + 1) / steps, f"step {step + 1} of {steps}")
    return {"steps": steps}


def row_counts(store: Store) -> dict[int, int]:
    return dict(store.db.execute("SELECT step, COUNT(*) FROM fake_rows GROUP BY step"))


# tests -----------------------------------------------------------------------------------
def test_a_job_runs_to_done_with_progress(store: Store) -> None:
    with JobRunner(project(store), {"fake": halfway}, **FAST) as runner:
        job_id = runner.submit("fake", {"n": 3})
        job = wait_for(runner, job_id)
    assert job.state == "done" and job.progress == 1.0 and job.error is None
    assert job.result == {"seen": [0.5, "halfway"], "n": 3}
    assert job.attempts == 0 and job.started_at and job.finished_at


def test_a_failing_handler_fails_the_job_with_a_readable_reason(store: Store) -> None:
    with JobRunner(project(store), {"fake": failing}, **FAST) as runner:
        expected = wait_for(runner, runner.submit("fake", {"expected": True}))
        unexpected = wait_for(runner, runner.submit("fake", {}))
    assert expected.state == "failed"
    assert expected.error == "The file interview.txt has no turns. Check its format."
    assert unexpected.error == "Unexpected error (ValueError): boom"
    assert "Traceback" not in (unexpected.error or "")


def test_a_handler_refused_by_a_busy_database_runs_again(store: Store) -> None:
    calls: list[int] = []

    def flaky(s: Store, params: dict[str, Any], report: Report) -> dict[str, int]:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return {"calls": len(calls)}

    runner = JobRunner(project(store), {"fake": flaky})
    job_id = store.jobs.enqueue_job("fake", {})
    runner.run_once(store)
    assert store.jobs.job(job_id).state == "done" and store.jobs.job(job_id).result == {"calls": 2}


def test_unknown_kinds_and_secret_params_are_refused(store: Store) -> None:
    runner = JobRunner(project(store), {"fake": halfway})
    with pytest.raises(InputError, match="Unknown job kind"):
        runner.submit("nope", {})
    with pytest.raises(InputError, match="secrets"):
        runner.submit("fake", {"key": "abc"})
    assert store.jobs.jobs() == []


def test_concurrent_workers_never_claim_the_same_job(store: Store) -> None:
    ids = [store.jobs.enqueue_job("fake", {"n": i}) for i in range(60)]
    claimed: list[list[int]] = [[] for _ in range(6)]

    def claim_all(mine: list[int]) -> None:
        own = Store(project(store))
        while (job := own.jobs.claim_job(f"w{id(mine)}")) is not None:
            mine.append(job.id)
        own.close()

    threads = [threading.Thread(target=claim_all, args=(c,)) for c in claimed]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [i for c in claimed for i in c]
    assert sorted(everything) == ids  # each job exactly once
    assert {j.state for j in store.jobs.jobs(limit=100)} == {"running"}


def test_two_runners_run_each_job_once(store: Store) -> None:
    ran: list[int] = []

    def record(s: Store, params: dict[str, Any], report: Report) -> None:
        ran.append(params["n"])
        time.sleep(0.01)

    runners = [JobRunner(project(store), {"fake": record}, **FAST) for _ in range(3)]
    ids = [runners[0].submit("fake", {"n": i}) for i in range(30)]
    for r in runners:
        r.start()
    jobs = [wait_for(runners[1], i) for i in ids]
    for r in runners:
        assert r.stop()
    assert {j.state for j in jobs} == {"done"} and sorted(ran) == list(range(30))
    assert len({j.worker for j in jobs}) > 1  # the work was shared


def crash(store: Store, job_id: int, worker: str, attempts: int = 0, beat: str = "") -> None:
    """What a worker that died mid-job leaves behind."""
    assert store.jobs.claim_job(worker) is not None
    store.db.execute(
        "UPDATE jobs SET attempts = ?, heartbeat_at = COALESCE(NULLIF(?, ''), heartbeat_at) "
        "WHERE id = ?",
        [attempts, beat, job_id],
    )


def test_a_crashed_job_is_requeued_and_completed(store: Store) -> None:
    job_id = store.jobs.enqueue_job("fake", {"n": 1})
    crash(store, job_id, "elsewhere:1:gone", beat="2000-01-01T00:00:00+00:00")
    with JobRunner(project(store), {"fake": halfway}, **FAST) as runner:
        job = wait_for(runner, job_id)
    assert job.state == "done" and job.attempts == 1 and job.result["n"] == 1


def test_a_job_interrupted_too_often_fails(store: Store) -> None:
    job_id = store.jobs.enqueue_job("fake", {"n": 1})
    crash(store, job_id, "elsewhere:1:gone", attempts=2, beat="2000-01-01T00:00:00+00:00")
    with JobRunner(project(store), {"fake": halfway}, max_attempts=3, **FAST) as runner:
        time.sleep(0.3)
        job = runner.status(job_id)
    assert job.state == "failed" and job.attempts == 3
    assert job.error and job.error.startswith("Interrupted 3 times")


def test_a_live_workers_job_is_left_alone(store: Store) -> None:
    job_id = store.jobs.enqueue_job("fake", {"n": 1})
    crash(store, job_id, f"{socket.gethostname()}:{os.getpid()}:alive")  # fresh heartbeat
    runner = JobRunner(project(store), {"fake": halfway})
    assert runner.recover(store) == []
    assert store.jobs.job(job_id).state == "running"


def test_a_worker_whose_job_was_taken_over_writes_nothing_more(store: Store) -> None:
    def presumed_dead(s: Store, params: dict[str, Any], report: Report) -> None:
        s.jobs.recover_interrupted(
            3, dead_workers=s.jobs.running_workers()
        )  # as another runner would
        report(0.9, "still here")

    runner = JobRunner(project(store), {"fake": presumed_dead})
    job_id = store.jobs.enqueue_job("fake", {})
    assert runner.run_once(store) == job_id
    job = store.jobs.job(job_id)
    assert (job.state, job.attempts, job.progress, job.worker) == ("queued", 1, 0.0, None)


CHILD = """
import sys, time
from pathlib import Path
from qualcode.project.jobs import JobRunner
from test_jobs import slow_steps
JobRunner(Path(sys.argv[1]), {"slow": slow_steps}, poll_interval=0.05).start()
time.sleep(120)
"""


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_a_sigkilled_worker_leaves_a_sound_database_and_the_job_resumes(store: Store) -> None:
    params = {"steps": 6, "rows": 40, "delay": 0.01}
    job_id = store.jobs.enqueue_job("slow", params)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO / "tests")])}
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(project(store))], env=env
    )
    try:
        deadline = time.monotonic() + 30
        while store.jobs.job(job_id).progress < 0.3:  # two steps written, the third under way
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.02)
        time.sleep(0.15)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    reopened = Store(project(store))
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = row_counts(reopened)
    assert 2 <= len(before) < 6 and set(before.values()) == {40}  # no half-written step
    assert reopened.jobs.job(job_id).state == "running"
    with JobRunner(project(store), {"slow": slow_steps}, stale_after=3600, **FAST) as runner:
        job = wait_for(runner, job_id)
    assert job.state == "done" and job.attempts == 1
    assert row_counts(reopened) == dict.fromkeys(range(6), 40)
    reopened.close()


def test_ingest_then_process_jobs_run_the_pipeline(store: Store) -> None:
    uploads = uploads_dir(project(store))
    uploads.mkdir()
    for name in ("jizzakh_women.txt", "tashkent_women.md"):
        shutil.copy(DEMO_CORPUS / name, uploads / name)
    parts = default_components(Settings.from_strings({}), embedder=HashEmbedder())
    parts = replace(parts, topic_modeler=OneTopic())
    messages: list[str] = []
    handlers = default_handlers(lambda s: parts)
    steps: dict[str, list[tuple[float, Step]]] = {k: [] for k in handlers}
    watched = {k: watch(h, messages, steps[k]) for k, h in handlers.items()}
    files = ["jizzakh_women.txt", "tashkent_women.md"]
    with JobRunner(project(store), watched, poll_interval=0.05) as runner:
        job = wait_for(runner, runner.submit("ingest", {"files": files, "meta": {}}))
        again = wait_for(runner, runner.submit("process", {}))
    assert job.state == "done", job.error
    assert len(job.result["added"]) == 2 and job.result["segmented"] > 10
    assert list(uploads.iterdir()) == []  # originals are not kept
    assert "topics" in messages and any(m.startswith("embed: ") for m in messages)
    first = steps["ingest"]
    stages = list(dict.fromkeys(s[0] for _, s in first if s))
    assert stages[:2] == ["ingest", "segment"] and stages[-2:] == ["topics", "suggest"]
    assert "embed" in stages
    fractions = [f for f, _ in first]
    assert fractions == sorted(fractions)  # progress never goes back within the job
    ingest = [s for _, s in first if s and s[0] == "ingest"]
    assert [s[1] for s in ingest] == sorted(s[1] for s in ingest) and ingest[-1][1:] == (2, 2)
    assert again.state == "done" and again.result["segmented"] == 0
    assert again.result["topics"] == "skipped"


class OneTopic:
    def fit(self, ids: Any, texts: Any, vectors: Any) -> TopicResult:
        topic = Topic(0, "everything", ("all",), len(ids), tuple(ids[:3]))
        return TopicResult((topic,), dict.fromkeys(ids, 0))


def watch(handler: Any, messages: list[str], steps: list[tuple[float, Step]]) -> Any:
    def watched(store: Store, params: dict[str, Any], report: Report) -> Any:
        def spy(fraction: float, message: str = "", step: Step = None) -> None:
            messages.append(message)
            steps.append((fraction, step))
            report(fraction, message, step)

        return handler(store, params, spy)

    return watched


def test_an_unreadable_upload_fails_its_job_naming_it_as_uploaded_and_redacted(
    store: Store,
) -> None:
    uploads = uploads_dir(project(store))
    uploads.mkdir()
    path = uploads / "4e4cae52071e.docx"
    path.write_bytes(b"not a docx")
    stage_upload(path, "Aziza_minutes.docx", {"title": "Aziza_minutes", "participants": ["Aziza"]})
    parts = default_components(Settings.from_strings({}), embedder=HashEmbedder())
    with JobRunner(project(store), default_handlers(lambda s: parts), **FAST) as runner:
        job = wait_for(runner, runner.submit("ingest", {"files": [path.name]}))
    assert job.state == "failed"
    # the name as uploaded, redacted as a stored source name is: it is in the database now
    assert (job.error or "").startswith("[PERSON_1]_minutes.docx: is not a valid .docx file")
    assert "Aziza" not in (job.error or "") and str(uploads) not in (job.error or "")
    assert list(uploads.iterdir()) == []  # the upload, its metadata and its name are gone
