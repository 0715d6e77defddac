"""The coder's workbench over HTTP (issue 17): the document with exact offsets, memos,
flags, progress after undo, the code tree, members, redaction context, language."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from helpers import Team
from qualcode.store import Store

P = "/api/projects/demo"
SECRET = "Zarina said it in confidence"


def _suggested(client: TestClient, team: Team) -> tuple[int, str, int]:
    """A segment with an undecided suggestion: its id, the code, its transcript."""
    page = client.get(f"{P}/segments?status=suggested&limit=1", headers=team.headers("cem"))
    row = page.json()["items"][0]
    return row["id"], row["codes"][0]["code_id"], row["transcript_id"]


def _decide(client: TestClient, team: Team, user: str, seg: int, body: dict[str, Any]) -> int:
    r = client.post(f"{P}/segments/{seg}/decisions", json=body, headers=team.headers(user))
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_document_offsets_are_exact_for_turns_segments_and_spans(
    client: TestClient, team: Team
) -> None:
    seg, code, tid = _suggested(client, team)
    whole = client.get(f"{P}/segments/{seg}", headers=team.headers("cem")).json()["segment"]
    _decide(client, team, "cem", seg, {"code_id": code, "action": "add", "span_start": 2,
                                       "span_end": 11})  # fmt: skip
    r = client.get(f"{P}/transcripts/{tid}/document", headers=team.headers("ana"))
    assert r.status_code == 200
    doc = r.json()
    text = doc["text"]
    store = Store(team.root / "projects" / "demo")
    stored = {s.id: s.text for s in store.segments.segments(tid)}
    assert [s["id"] for s in doc["segments"]] == sorted(stored, key=lambda i: i)
    for s in doc["segments"]:
        assert text[s["start"] : s["end"]] == stored[s["id"]]
    for t, turn in zip(doc["turns"], store.transcripts.turns(tid), strict=True):
        assert text[t["start"] : t["end"]] == turn["text"]
    (span,) = doc["spans"]
    assert (span["segment_id"], span["code_id"], span["coder"]) == (seg, code, "cem")
    assert text[span["start"] : span["end"]] == whole["text"][2:11]
    assert set(doc["meta"]) <= {"title", "region", "district", "group", "date", "language", "fmt"}


def test_document_needs_a_reading_role_and_an_existing_transcript(
    client: TestClient, team: Team
) -> None:
    assert client.get(f"{P}/transcripts/1/document").status_code == 401
    assert (
        client.get(f"{P}/transcripts/1/document", headers=team.headers("admin")).status_code == 403
    )
    r = client.get(f"{P}/transcripts/99999/document", headers=team.headers("cem"))
    assert r.status_code == 404
    r = client.get("/api/projects/nope/transcripts/1/document", headers=team.headers("cem"))
    assert r.status_code == 404


def test_blind_coding_shows_a_coder_only_their_own_decisions_and_memos(
    client: TestClient, team: Team
) -> None:
    seg, code, tid = _suggested(client, team)
    _decide(client, team, "dina", seg, {"code_id": code, "action": "reject"})
    memo = {"target": "segment", "target_id": str(seg), "text": "dina's view"}
    assert client.post(f"{P}/memos", json=memo, headers=team.headers("dina")).status_code == 201
    store = Store(team.root / "projects" / "demo")
    store.settings.set_settings({"blind_coding": "true"})
    store.close()

    def status_seen_by(user: str) -> str:
        doc = client.get(f"{P}/transcripts/{tid}/document", headers=team.headers(user)).json()
        row = next(s for s in doc["segments"] if s["id"] == seg)
        assert bool(doc["memos"]["segments"]) == (user != "cem")
        return next(c["status"] for c in row["codes"] if c["code_id"] == code)

    assert status_seen_by("cem") == "suggested"
    assert status_seen_by("dina") == "rejected"
    assert status_seen_by("rita") == "rejected"
    cem = client.get(f"{P}/progress", headers=team.headers("cem")).json()
    dina = client.get(f"{P}/progress", headers=team.headers("dina")).json()
    assert (cem["segments"]["decided"], dina["segments"]["decided"]) == (0, 1)
    got = client.get(f"{P}/memos?target=segment&target_id={seg}", headers=team.headers("cem"))
    assert got.json() == []
    guidance = {"target": "project", "target_id": "", "text": "code irony as such"}
    assert client.post(f"{P}/memos", json=guidance, headers=team.headers("rita")).status_code == 201
    seen = client.get(f"{P}/memos", headers=team.headers("cem")).json()
    assert [m["text"] for m in seen] == ["code irony as such"]  # guidance is for everyone


def test_progress_stays_true_after_undo(client: TestClient, team: Team) -> None:
    seg, code, tid = _suggested(client, team)
    h = team.headers("cem")
    before = client.get(f"{P}/progress", headers=h).json()
    eid = _decide(client, team, "cem", seg, {"code_id": code, "action": "accept"})
    during = client.get(f"{P}/progress", headers=h).json()
    assert during["segments"]["decided"] == before["segments"]["decided"] + 1
    row = next(c for c in during["by_code"] if c["code_id"] == code)
    old = next(c for c in before["by_code"] if c["code_id"] == code)
    assert (row["accepted"], row["suggested_open"]) == (
        old["accepted"] + 1,
        old["suggested_open"] - 1,
    )
    per = {t["id"]: t["decided"] for t in during["by_transcript"]}
    assert per[tid] == 1
    assert client.post(f"{P}/decisions/{eid}/undo", headers=h).status_code == 201
    after = client.get(f"{P}/progress", headers=h).json()
    assert after == before
    queue = client.get(f"{P}/queue?limit=1", headers=h).json()
    assert queue["progress"]["decided"] == 0  # the queue's count too
    assert after["segments"]["total"] == sum(t["total"] for t in after["by_transcript"])


def test_memos_are_versioned_author_only_and_never_echoed(client: TestClient, team: Team) -> None:
    seg, _, _ = _suggested(client, team)
    cem, dina, rita = team.headers("cem"), team.headers("dina"), team.headers("rita")
    body = {"target": "segment", "target_id": str(seg), "text": SECRET}
    r = client.post(f"{P}/memos", json=body, headers=cem)
    assert r.status_code == 201
    made = r.json()
    assert (made["author"], made["target"], made["target_id"]) == ("cem", "segment", str(seg))
    assert "text" not in made
    mid = made["id"]
    r = client.patch(f"{P}/memos/{mid}", json={"text": "dina was here"}, headers=dina)
    assert r.status_code == 404 and SECRET not in r.text
    r = client.patch(f"{P}/memos/{mid}", json={"text": SECRET + " (edited)"}, headers=cem)
    assert r.status_code == 200 and r.json()["version"] == 2
    listed = client.get(f"{P}/memos?target=segment&target_id={seg}", headers=rita).json()
    assert [(m["id"], m["text"]) for m in listed] == [(mid, SECRET + " (edited)")]
    store = Store(team.root / "projects" / "demo")
    assert [v["text"] for v in store.memos.versions(mid)] == [SECRET, SECRET + " (edited)"]
    assert client.delete(f"{P}/memos/{mid}", headers=dina).status_code == 404
    assert client.delete(f"{P}/memos/{mid}", headers=rita).status_code == 204
    assert client.get(f"{P}/memos?target=segment", headers=rita).json() == []
    assert client.patch(f"{P}/memos/{mid}", json={"text": "x"}, headers=cem).status_code == 404
    assert len(store.memos.versions(mid)) == 3  # the deletion is a version too


def test_memo_targets_roles_and_limits(client: TestClient, team: Team) -> None:
    cem = team.headers("cem")
    code = client.get(f"{P}/codebook/tree", headers=cem).json()[0]["id"]
    for target, tid in (("project", ""), ("transcript", "1"), ("code", code)):
        r = client.post(f"{P}/memos", json={"target": target, "target_id": tid, "text": SECRET},
                        headers=cem)  # fmt: skip
        assert r.status_code == 201, r.text
    kinds = [m["target"] for m in client.get(f"{P}/memos", headers=cem).json()]
    assert kinds == ["code", "transcript", "project"]  # newest first
    ana = client.post(f"{P}/memos", json={"target": "project", "text": "x"},
                      headers=team.headers("ana"))  # fmt: skip
    assert ana.status_code == 403
    for body, status in (
        ({"target": "segment", "target_id": "999999", "text": SECRET}, 404),
        ({"target": "transcript", "target_id": "abc", "text": SECRET}, 422),
        ({"target": "code", "target_id": "no_such_code", "text": SECRET}, 404),
        ({"target": "project", "target_id": "", "text": "x" * 5001}, 422),
        ({"target": "elsewhere", "target_id": "", "text": SECRET}, 422),
        ({"target": "project", "target_id": "", "text": "   "}, 422),
    ):
        r = client.post(f"{P}/memos", json=body, headers=cem)
        assert r.status_code == status, (body["target"], r.text)
        assert SECRET not in r.text
    assert client.get(f"{P}/memos?target=elsewhere", headers=cem).status_code == 422


def test_memos_stay_out_of_the_logs(client: TestClient, team: Team, caplog: Any) -> None:
    caplog.set_level("DEBUG")
    body = {"target": "project", "target_id": "", "text": SECRET}
    assert client.post(f"{P}/memos", json=body, headers=team.headers("cem")).status_code == 201
    assert SECRET not in caplog.text


def test_flags_are_per_coder(client: TestClient, team: Team) -> None:
    seg, _, tid = _suggested(client, team)
    cem, dina = team.headers("cem"), team.headers("dina")
    assert client.put(f"{P}/segments/{seg}/flag", headers=cem).status_code == 204
    assert client.put(f"{P}/segments/{seg}/flag", headers=cem).status_code == 204  # idempotent
    assert client.get(f"{P}/flags", headers=cem).json() == {"segments": [seg]}
    assert client.get(f"{P}/flags", headers=dina).json() == {"segments": []}
    doc = client.get(f"{P}/transcripts/{tid}/document", headers=cem).json()
    assert doc["flags"] == [seg]
    flagged = client.get(f"{P}/segments?flagged=true", headers=cem).json()
    assert [s["id"] for s in flagged["items"]] == [seg]
    assert client.get(f"{P}/segments?flagged=true", headers=dina).json()["total"] == 0
    assert client.delete(f"{P}/segments/{seg}/flag", headers=cem).status_code == 204
    assert client.get(f"{P}/flags", headers=cem).json() == {"segments": []}
    assert client.put(f"{P}/segments/999999/flag", headers=cem).status_code == 404
    assert client.put(f"{P}/segments/{seg}/flag", headers=team.headers("ana")).status_code == 403


def test_code_tree_has_colours_counts_and_sub_codes(client: TestClient, team: Team) -> None:
    seg, code, _ = _suggested(client, team)
    h = team.headers("ana")
    before = client.get(f"{P}/codebook/tree", headers=h).json()
    _decide(client, team, "cem", seg, {"code_id": code, "action": "accept"})
    tree = client.get(f"{P}/codebook/tree", headers=h).json()

    def flat(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        out = {}
        for n in nodes:
            out[n["id"]] = n
            out.update(flat(n["children"]))
        return out

    old, new = flat(before), flat(tree)
    assert new[code]["count"] == old[code]["count"] + 1
    assert {n["colour"] for n in new.values()} <= set(_palette())
    assert [n["colour"] for n in new.values()] == [n["colour"] for n in old.values()]
    store = Store(team.root / "projects" / "demo")
    parents = {r["id"]: r["parent"] for r in store.codebook.code_records()}
    for node in new.values():
        assert all(parents[c["id"]] == node["id"] for c in node["children"])


def _palette() -> tuple[str, ...]:
    from qualcode.review.codetree import PALETTE

    return PALETTE


def test_members_are_managed_by_researchers_and_audited(client: TestClient, team: Team) -> None:
    rita = team.headers("rita")
    names = [m["name"] for m in client.get(f"{P}/members", headers=rita).json()]
    assert names == ["ana", "cem", "dina", "rita"]
    assert client.get(f"{P}/members", headers=team.headers("cem")).status_code == 403
    assert client.delete(f"{P}/members/cem", headers=team.headers("cem")).status_code == 403
    assert client.delete(f"{P}/members/cem", headers=rita).status_code == 204
    assert client.delete(f"{P}/members/cem", headers=rita).status_code == 404
    assert client.get(f"{P}/segments", headers=team.headers("cem")).status_code == 403
    r = client.post(f"{P}/members", json={"user": "cem"}, headers=rita)
    assert r.status_code == 201
    assert client.get(f"{P}/segments", headers=team.headers("cem")).status_code == 200
    assert client.post(f"{P}/members", json={"user": "nobody"}, headers=rita).status_code == 404
    assert client.get(f"{P}/members", headers=team.headers("admin")).status_code == 200
    home = Store(team.root)
    actions = [(e["user"], e["action"]) for e in home.auth.audit_rows(2)]
    assert actions == [("rita", "project.member.add"), ("rita", "project.member.remove")]


def test_redactions_come_with_their_pseudonymised_context(client: TestClient, team: Team) -> None:
    rita = team.headers("rita")
    items = client.get(f"{P}/transcripts/1/redactions", headers=rita).json()
    assert items and all(isinstance(i["context"], list) for i in items)
    with_context = [i for i in items if i["context"]]
    assert with_context
    assert all(i["pseudonym"] in c for i in with_context for c in i["context"])
    assert (
        client.get(f"{P}/transcripts/1/redactions", headers=team.headers("cem")).status_code == 403
    )


def test_interface_language_is_stored_per_user(client: TestClient, team: Team) -> None:
    cem = team.headers("cem")
    assert client.get("/api/me", headers=cem).json()["language"] == "en"
    assert client.post("/api/me/language", json={"language": "ru"}, headers=cem).status_code == 204
    assert client.get("/api/me", headers=cem).json()["language"] == "ru"
    assert client.get("/api/me", headers=team.headers("dina")).json()["language"] == "en"
    r = client.post("/api/me/language", json={"language": "xx"}, headers=cem)
    assert r.status_code == 422
    assert client.post("/api/me/language", json={"language": "uz"}).status_code == 401
