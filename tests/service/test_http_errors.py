"""Answers the framework gives before a route runs, in this API's shape: a 405 names
every method of the path (Starlette's own names those of the first route that matches
the path only), and a body that cannot be parsed is a 422 like any malformed request."""

from __future__ import annotations

from fastapi.testclient import TestClient

from helpers import Team


def allow(client: TestClient, team: Team, path: str) -> set[str]:
    response = client.options(path, headers=team.headers("rita"))
    assert response.status_code == 405 and response.json()["error"] == "MethodNotAllowed"
    return {m.strip() for m in response.headers["allow"].split(",")}


def test_a_405_allows_every_method_of_the_path(client: TestClient, team: Team) -> None:
    assert allow(client, team, "/api/projects") == {"GET", "POST"}
    assert allow(client, team, "/api/projects/demo/codebook") == {"GET", "POST"}
    # /codebook/merge is its own path, though /codebook/{code_id} would match it too
    assert allow(client, team, "/api/projects/demo/codebook/merge") == {"POST"}
    assert allow(client, team, "/api/projects/demo/codebook/some_code") == {"PATCH"}


def test_an_unparsable_body_is_a_422_in_the_error_shape(client: TestClient, team: Team) -> None:
    headers = {**team.headers("rita"), "Content-Type": "application/json"}
    response = client.post("/api/projects", content=b"\xff\x1f`", headers=headers)
    assert response.status_code == 422
    assert response.json()["error"] == "InputError" and "hint" in response.json()
