"""GET /api/projects/{project}/codebook/diagnostics: the codebook diagnosed against the
project's segments, for anyone who may read the codebook."""

from __future__ import annotations

from fastapi.testclient import TestClient

from helpers import Team

P = "/api/projects/demo/codebook"


def test_a_duplicated_and_a_thin_code_are_reported(client: TestClient, team: Team) -> None:
    h = team.headers("rita")
    book = [c["code"] for c in client.get(P, headers=h).json()]
    unemployment = next(c for c in book if c["id"] == "unemployment")
    copy = {k: unemployment[k] for k in ("label", "definition", "examples", "keywords")}
    assert client.post(P, json={**copy, "id": "jobs"}, headers=h).status_code == 201
    thin = {"id": "stuff", "label": "Stuff", "definition": "Stuff."}
    assert client.post(P, json=thin, headers=h).status_code == 201
    r = client.get(f"{P}/diagnostics", headers=team.headers("ana"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["segments"] > 30 and body["notes"] == []
    found = {(f["kind"], tuple(f["codes"])): f for f in body["findings"]}
    pair = found[("indistinct", ("unemployment", "jobs"))]
    assert 2 <= len(pair["evidence"]["shared_segments"]) <= 3
    assert all(isinstance(s["segment_id"], int) for s in pair["evidence"]["shared_segments"])
    assert ("thin", ("stuff",)) in found
    codes = {c["id"]: c for c in body["codes"]}
    assert codes["jobs"]["nearest"] == "unemployment"
    assert codes["stuff"]["missing"] == ["definition", "examples", "keywords"]


def test_every_reading_role_may_see_it_and_others_may_not(client: TestClient, team: Team) -> None:
    for user in ("rita", "cem", "ana"):
        assert client.get(f"{P}/diagnostics", headers=team.headers(user)).status_code == 200
    assert client.get(f"{P}/diagnostics", headers=team.headers("admin")).status_code == 403
    assert client.get(f"{P}/diagnostics").status_code == 401
    missing = client.get("/api/projects/nowhere/codebook/diagnostics", headers=team.headers("rita"))
    assert missing.status_code == 404


def test_a_project_without_segments_checks_the_codebook_alone(
    client: TestClient, team: Team
) -> None:
    h = team.headers("rita")
    assert client.post("/api/projects", json={"name": "fresh"}, headers=h).status_code == 201
    r = client.get("/api/projects/fresh/codebook/diagnostics", headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["segments"] == 0 and "no transcripts" in r.json()["notes"][0]
    other = client.get("/api/projects/fresh/codebook/diagnostics", headers=team.headers("cem"))
    assert other.status_code == 403  # cem is not a member of it
