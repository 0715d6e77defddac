"""The researchers' pages: transcripts, upload with the job's progress, redaction review
with passages in context, members.  Rendering through the test client; the actions in
Debian's chromium (skipped, like test_browser.py, where it is missing)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from helpers import Team
from qualcode.store import Store


def sign_in(client: TestClient, team: Team, who: str) -> None:
    r = client.post("/", data={"token": team.tokens[who]}, follow_redirects=False)
    assert r.status_code == 303


@pytest.mark.parametrize("path", ["/p/demo/upload", "/p/demo/members", "/p/demo/t/1/redactions"])
def test_researcher_pages_are_for_researchers(client: TestClient, team: Team, path: str) -> None:
    sign_in(client, team, "cem")
    assert client.get(path).status_code == 403
    sign_in(client, team, "rita")
    assert client.get(path).status_code == 200


def test_the_transcripts_page_lists_each_with_its_segments(client: TestClient, team: Team) -> None:
    sign_in(client, team, "ana")
    page = client.get("/p/demo/transcripts").text
    store = Store(team.root / "projects" / "demo")
    rows = store.transcripts.transcripts(text=False)
    assert all(r["title"].replace("'", "&#39;") in page for r in rows)
    assert "Review redactions" not in page  # an analyst does not review redactions
    store.close()


def test_redactions_are_shown_with_their_passages(client: TestClient, team: Team) -> None:
    sign_in(client, team, "rita")
    page = client.get("/p/demo/t/1/redactions").text
    store = Store(team.root / "projects" / "demo")
    text = store.transcripts.transcript(1)["text"]
    pseudonym = store.transcripts.redactions(1)[0]["pseudonym"]
    store.close()
    assert pseudonym in page and 'class="passages"' in page
    assert text.count(pseudonym) == 0 or "…" in page
    assert client.get("/p/demo/t/999/redactions").status_code == 404


def test_the_members_page_lists_roles(client: TestClient, team: Team) -> None:
    sign_in(client, team, "rita")
    page = client.get("/p/demo/members").text
    for name in ("cem", "dina", "ana"):
        assert f"<td>{name}</td>" in page
