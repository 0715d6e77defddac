"""Emergent themes over HTTP: anyone in the project reads topics, their mapping onto the
codebook and the distribution; only a researcher adopts a candidate code or refits."""

from __future__ import annotations

import time
from typing import Any

from fastapi.testclient import TestClient

from helpers import Team
from qualcode.project import auth
from qualcode.store import Store

P = "/api/projects/demo/themes"
CSRF = {"X-Requested-With": "qualcode"}


def _first_candidate(client: TestClient, team: Team) -> dict[str, Any]:
    body = client.get(P, headers=team.headers("rita")).json()
    assert body["candidates"], "the fake embedder leaves topics uncovered"
    candidate: dict[str, Any] = body["candidates"][0]
    return candidate


def test_every_reader_sees_topics_mapped_onto_the_codebook(client: TestClient, team: Team) -> None:
    for user in ("rita", "cem", "ana"):
        r = client.get(P, headers=team.headers(user))
        assert r.status_code == 200, r.text
    body = r.json()
    topic = body["topics"][0]
    assert {"topic", "codes", "similar", "coverage", "similarity", "candidate"} <= set(topic)
    assert topic["topic"]["label"] and len(topic["similar"]) == 3
    flagged = [t["candidate"] for t in body["topics"] if t["candidate"]]
    assert flagged == body["candidates"]
    strict = client.get(f"{P}?min_coverage=0&min_similarity=0", headers=team.headers("ana"))
    assert strict.json()["candidates"] == []
    assert client.get(f"{P}?min_coverage=2", headers=team.headers("ana")).status_code == 422


def test_distribution_counts_sum_to_the_assigned_segments(client: TestClient, team: Team) -> None:
    store = Store(team.root / "projects" / "demo")
    assigned = len(store.topics.topic_assignment())
    store.close()
    for by in ("transcript", "region", "group"):
        r = client.get(f"{P}/distribution?by={by}", headers=team.headers("ana"))
        assert r.status_code == 200 and r.json()["by"] == by
        assert sum(row["count"] for row in r.json()["rows"]) == assigned
    assert client.get(f"{P}/distribution?by=x", headers=team.headers("ana")).status_code == 422


def test_a_researcher_adopts_a_candidate_code(client: TestClient, team: Team) -> None:
    candidate = _first_candidate(client, team)
    url = f"{P}/{candidate['topic_id']}/adopt"
    assert client.post(url, json={}, headers=team.headers("cem")).status_code == 403
    assert client.post(url, json={}, headers=team.headers("ana")).status_code == 403
    body = {"code_id": "emergent_theme", "label": "An emergent theme"}
    r = client.post(url, json=body, headers=team.headers("rita"))
    assert r.status_code == 201, r.text
    code = r.json()["code"]
    assert code["id"] == "emergent_theme" and code["examples"] == list(candidate["examples"])
    assert code["definition"] == candidate["definition"]
    codebook = client.get("/api/projects/demo/codebook", headers=team.headers("cem")).json()
    assert "emergent_theme" in [c["code"]["id"] for c in codebook]
    again = client.post(url, json=body, headers=team.headers("rita"))
    assert again.status_code == 409
    store = Store(team.root / "projects" / "demo")
    entries = auth.audit_log(store)
    store.close()
    assert entries[0]["action"] == "code.adopt" and entries[0]["detail"] == {
        "topic": candidate["topic_id"]
    }


def test_adopt_unknown_topic_is_404(client: TestClient, team: Team) -> None:
    assert client.post(f"{P}/999/adopt", json={}, headers=team.headers("rita")).status_code == 404


def test_a_cookie_write_needs_the_page_header(client: TestClient, team: Team) -> None:
    candidate = _first_candidate(client, team)
    client.post("/", data={"token": team.tokens["rita"]}, follow_redirects=False)  # signs in
    url = f"{P}/{candidate['topic_id']}/adopt"
    assert client.post(url, json={}).status_code == 403
    assert client.post(url, json={}, headers=CSRF).status_code == 201


def test_refit_is_for_researchers(client: TestClient, team: Team) -> None:
    assert client.post(f"{P}/refit", headers=team.headers("cem")).status_code == 403
    r = client.post(f"{P}/refit", headers=team.headers("rita"))
    assert r.status_code == 200 and r.json()["topics"].endswith("topics")


def test_refit_or_process_without_transcripts_says_to_ingest_first(
    client: TestClient, team: Team
) -> None:
    h = team.headers("rita")
    assert client.post("/api/projects", json={"name": "fresh"}, headers=h).status_code == 201
    r = client.post("/api/projects/fresh/themes/refit", headers=h)
    assert r.status_code == 409, r.text
    assert r.json()["error"] == "ConflictError"
    assert "no segments yet" in r.json()["message"] and "ingest" in r.json()["message"]
    job_id = client.post("/api/projects/fresh/process", headers=h).json()["job"]
    for _ in range(120):
        job = client.get(f"/api/projects/fresh/jobs/{job_id}", headers=h).json()
        if job["state"] in ("done", "failed"):
            break
        time.sleep(0.25)
    assert job["state"] == "failed" and "ingest transcripts first" in job["error"], job
