"""Uploads the service refuses: each a 422 whose message names the field at fault, and
nothing stored (no file kept, no job queued, no transcript, no audit entry)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
from fastapi.testclient import TestClient

from helpers import Team

URL = "/api/projects/demo/transcripts"
TRANSCRIPT = b"Moderator: How is the bus stop?\n\nParticipant 1: It needs a light.\n"


def counts(team: Team) -> dict[str, int]:
    project = team.root / "projects" / "demo"
    with sqlite3.connect(project / "qualcode.db") as con:
        tables = ("jobs", "transcripts", "audit_log")
        found = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    uploads = project / "uploads"
    found["files"] = len(list(uploads.rglob("*"))) if uploads.exists() else 0
    return found


def post(client: TestClient, team: Team, **parts: Any) -> Any:
    files = {"file": parts.pop("file", ("group.txt", TRANSCRIPT, "text/plain"))}
    data = {"metadata": '{"region": "North"}', "participants": '["Aziza"]', **parts}
    return client.post(URL, files=files, data=data, headers=team.headers("rita"))


@pytest.mark.parametrize(
    ("parts", "field"),
    [
        ({"file": ("big.txt", b"Moderator: hello.\n" * 12_000, "text/plain")}, "file"),
        ({"file": ("setup.exe", b"MZ\x90\x00" * 10, "application/octet-stream")}, "file"),
        ({"file": ("notes.txt.exe", TRANSCRIPT, "text/plain")}, "file"),
        ({"file": ("README", TRANSCRIPT, "text/plain")}, "file"),
        ({"metadata": '{"region": "North"'}, "metadata"),
        ({"metadata": '["not", "an", "object"]'}, "metadata"),
        ({"metadata": '{"date": "yesterday"}'}, "date"),
        ({"metadata": '{"date": "Aziza Karimova"}'}, "date"),
        ({"participants": '"Aziza, Bobur"'}, "participants"),
        ({"participants": '{"name": "Aziza"}'}, "participants"),
        ({"participants": "[1, 2]"}, "participants"),
    ],
    ids=[
        "oversize",
        "exe",
        "double-suffix",
        "no-suffix",
        "metadata-not-json",
        "metadata-not-object",
        "metadata-bad-date",
        "metadata-date-is-a-name",
        "participants-string",
        "participants-object",
        "participants-numbers",
    ],
)
def test_a_refused_upload_is_422_naming_the_field_and_stores_nothing(
    client: TestClient, team: Team, parts: dict[str, Any], field: str
) -> None:
    before = counts(team)
    r = post(client, team, **parts)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "InputError"
    assert field in body["message"].lower(), body
    assert "Aziza" not in r.text  # participant names are never echoed
    assert counts(team) == before


def test_the_size_limit_is_stated_in_the_message(client: TestClient, team: Team) -> None:
    r = post(client, team, file=("big.txt", b"x" * 200_001, "text/plain"))
    assert r.status_code == 422
    assert "200,000 bytes" in r.json()["message"]


def test_missing_or_oversized_form_fields_are_422_naming_them(
    client: TestClient, team: Team
) -> None:
    before = counts(team)
    r = client.post(URL, data={"metadata": "{}"}, headers=team.headers("rita"))
    assert r.status_code == 422
    assert "'file' part" in r.json()["message"]
    r = post(client, team, metadata=json.dumps({"notes": "n" * 20_001}))
    assert r.status_code == 422
    assert "'metadata'" in r.json()["message"]
    assert "nnnn" not in r.text  # the submitted value is not echoed
    assert counts(team) == before


def test_only_researchers_may_upload(client: TestClient, team: Team) -> None:
    before = counts(team)
    files = {"file": ("group.txt", TRANSCRIPT, "text/plain")}
    r = client.post(URL, files=files, headers=team.headers("cem"))
    assert r.status_code == 403
    assert counts(team) == before


def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(
    client: TestClient, team: Team
) -> None:
    headers = {**team.headers("rita"), "content-length": str(50_000_000)}
    r = client.post("/api/projects/demo/transcripts", headers=headers, content=b"x")
    assert r.status_code == 413 and "upload limit" in r.json()["hint"]


def test_an_upload_is_ingested_redacted_and_names_never_reach_the_database(
    client: TestClient, team: Team
) -> None:
    import time

    from qualcode.store import Store

    text = b"Moderator: Aziza, how is the bus stop?\n\nParticipant 1: It needs a light.\n"
    r = post(client, team, file=("group.txt", text, "text/plain"))
    assert r.status_code == 202, r.text
    store = Store(team.root / "projects" / "demo")
    job = store.jobs.job(r.json()["job"])
    assert "Aziza" not in json.dumps(job.params) and "group" not in json.dumps(job.params)
    for _ in range(240):
        job = store.jobs.job(job.id)
        if job.state in ("done", "failed"):
            break
        time.sleep(0.25)
    assert job.state == "done", job.error
    titles = [t["title"] for t in store.transcripts.transcripts()]
    assert "group" in titles
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"Aziza" not in store.path.read_bytes()


def _finished(client: TestClient, team: Team, job_id: int) -> dict[str, Any]:
    import time

    for _ in range(240):
        job: dict[str, Any] = client.get(
            f"/api/projects/demo/jobs/{job_id}", headers=team.headers("rita")
        ).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.25)
    raise AssertionError(f"job {job_id} did not finish")


def test_an_upload_that_cannot_be_read_fails_naming_the_file_as_uploaded(
    client: TestClient, team: Team
) -> None:
    r = post(client, team, file=("fg_minutes.docx", b"not a docx", "application/octet-stream"))
    assert r.status_code == 202, r.text
    job = _finished(client, team, r.json()["job"])
    assert job["state"] == "failed"
    assert job["error"].startswith("fg_minutes.docx: is not a valid .docx file"), job["error"]
    told = json.dumps([job["error"], job["result"], job["message"]])
    stored = job["params"]["files"][0]  # the server's own name for the upload
    assert "uploads" not in told and str(team.root) not in told and stored not in told
    assert counts(team)["files"] == 0  # the upload and its sidecars are gone


def test_a_job_status_says_which_stage_it_reached_and_its_counts(
    client: TestClient, team: Team
) -> None:
    text = b"Moderator: How is the road?\n\nParticipant 1: It needs repair.\n"
    r = post(client, team, file=("roads.txt", text, "text/plain"))
    assert r.status_code == 202, r.text
    job = _finished(client, team, r.json()["job"])
    assert job["state"] == "done", job["error"]
    assert job["stage"] == "suggest" and job["total"] is not None
    assert job["done"] == job["total"]  # the last stage ended
    from qualcode.store import Store

    store = Store(team.root / "projects" / "demo")
    stages = [(1, "ingest", 0, 2), (1, "ingest", 1, 2)]
    queued = store.jobs.enqueue_job("process", {})
    claimed = store.jobs.claim_job("w")
    assert claimed is not None and claimed.id == queued and claimed.stage is None
    for _, stage, done, total in stages:
        assert store.jobs.update_job_progress(queued, "w", 0.1, "x", (stage, done, total))
    seen = client.get(f"/api/projects/demo/jobs/{queued}", headers=team.headers("rita")).json()
    assert (seen["stage"], seen["done"], seen["total"]) == ("ingest", 1, 2)
