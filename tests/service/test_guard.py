"""Limits that hold before a body is read (api.guard): credentials first, then the size,
counted while the body streams, for chunked bodies and lying Content-Length alike.

The app is driven through ASGI directly, with a ``receive`` that counts what the app
pulls, so each test sees how much of a hostile body was read before the answer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from api import create_app

from conftest import fake_parts
from helpers import Team

URL = "/api/projects/demo/transcripts"
MB = 1 << 20
LIMIT = 200_000
BOUNDARY = "qcboundary"
HEAD = (
    f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
    "Content-Type: text/plain\r\n\r\n"
).encode()


def megabytes(n: int) -> Iterator[bytes]:
    """A multipart file of ``n`` MB, made lazily, never ending its part."""
    yield HEAD
    for _ in range(n):
        yield b"Moderator: x.\n" * (MB // 14)


def call(
    team: Team,
    path: str,
    chunks: Iterator[bytes],
    headers: dict[str, str],
    *,
    json_body: bool = True,
) -> tuple[int, dict[str, Any], int]:
    """(status, JSON body, body bytes the app pulled) of one request."""
    app = create_app(team.root, run_jobs=False, parts_for=fake_parts, max_upload=LIMIT)
    pulled, sent = [0], []

    async def receive() -> dict[str, Any]:
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled[0] += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body or b"{}") if json_body else {}, pulled[0]


def multipart(team: Team, who: str | None) -> dict[str, str]:
    headers = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}
    return {**headers, **(team.headers(who) if who else {})}


def test_a_chunked_gigabyte_without_a_token_is_refused_unread(team: Team) -> None:
    status, body, pulled = call(team, URL, megabytes(1024), multipart(team, None))
    assert (status, body["error"], pulled) == (401, "AuthError", 0)


def test_an_upload_by_a_coder_is_refused_before_its_body_is_read(team: Team) -> None:
    status, _, pulled = call(team, URL, megabytes(1024), multipart(team, "cem"))
    assert (status, pulled) == (403, 0)


def test_a_researchers_chunked_upload_is_cut_off_at_the_limit(team: Team) -> None:
    status, body, pulled = call(team, URL, megabytes(1024), multipart(team, "rita"))
    assert status == 413 and "limit" in body["message"]
    assert pulled <= LIMIT + 100_000 + MB  # the limit, the slack, and one chunk
    assert not (team.root / "projects" / "demo" / "uploads").exists()


def test_a_content_length_that_lies_does_not_lift_the_limit(team: Team) -> None:
    headers = {**multipart(team, "rita"), "content-length": "1000"}
    status, _, pulled = call(team, URL, megabytes(1024), headers)
    assert status == 413 and pulled <= LIMIT + 100_000 + MB


def test_a_declared_oversize_is_refused_unread(team: Team) -> None:
    headers = {**multipart(team, "rita"), "content-length": str(50 * MB)}
    status, _, pulled = call(team, URL, megabytes(1024), headers)
    assert (status, pulled) == (413, 0)


@pytest.mark.parametrize("path", ["/api/projects/demo/segments/1/decisions", "/api/projects"])
def test_json_writes_need_credentials_before_their_body(team: Team, path: str) -> None:
    chunks = iter([b'{"code_id": "x", ' + b" " * MB] * 100)
    status, _, pulled = call(team, path, chunks, {"content-type": "application/json"})
    assert (status, pulled) == (401, 0)


def test_a_json_body_over_a_megabyte_is_refused(team: Team) -> None:
    chunks = iter([b'{"name": "' + b"a" * MB] * 50)
    headers = {**team.headers("rita"), "content-type": "application/json"}
    status, _, pulled = call(team, "/api/projects", chunks, headers)
    assert status == 413 and pulled <= 2 * MB + 100


def test_the_sign_in_form_is_read_without_a_token(team: Team) -> None:
    form = iter([b"token=nonsense"])
    headers = {"content-type": "application/x-www-form-urlencoded", "host": "127.0.0.1:8000"}
    status, _, pulled = call(team, "/", form, headers, json_body=False)
    assert pulled > 0 and status == 401  # the sign-in page's own refusal, after reading it
