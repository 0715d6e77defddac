"""The coders' web page: sign-in cookie, pages by role, escaping, CSRF rule, CSP."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from helpers import Team
from qualcode.project import auth
from qualcode.store import Store

EVIL = "<script>alert(1)</script>"
CSRF = {"X-Requested-With": "qualcode"}


def sign_in(client: TestClient, token: str, next: str = "") -> None:
    r = client.post("/", data={"token": token, "next": next}, follow_redirects=False)
    assert r.status_code == 303, r.text


def test_sign_in_sets_a_strict_httponly_cookie(client: TestClient, team: Team) -> None:
    assert "Sign in" in client.get("/").text
    r = client.post("/", data={"token": team.tokens["cem"]}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("qualcode_session=qs_") and team.tokens["cem"] not in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert "Max-Age=28800" in cookie  # a working day, not for ever
    home = client.get("/")
    assert home.status_code == 200 and "cem" in home.text and "/p/demo/review" in home.text
    assert team.tokens["cem"] not in home.text  # the secret is never echoed into a page


def test_sign_in_returns_to_the_page_asked_for_but_only_a_local_one(
    client: TestClient, team: Team
) -> None:
    r = client.get("/p/demo/review", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?next=/p/demo/review"
    r = client.post(
        "/", data={"token": team.tokens["cem"], "next": "/p/demo/review"}, follow_redirects=False
    )
    assert r.headers["location"] == "/p/demo/review"
    for evil in ("https://evil.example/", "//evil.example/p/demo/review", "/p/demo/../x"):
        r = client.post(
            "/", data={"token": team.tokens["cem"], "next": evil}, follow_redirects=False
        )
        assert r.headers["location"] == "/"


@pytest.mark.parametrize("token", ["qc_nope", "", "x" * 1000, f"qc_{EVIL}"])
def test_a_bad_token_shows_the_form_again(client: TestClient, token: str) -> None:
    r = client.post("/", data={"token": token}, follow_redirects=False)
    assert r.status_code == 401
    assert "not accepted" in r.text and "set-cookie" not in r.headers
    assert '<form method="post" action="/"' in r.text
    assert EVIL not in r.text and "qc_nope" not in r.text  # never echoed


def test_a_revoked_cookie_sends_you_to_sign_in(client: TestClient, team: Team) -> None:
    sign_in(client, team.tokens["cem"])
    prefix = team.tokens["cem"][:8]
    assert client.delete(f"/api/tokens/{prefix}", headers=team.headers("admin")).status_code == 200
    r = client.get("/p/demo/codebook", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/?next=")


def test_sign_out_clears_the_cookie(client: TestClient, team: Team) -> None:
    sign_in(client, team.tokens["cem"])
    r = client.post("/signout", follow_redirects=False)
    assert r.status_code == 303 and 'qualcode_session=""' in r.headers["set-cookie"]
    assert "Max-Age=0" in r.headers["set-cookie"]
    assert "qualcode_session" not in client.cookies
    assert client.get("/p/demo/review", follow_redirects=False).status_code == 303


def test_a_signed_out_session_id_no_longer_works_anywhere(client: TestClient, team: Team) -> None:
    sign_in(client, team.tokens["cem"])
    session = client.cookies["qualcode_session"]
    client.post("/signout", follow_redirects=False)
    client.cookies.set("qualcode_session", session)  # kept by a thief, sent again
    assert client.get("/api/projects").status_code == 401
    assert client.get("/p/demo/review", follow_redirects=False).status_code == 303


def test_an_expired_session_is_refused(client: TestClient, team: Team) -> None:
    from datetime import timedelta

    from qualcode.project.sessions import start_session
    from qualcode.store import Store

    home = Store(team.root)
    session, _ = start_session(home, team.tokens["cem"], ttl=timedelta(seconds=-1))
    home.close()
    client.cookies.set("qualcode_session", session)
    r = client.get("/api/projects")
    assert r.status_code == 401 and "expired" in r.json()["message"]


def test_the_raw_token_in_the_cookie_is_not_a_session(client: TestClient, team: Team) -> None:
    client.cookies.set("qualcode_session", team.tokens["cem"])
    assert client.get("/api/projects").status_code == 401


def test_sign_in_from_another_site_is_refused(client: TestClient, team: Team) -> None:
    r = client.post(
        "/",
        data={"token": team.tokens["cem"]},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert r.status_code == 403 and "set-cookie" not in r.headers
    r = client.post(
        "/",
        data={"token": team.tokens["cem"]},
        headers={"Origin": "http://testserver"},
        follow_redirects=False,
    )
    assert r.status_code == 303


def test_pages_render_for_a_coder(client: TestClient, team: Team) -> None:
    sign_in(client, team.tokens["cem"])
    review = client.get("/p/demo/review")
    assert review.status_code == 200
    assert (
        'data-project="demo"' in review.text and '<script src="/static/review.js?v=' in review.text
    )
    codebook = client.get("/p/demo/codebook")
    assert codebook.status_code == 200
    assert "Harmful gender norms" in codebook.text and "kelin" in codebook.text
    agreement = client.get("/p/demo/agreement")  # no decisions yet: says so
    assert agreement.status_code == 200 and "No review decisions yet" in agreement.text
    h = {**team.headers("cem")}
    for seg, code, action in ((1, "unemployment", "accept"), (2, "unemployment", "reject")):
        body = {"code_id": code, "action": action}
        r = client.post(f"/api/projects/demo/segments/{seg}/decisions", json=body, headers=h)
        assert r.status_code == 201, r.text
    agreement = client.get("/p/demo/agreement")
    assert agreement.status_code == 200 and "<td>cem</td>" in agreement.text


def test_static_files_are_served_and_nothing_else(client: TestClient) -> None:
    js = client.get("/static/review.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert js.headers["x-content-type-options"] == "nosniff"
    assert "innerHTML" not in js.text and "insertAdjacentHTML" not in js.text
    assert client.get("/static/qualcode.css").headers["content-type"].startswith("text/css")
    for path in ("/static/../routes/web.py", "/static/%2e%2e%2fapp.py", "/static/nope.js"):
        assert client.get(path).status_code == 404


def test_pages_refuse_the_wrong_role_or_project(client: TestClient, team: Team) -> None:
    assert client.get("/p/demo/review", follow_redirects=False).status_code == 303
    sign_in(client, team.tokens["ana"])  # analyst: may read, may not code
    r = client.get("/p/demo/review")
    assert r.status_code == 403 and "coder" in r.text
    assert client.get("/p/demo/agreement").status_code == 200
    assert client.get("/p/other/codebook").status_code == 404
    assert client.get("/p/Bad..Name/codebook").status_code == 404
    sign_in(client, team.tokens["admin"])  # admin manages users, reads no data
    assert client.get("/p/demo/codebook").status_code == 403
    r = client.post("/api/projects", json={"name": "other"}, headers=team.headers("rita"))
    assert r.status_code == 201
    sign_in(client, team.tokens["cem"])  # not a member of "other"
    r = client.get("/p/other/codebook")
    assert r.status_code == 403 and "not a member" in r.text


def test_user_and_transcript_supplied_text_is_escaped(client: TestClient, team: Team) -> None:
    admin = team.headers("admin")
    r = client.post("/api/users", json={"name": EVIL, "roles": ["coder"]}, headers=admin)
    assert r.status_code == 201, r.text
    home = Store(team.root)  # the name holds a '/': no URL path can carry it
    token = auth.issue_token(home, EVIL, "x")
    home.close()
    r = client.post("/api/projects/demo/members", json={"user": EVIL}, headers=admin)
    assert r.status_code == 201, r.text
    evil = {"Authorization": f"Bearer {token}"}
    body = {"code_id": "unemployment", "action": "accept", "memo": EVIL}
    r = client.post("/api/projects/demo/segments/1/decisions", json=body, headers=evil)
    assert r.status_code == 201, r.text
    code = {
        "id": "evil_code",
        "label": f"Evil {EVIL}",
        "definition": '<img src=x onerror="alert(2)"> and "quotes" & ampersands',
        "examples": [EVIL],
        "keywords": ["<b>bold</b>"],
    }
    r = client.post("/api/projects/demo/codebook", json=code, headers=team.headers("rita"))
    assert r.status_code == 201, r.text

    sign_in(client, token)
    for path in ("/", "/p/demo/review", "/p/demo/codebook", "/p/demo/agreement"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert EVIL not in r.text and "<img src=x" not in r.text and "<b>bold" not in r.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text, path
    page = client.get("/p/demo/codebook").text
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page and "&amp; ampersands" in page
    assert 'data-user="&lt;script&gt;' in client.get("/p/demo/review").text
    scripts = re.findall(r"<script\b[^>]*>", client.get("/p/demo/review").text)
    code = [s for s in scripts if 'type="application/json"' not in s]  # data, never run
    assert all(s.startswith('<script src="/static/') for s in code)  # no inline script
    assert any(s.startswith('<script src="/static/review.js?v=') for s in code)
    assert len(scripts) - len(code) == 1  # the translations, as JSON


def test_every_page_carries_a_strict_csp(client: TestClient, team: Team) -> None:
    responses = [client.get("/"), client.post("/", data={"token": "qc_nope"})]
    sign_in(client, team.tokens["cem"])
    responses += [client.get(p) for p in ("/", "/p/demo/review", "/p/demo/codebook")]
    responses += [client.get("/p/demo/agreement"), client.get("/p/other/review")]
    for r in responses:
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"


def test_cookie_writes_need_the_csrf_header(client: TestClient, team: Team) -> None:
    sign_in(client, team.tokens["cem"])
    body = {"code_id": "unemployment", "action": "accept"}
    url = "/api/projects/demo/segments/1/decisions"
    r = client.post(url, json=body)  # cookie alone: what a cross-site form could send
    assert r.status_code == 403 and "X-Requested-With" in r.json()["hint"]
    r = client.post(url, json=body, headers={"X-Requested-With": "something-else"})
    assert r.status_code == 403
    assert client.get("/api/projects/demo/queue?limit=1").status_code == 200  # reads: fine
    r = client.post(url, json=body, headers=CSRF)
    assert r.status_code == 201, r.text
    event = r.json()["id"]
    assert client.post(f"/api/projects/demo/decisions/{event}/undo").status_code == 403
    r = client.post(f"/api/projects/demo/decisions/{event}/undo", headers=CSRF)
    assert r.status_code == 201
    client.cookies.clear()  # a bearer token needs no such header: no browser sends it alone
    r = client.post(url, json=body, headers=team.headers("cem"))
    assert r.status_code == 201, r.text
    assert client.post(url, json=body).status_code == 401  # neither: unauthenticated


def test_the_exports_page_offers_filters_and_downloads_by_role(
    client: TestClient, team: Team
) -> None:
    sign_in(client, team.tokens["ana"])
    page = client.get("/p/demo/exports")
    assert page.status_code == 200
    assert '<option value="Jizzakh">' in page.text and 'name="status" value="rejected"' in page.text
    assert 'formaction="/api/projects/demo/exports/qdpx"' in page.text
    # what the form submits: a GET with the cookie, filters as query parameters
    r = client.get("/api/projects/demo/exports/csv?region=Jizzakh&status=suggested")
    assert r.status_code == 200 and "Jizzakh" in r.text and "Namangan" not in r.text
    sign_in(client, team.tokens["cem"])
    assert client.get("/p/demo/exports").status_code == 403
    assert "/p/demo/exports" not in client.get("/p/demo/codebook").text
