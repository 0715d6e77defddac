"""Reading a project over HTTP: segments with filters and paging, search, context,
codebook with history, agreement, exports; blind coding."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from helpers import Team
from qualcode.store import Store

P = "/api/projects/demo"


def test_segments_filter_and_page(client: TestClient, team: Team) -> None:
    h = team.headers("ana")
    everything = client.get(f"{P}/segments?limit=500", headers=h).json()
    page = client.get(f"{P}/segments?limit=10&offset=10", headers=h).json()
    assert page["total"] == everything["total"] > 100
    assert [r["id"] for r in page["items"]] == [r["id"] for r in everything["items"][10:20]]
    jizzakh = client.get(f"{P}/segments?region=Jizzakh&limit=500", headers=h).json()
    assert 0 < jizzakh["total"] < everything["total"]
    assert client.get(f"{P}/segments?limit=100000", headers=h).status_code == 422
    assert client.get(f"{P}/segments?status=maybe", headers=h).status_code == 422


def test_search_is_full_text_and_safe(client: TestClient, team: Team) -> None:
    h = team.headers("ana")
    hits = client.get(f"{P}/search?q=wedding", headers=h).json()
    assert hits["total"] > 0 and "<mark>" in hits["items"][0]["snippet_html"]
    for hostile in ['"', "NEAR(", "'; DROP TABLE segments;--", "*"]:
        r = client.get(f"{P}/search", params={"q": hostile}, headers=h)
        assert r.status_code in (200, 422), r.text
    assert client.get(f"{P}/segments?limit=1", headers=h).json()["total"] > 0


def test_one_segment_in_context(client: TestClient, team: Team) -> None:
    h = team.headers("cem")
    ctx = client.get(f"{P}/segments/5?before=2&after=2", headers=h).json()
    assert ctx["segment"]["id"] == 5 and len(ctx["before"]) <= 2 and len(ctx["after"]) == 2
    assert client.get(f"{P}/segments/999999", headers=h).status_code == 404


def test_codebook_edits_are_versioned(client: TestClient, team: Team) -> None:
    h = team.headers("rita")
    codes = client.get(f"{P}/codebook", headers=h).json()
    assert len(codes) == 13
    edit = {"changes": {"definition": "Lack of paid work."}, "expected_version": 1}
    assert client.patch(f"{P}/codebook/unemployment", json=edit, headers=h).status_code == 200
    assert client.patch(f"{P}/codebook/unemployment", json=edit, headers=h).status_code == 409
    history = client.get(f"{P}/codebook/unemployment/history", headers=h).json()
    assert [v["version"] for v in history] == [1, 2]
    assert (
        client.post(
            f"{P}/codebook/unemployment/retire", json={}, headers=team.headers("cem")
        ).status_code
        == 403
    )


def test_agreement_between_model_and_coders(client: TestClient, team: Team) -> None:
    store = Store(team.root / "projects" / "demo")
    sugg = store.analysis.suggestions()[:10]
    for who in ("cem", "dina"):
        for s in sugg:
            body = {
                "code_id": s.code_id,
                "action": "accept" if who == "cem" or s.score > 0.5 else "reject",
            }
            client.post(
                f"{P}/segments/{s.segment_id}/decisions", json=body, headers=team.headers(who)
            )
    report = client.get(f"{P}/agreement", headers=team.headers("ana")).json()
    assert {p["second"] for p in report["model_vs_coders"]} | {
        p["first"] for p in report["model_vs_coders"]
    } >= {"cem", "dina"}
    assert report["between_coders"] and "reading" in report


def test_export_downloads_agree_with_the_store(client: TestClient, team: Team) -> None:
    r = client.get(f"{P}/exports/csv", headers=team.headers("ana"))
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(Store(team.root / "projects" / "demo").analysis.suggestions())
    assert client.get(f"{P}/exports/pdf", headers=team.headers("ana")).status_code == 422


def test_export_downloads_take_the_cli_filters(client: TestClient, team: Team) -> None:
    h = team.headers("ana")
    r = client.get(f"{P}/exports/csv?region=Jizzakh&status=suggested,accepted", headers=h)
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["region"] for row in rows} == {"Jizzakh"}
    matrix = client.get(f"{P}/exports/matrix-csv?region=Jizzakh", headers=h)
    lines = list(csv.DictReader(io.StringIO(matrix.text)))
    assert len(lines) == len({row["transcript_id"] for row in rows})
    xlsx = client.get(f"{P}/exports/xlsx?group=women 18-30", headers=h)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    bad = client.get(f"{P}/exports/csv?status=approved", headers=h)
    assert bad.status_code == 422 and "review status" in bad.json()["message"]
    assert "approved" not in bad.text  # a refused value is never echoed


def test_blind_coding_hides_other_coders_decisions(client: TestClient, team: Team) -> None:
    store = Store(team.root / "projects" / "demo")
    store.settings.set_settings({"blind_coding": "true"})
    s = store.analysis.suggestions()[0]
    client.post(
        f"{P}/segments/{s.segment_id}/decisions",
        json={"code_id": s.code_id, "action": "accept"},
        headers=team.headers("cem"),
    )

    def status(user: str) -> str:
        ctx = client.get(f"{P}/segments/{s.segment_id}", headers=team.headers(user)).json()
        return next(c["status"] for c in ctx["segment"]["codes"] if c["code_id"] == s.code_id)

    assert status("cem") == "accepted"
    assert status("dina") == "suggested"  # dina codes blind
    assert status("ana") == "accepted"  # analysts see everything


def test_transcripts_are_listed_with_their_metadata_and_group(
    client: TestClient, team: Team
) -> None:
    listed = client.get(f"{P}/transcripts", headers=team.headers("ana")).json()
    by_source = {t["source_name"]: t for t in listed}
    fergana = by_source["fergana_women.txt"]  # its sidecar says group: women 18-35
    assert (fergana["region"], fergana["group"], fergana["date"]) == (
        "Fergana",
        "women 18-35",
        "2022-07-19",
    )
    assert all(t["group"] for t in listed)  # every demo transcript has a group
    assert "text" not in fergana
