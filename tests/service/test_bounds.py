"""Every integer a request carries is bounded, and the schema says so: an id past SQLite's
INTEGER range (2**63 - 1) is a 422 with the usual error body, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from helpers import Team

P = "/api/projects/demo"
HUGE = "99999999999999999999999"  # > 2**63 - 1: SQLite cannot bind it
DECISION = {"code_id": "unemployment", "action": "accept"}

CASES: list[tuple[str, str, dict[str, Any] | None, str, str]] = [
    ("GET", f"{P}/segments/{HUGE}", None, "ana", "path.segment_id"),
    ("GET", f"{P}/segments/5?before={HUGE}", None, "ana", "query.before"),
    ("GET", f"{P}/segments?transcript_id={HUGE}", None, "ana", "query.transcript_id"),
    ("GET", f"{P}/segments?topic_id={HUGE}", None, "ana", "query.topic_id"),
    ("GET", f"{P}/segments?offset={HUGE}", None, "ana", "query.offset"),
    ("GET", f"{P}/segments?limit={HUGE}", None, "ana", "query.limit"),
    ("GET", f"{P}/search?q=work&offset={HUGE}", None, "ana", "query.offset"),
    ("GET", f"{P}/jobs/{HUGE}", None, "ana", "path.job_id"),
    ("GET", f"{P}/transcripts/{HUGE}/redactions", None, "rita", "path.tid"),
    ("POST", f"{P}/transcripts/{HUGE}/redactions", {"text": "Bob"}, "rita", "path.tid"),
    ("POST", f"{P}/segments/{HUGE}/decisions", DECISION, "cem", "path.segment_id"),
    ("POST", f"{P}/decisions/{HUGE}/undo", None, "cem", "path.event_id"),
    ("POST", f"{P}/themes/{HUGE}/adopt", {}, "rita", "path.topic_id"),
    ("GET", f"/api/audit?limit={HUGE}", None, "admin", "query.limit"),
]


@pytest.mark.parametrize(
    ("method", "url", "body", "user", "field"), CASES, ids=[c[4] + " " + c[1] for c in CASES]
)
def test_an_id_past_the_integer_range_is_422_naming_the_parameter(
    client: TestClient,
    team: Team,
    method: str,
    url: str,
    body: dict[str, Any] | None,
    user: str,
    field: str,
) -> None:
    r = client.request(method, url, json=body, headers=team.headers(user))
    assert r.status_code == 422, r.text
    answer = r.json()
    assert answer["error"] == "InputError"
    assert [p["field"] for p in answer["problems"]] == [field]
    assert HUGE not in r.text  # the submitted value is not echoed


def test_the_largest_id_sqlite_holds_is_a_plain_404(client: TestClient, team: Team) -> None:
    r = client.get(f"{P}/segments/{2**63 - 1}", headers=team.headers("ana"))
    assert r.status_code == 404, r.text


def _integers_without_maximum(schema: dict[str, Any], where: str) -> list[str]:
    """Where ``schema`` (a parameter's or a property's) allows an unbounded integer."""
    options = schema.get("anyOf", [schema])
    return [where for o in options if o.get("type") == "integer" and "maximum" not in o]


def test_every_integer_a_request_carries_has_a_maximum_in_the_schema(
    client: TestClient,
) -> None:
    spec = client.app.openapi()  # type: ignore[attr-defined]
    components = spec["components"]["schemas"]
    unbounded: list[str] = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            for param in op.get("parameters", []):
                where = f"{method.upper()} {path} {param['name']}"
                unbounded += _integers_without_maximum(param["schema"], where)
            content = op.get("requestBody", {}).get("content", {})
            for media in content.values():
                ref = media["schema"].get("$ref", "")
                body = components.get(ref.rsplit("/", 1)[-1], {})
                for name, prop in body.get("properties", {}).items():
                    unbounded += _integers_without_maximum(prop, f"{method.upper()} {path} {name}")
    assert unbounded == []


def test_topic_zero_is_a_topic(client: TestClient, team: Team) -> None:
    r = client.get(f"{P}/segments?topic_id=0&limit=1", headers=team.headers("ana"))
    assert r.status_code == 200, r.text
    assert (
        client.get(f"{P}/segments?transcript_id=0", headers=team.headers("ana")).status_code == 422
    )
