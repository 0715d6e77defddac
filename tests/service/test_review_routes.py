"""Coders' decisions over HTTP: attribution, undo, stale-version 409, queue, bulk accept."""

from __future__ import annotations

from fastapi.testclient import TestClient

from helpers import Team
from qualcode.store import Store

P = "/api/projects/demo"


def _first_suggested(client: TestClient, team: Team) -> tuple[int, str]:
    page = client.get(f"{P}/segments?status=suggested&limit=1", headers=team.headers("cem")).json()
    row = page["items"][0]
    return row["id"], row["codes"][0]["code_id"]


def test_a_decision_is_stored_attributed_and_can_be_undone(client: TestClient, team: Team) -> None:
    seg, code = _first_suggested(client, team)
    h = team.headers("cem")
    r = client.post(
        f"{P}/segments/{seg}/decisions",
        json={"code_id": code, "action": "accept", "memo": "<b>ok</b>"},
        headers=h,
    )
    assert r.status_code == 201
    eid = r.json()["id"]
    store = Store(team.root / "projects" / "demo")
    event = next(e for e in store.review.review_events() if e["id"] == eid)
    assert (event["coder"], event["memo"]) == ("cem", "<b>ok</b>")
    assert client.post(f"{P}/decisions/{eid}/undo", headers=h).status_code == 201
    assert client.post(f"{P}/decisions/{eid}/undo", headers=h).status_code == 409
    assert client.post(f"{P}/decisions/999999/undo", headers=h).status_code == 404


def test_two_coders_on_the_same_pair_get_409_with_the_current_state(
    client: TestClient, team: Team
) -> None:
    seg, code = _first_suggested(client, team)
    first = client.post(
        f"{P}/segments/{seg}/decisions",
        json={"code_id": code, "action": "accept", "expected": 0},
        headers=team.headers("cem"),
    )
    assert first.status_code == 201
    late = client.post(
        f"{P}/segments/{seg}/decisions",
        json={"code_id": code, "action": "reject", "expected": 0},
        headers=team.headers("dina"),
    )
    assert late.status_code == 409
    assert late.json()["current"]["coder"] == "cem"
    again = client.post(
        f"{P}/segments/{seg}/decisions",
        json={"code_id": code, "action": "reject", "expected": first.json()["id"]},
        headers=team.headers("dina"),
    )
    assert again.status_code == 201


def test_bad_decisions_are_refused(client: TestClient, team: Team) -> None:
    h = team.headers("cem")
    seg, code = _first_suggested(client, team)
    cases = [
        (f"{P}/segments/{seg}/decisions", {"code_id": code, "action": "delete"}, 422),
        (f"{P}/segments/{seg}/decisions", {"code_id": "no_such_code", "action": "accept"}, 404),
        (f"{P}/segments/99999/decisions", {"code_id": code, "action": "accept"}, 404),
        (
            f"{P}/segments/{seg}/decisions",
            {"code_id": code, "action": "add", "span_start": 5, "span_end": 100000},
            422,
        ),
        (
            f"{P}/segments/{seg}/decisions",
            {"code_id": code, "action": "accept", "memo": "m" * 6000},
            422,
        ),
        ("/api/projects/nope/segments/1/decisions", {"code_id": code, "action": "accept"}, 404),
        ("/api/projects/..%2Fetc/segments", None, 404),
    ]
    for path, body, status in cases:
        r = client.post(path, json=body, headers=h) if body else client.get(path, headers=h)
        assert r.status_code in (status, 422 if status == 404 and "%2F" in path else status), (
            path,
            r.text,
        )
    store = Store(team.root / "projects" / "demo")
    assert store.review.review_events() == []


def test_a_code_added_to_part_of_a_segment_keeps_its_span(client: TestClient, team: Team) -> None:
    seg, _ = _first_suggested(client, team)
    body = {
        "code_id": "gender_norms",
        "action": "add",
        "span_start": 0,
        "span_end": 10,
        "memo": "first words",
    }
    eid = client.post(
        f"{P}/segments/{seg}/decisions", json=body, headers=team.headers("cem")
    ).json()["id"]
    event = next(
        e for e in Store(team.root / "projects" / "demo").review.review_events() if e["id"] == eid
    )
    assert (event["span_start"], event["span_end"]) == (0, 10)


def test_queue_gives_undecided_segments_with_progress(client: TestClient, team: Team) -> None:
    h = team.headers("cem")
    q = client.get(f"{P}/queue?limit=5", headers=h).json()
    assert len(q["items"]) == 5 and q["progress"]["decided"] == 0
    first = q["items"][0]
    code = first["codes"][0]["code_id"] if first["codes"] else "unemployment"
    client.post(
        f"{P}/segments/{first['id']}/decisions",
        json={"code_id": code, "action": "accept"},
        headers=h,
    )
    q2 = client.get(f"{P}/queue?limit=5", headers=h).json()
    assert first["id"] not in [i["id"] for i in q2["items"]]
    assert q2["progress"]["decided"] == 1
    other = client.get(f"{P}/queue?limit=50", headers=team.headers("dina")).json()
    assert other["progress"]["decided"] == 0  # per coder


