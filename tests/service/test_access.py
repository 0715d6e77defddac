"""Who may do what: 401 without a usable token, 403 for the wrong role or project."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from helpers import Team


def test_no_token_or_a_bad_one_is_401(client: TestClient) -> None:
    assert client.get("/api/projects").status_code == 401
    r = client.get("/api/projects", headers={"Authorization": "Bearer qc_nope"})
    assert r.status_code == 401 and "qc_nope" not in r.text
    assert r.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("user", "method", "path", "status"),
    [
        ("ana", "post", "/api/projects/demo/segments/1/decisions", 403),  # analyst can't code
        ("cem", "get", "/api/projects/demo/exports/csv", 403),  # coder can't export
        ("cem", "post", "/api/projects/demo/process", 403),
        ("ana", "get", "/api/projects/demo/transcripts/1/redactions", 403),
        ("cem", "get", "/api/users", 403),
        ("rita", "post", "/api/projects/demo/bulk-accept", 403),  # researcher isn't a coder
        ("admin", "get", "/api/projects/demo/segments", 403),  # admin manages users only
    ],
)
def test_wrong_role_is_403(
    client: TestClient, team: Team, user: str, method: str, path: str, status: int
) -> None:
    body = {"code_id": "unemployment", "action": "accept"} if "decisions" in path else {}
    if "bulk" in path:
        body = {"min_score": 0.9}
    r = client.request(method.upper(), path, headers=team.headers(user), json=body or None)
    assert r.status_code == status, r.text


def test_a_project_you_are_not_in_is_403(client: TestClient, team: Team) -> None:
    r = client.post("/api/projects", json={"name": "other"}, headers=team.headers("rita"))
    assert r.status_code == 201
    assert (
        client.get("/api/projects/other/segments", headers=team.headers("cem")).status_code == 403
    )
    assert client.get("/api/projects", headers=team.headers("cem")).json() == ["demo"]
    r = client.post(
        "/api/projects/other/members", json={"user": "cem"}, headers=team.headers("admin")
    )
    assert r.status_code == 201
    assert (
        client.get("/api/projects/other/segments", headers=team.headers("cem")).status_code == 200
    )


def test_admin_creates_users_and_tokens_shown_once(client: TestClient, team: Team) -> None:
    h = team.headers("admin")
    r = client.post("/api/users", json={"name": "zed", "roles": ["coder"]}, headers=h)
    assert r.status_code == 201 and r.json()["roles"] == ["coder"]
    token = client.post("/api/users/zed/tokens", json={"label": "laptop"}, headers=h).json()[
        "token"
    ]
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["name"] == "zed" and me["projects"] == []
    assert token not in client.get("/api/audit", headers=h).text
    assert client.delete(f"/api/tokens/{token[:8]}", headers=h).status_code == 200
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


@pytest.mark.parametrize(("name", "status"), [("a\x00b", 422), ("x" * 65, 422), ("", 422)])
def test_unusable_user_names_are_refused(
    client: TestClient, team: Team, name: str, status: int
) -> None:
    r = client.post(
        "/api/users", json={"name": name, "roles": ["coder"]}, headers=team.headers("admin")
    )
    assert r.status_code == status and "\x00" not in r.text


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "'; DROP TABLE users;--"])
def test_injection_strings_in_names_are_stored_as_plain_text(
    client: TestClient, team: Team, name: str
) -> None:
    h = team.headers("admin")
    assert (
        client.post("/api/users", json={"name": name, "roles": ["coder"]}, headers=h).status_code
        == 201
    )
    names = [u["name"] for u in client.get("/api/users", headers=h).json()]
    assert name in names and "rita" in names  # nothing dropped, nothing executed


def test_an_admin_sees_every_project_to_manage_its_members(client: TestClient, team: Team) -> None:
    assert client.get("/api/projects", headers=team.headers("admin")).json() == ["demo"]
    r = client.get("/api/projects/demo/segments", headers=team.headers("admin"))
    assert r.status_code == 403  # seeing a project is not opening it
