"""Limits that hold before a request body is read.

``BodyGuard`` is a plain ASGI middleware in front of the whole app:

* a write (POST, PUT, PATCH, DELETE) must carry valid credentials before one byte of its
  body is read, except the sign-in, sign-out and language forms (``PUBLIC_WRITES``);
  otherwise 401;
* a body declared larger than its limit is refused at once (413); a chunked body, or
  one whose ``Content-Length`` lies, is counted while it streams and cut off at the
  limit: a multipart upload may carry ``upload_limit`` bytes, any other body
  ``body_limit``.

Authorisation (role, project membership) is the routes' own dependency; the upload
routes read their form only after it (``api.forms``), so an unauthorised upload is
refused before its body is read too.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request

from api.context import identify
from qualcode.errors import AuthError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PUBLIC_WRITES = frozenset({"/", "/signout", "/language"})
SLACK = 100_000  # multipart boundaries and the small form fields beside the file


class _TooLarge(Exception):
    pass


class BodyGuard:
    def __init__(self, app: ASGIApp, *, upload_limit: int, body_limit: int = 1_000_000) -> None:
        self.app = app
        self.upload_limit = upload_limit
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        limit = self._limit(request)
        refusal = self._refusal(request, limit)
        if refusal is not None:
            await _respond(send, *refusal)
            return
        state = {"read": 0, "over": False, "answered": False}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["read"] += len(message.get("body", b""))
                if state["read"] > limit:
                    state["over"] = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # a framework may turn the error into its own answer (FastAPI: 400 "error
            # parsing the body"); once over the limit, the answer is 413 whatever it says
            if state["over"]:
                if message["type"] == "http.response.start" and not state["answered"]:
                    state["answered"] = True
                    await _respond(send, *_too_large(limit))
                return
            state["answered"] = state["answered"] or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            if not state["answered"]:
                await _respond(send, *_too_large(limit))

    def _limit(self, request: Request) -> int:
        multipart = request.headers.get("content-type", "").startswith("multipart/form-data")
        return self.upload_limit + SLACK if multipart else self.body_limit

    def _refusal(self, request: Request, limit: int) -> tuple[int, dict[str, str]] | None:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return _too_large(limit)
        if request.method in WRITES and request.url.path not in PUBLIC_WRITES:
            try:
                identify(request.app.state.workspace, request)
            except AuthError as err:
                body = {"error": "AuthError", "message": err.message}
                return 401, {**body, "hint": err.hint} if err.hint else body
        return None


def _too_large(limit: int) -> tuple[int, dict[str, str]]:
    return 413, {
        "error": "InputError",
        "message": f"The request is larger than the limit ({limit:,} bytes).",
        "hint": "Split the transcript, or ask an admin to raise the upload limit.",
    }


async def _respond(send: Send, status: int, body: dict[str, str]) -> None:
    payload = json.dumps(body).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    headers.append((b"connection", b"close"))  # the unread body is not worth draining
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