def test_bulk_accept_previews_then_applies_exactly_the_preview(
    client: TestClient, team: Team
) -> None:
    h = team.headers("cem")
    preview = client.post(f"{P}/bulk-accept", json={"min_score": 0.6}, headers=h).json()
    assert preview["applied"] is False and preview["count"] > 0
    assert Store(team.root / "projects" / "demo").review.review_events() == []
    done = client.post(f"{P}/bulk-accept", json={"min_score": 0.6, "apply": True}, headers=h).json()
    assert done["count"] == preview["count"]
    events = Store(team.root / "projects" / "demo").review.review_events()
    assert len(events) == preview["count"] and {e["action"] for e in events} == {"accept"}
    assert client.post(f"{P}/bulk-accept", json={"min_score": 1.5}, headers=h).status_code == 422


def _decide(client: TestClient, team: Team, coder: str) -> int:
    seg, code = _first_suggested(client, team)
    r = client.post(
        f"{P}/segments/{seg}/decisions",
        json={"code_id": code, "action": "accept"},
        headers=team.headers(coder),
    )
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_a_coder_may_undo_only_their_own_decisions(client: TestClient, team: Team) -> None:
    eid = _decide(client, team, "cem")
    others = client.post(f"{P}/decisions/{eid}/undo", headers=team.headers("dina"))
    missing = client.post(f"{P}/decisions/{eid + 1000}/undo", headers=team.headers("dina"))
    # another coder's decision is answered exactly as one that does not exist: under
    # blind coding a coder must not learn which decision ids exist
    assert others.status_code == missing.status_code == 404
    same = others.json() | {"message": others.json()["message"].replace(str(eid), "N")}
    assert same == missing.json() | {
        "message": missing.json()["message"].replace(str(eid + 1000), "N")
    }
    store = Store(team.root / "projects" / "demo")
    assert [e["action"] for e in store.review.review_events()] == ["accept"]
    assert client.post(f"{P}/decisions/{eid}/undo", headers=team.headers("cem")).status_code == 201


def test_a_researcher_may_undo_anyones_decision_and_the_log_names_them(
    client: TestClient, team: Team
) -> None:
    eid = _decide(client, team, "cem")
    assert client.post(f"{P}/decisions/{eid}/undo", headers=team.headers("ana")).status_code == 403
    r = client.post(f"{P}/decisions/{eid}/undo", headers=team.headers("rita"))
    assert r.status_code == 201, r.text
    store = Store(team.root / "projects" / "demo")
    undo = store.review.review_events()[-1]
    assert (undo["action"], undo["coder"], undo["undoes"]) == ("undo", "rita", eid)
    assert client.post(f"{P}/decisions/{eid}/undo", headers=team.headers("rita")).status_code == 409
    missing = client.post(f"{P}/decisions/{eid + 1000}/undo", headers=team.headers("rita"))
    assert missing.status_code == 404


def _queue(client: TestClient, team: Team, coder: str, limit: int = 5) -> list[int]:
    r = client.get(f"{P}/queue?limit={limit}", headers=team.headers(coder))
    assert r.status_code == 200
    return [item["id"] for item in r.json()["items"]]


def test_coders_sharing_decisions_get_different_segments_at_the_same_time(
    client: TestClient, team: Team
) -> None:
    cem, dina = _queue(client, team, "cem"), _queue(client, team, "dina")
    assert len(cem) == len(dina) == 5
    assert not set(cem) & set(dina)  # served to cem a moment ago: not to dina
    assert _queue(client, team, "cem") == cem  # cem asking again keeps his page
    seg = cem[0]
    code = client.get(f"{P}/segments/{seg}", headers=team.headers("cem")).json()["segment"]
    code_id = code["codes"][0]["code_id"] if code["codes"] else "unemployment"
    body = {"code_id": code_id, "action": "accept"}
    client.post(f"{P}/segments/{seg}/decisions", json=body, headers=team.headers("cem"))
    assert seg not in _queue(client, team, "cem", 50)
    assert seg not in _queue(client, team, "dina", 50)  # decided by cem: done for all


def test_blind_coders_each_get_the_whole_queue(client: TestClient, team: Team) -> None:
    Store(team.root / "projects" / "demo").settings.set_settings({"blind_coding": "true"})
    cem, dina = _queue(client, team, "cem"), _queue(client, team, "dina")
    assert cem == dina  # each codes every segment on their own


def test_queue_progress_counts_like_the_queue_and_leases_nothing(
    client: TestClient, team: Team
) -> None:
    h = team.headers("cem")
    page = _queue(client, team, "cem")
    before = client.get(f"{P}/queue/progress", headers=h).json()
    assert before["decided"] == 0 and before["total"] > len(page)
    code = client.get(f"{P}/segments/{page[0]}", headers=h).json()["segment"]
    body = {"code_id": code["codes"][0]["code_id"] if code["codes"] else "unemployment",
            "action": "accept"}  # fmt: skip
    client.post(f"{P}/segments/{page[0]}/decisions", json=body, headers=h)
    after = client.get(f"{P}/queue/progress", headers=h).json()
    assert after == {"decided": 1, "total": before["total"]}
    # cem's page stays his: asking for progress did not re-lease it (/queue?limit=1 did)
    assert not set(page) & set(_queue(client, team, "dina", 50))
    assert client.get(f"{P}/queue/progress", headers=team.headers("dina")).json()["decided"] == 0
