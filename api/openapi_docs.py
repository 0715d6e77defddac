"""The answers besides success that each operation can give, documented in one place.

The routes stay thin: they declare only what the code alone cannot show (a 409 where the
library may raise ``ConflictError``: ``conflict(why)``).  Everything else follows from
what a route depends on, read from FastAPI's dependency tree when the schema is built:

* 401 and 503: any route that identifies the caller (``current_user``) reads the
  workspace's store (busy: 503 with ``Retry-After``);
* 403: a role requirement (``api.context.RESTRICTED``), and any write made with the
  sign-in cookie but without the page's header (``csrf_checked``);
* 404: any path parameter (a project, id or name that may not exist);
* 413: a write, whose body ``api.guard`` caps;
* 422: FastAPI's own, with this API's body (``api.errors``).

Every error answer has one body: ``Error``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from starlette.routing import BaseRoute

from api.context import RESTRICTED, current_user
from api.guard import WRITES

ERROR = "#/components/schemas/Error"
ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string", "description": "the kind, e.g. NotFoundError"},
        "message": {"type": "string", "description": "what went wrong"},
        "hint": {"type": "string", "description": "what to do about it"},
        "problems": {
            "type": "array",
            "description": "with a malformed request: each field at fault",
            "items": {
                "type": "object",
                "required": ["field", "problem"],
                "properties": {"field": {"type": "string"}, "problem": {"type": "string"}},
            },
        },
        "current": {"description": "with a 409 on a stale version: the state now stored"},
    },
}
WHY = {
    401: "No valid credentials: a missing, unknown or revoked token, or an expired session",
    403: "Signed in, but without the role the action needs or not a member of the project "
    "(or a write by sign-in cookie without the page's request header)",
    404: "No such project, or no such item in it",
    409: "The request conflicts with the stored state",
    413: "The request body is larger than the limit",
    422: "The request is malformed, or a value in it is unusable",
    500: "A pipeline stage failed; nothing was changed",
    503: "The project is busy; try again after Retry-After seconds",
}
HEADERS = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}},
    503: {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}},
}
SECURITY = {
    "bearer": {"type": "http", "scheme": "bearer", "description": "an API token (qc_...)"},
}


def conflict(why: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route whose library call may raise ``ConflictError``."""
    return {409: {"description": why}}


def failure(why: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route whose library call may raise ``PipelineError``."""
    return {500: {"description": why}}


def _calls(dependant: Dependant) -> Iterator[object]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _calls(sub)


def error_codes(route: RouteContext, method: str) -> set[int]:
    """The error statuses ``route`` can answer ``method`` with (besides its own)."""
    calls = set(_calls(route.dependant))
    codes: set[int] = set()
    if current_user in calls:
        codes |= {401, 503} | ({403} if method in WRITES else set())
    if any(call in RESTRICTED for call in calls):
        codes.add(403)
    if route.param_convertors:
        codes.add(404)
    if method in WRITES:
        codes.add(413)
    return codes


def document(schema: dict[str, Any], routes: Sequence[BaseRoute]) -> dict[str, Any]:
    """Add the error answers, their body and the security scheme to ``schema``."""
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    components["securitySchemes"] = SECURITY
    for route in iter_route_contexts(routes):
        if isinstance(route.original_route, APIRoute) and route.include_in_schema:
            for method in route.methods or ():
                operation = schema["paths"][route.path_format][method.lower()]
                _document_operation(operation, error_codes(route, method))
    _drop_unused(components["schemas"])
    return schema


def _document_operation(operation: dict[str, Any], codes: set[int]) -> None:
    responses = operation["responses"]
    if 401 in codes:
        operation["security"] = [{"bearer": []}]
    for code in sorted(codes | {int(c) for c in responses if int(c) >= 400}):
        entry = responses.setdefault(str(code), {})
        if code == 422 or "description" not in entry:
            entry["description"] = WHY[code]
        entry["content"] = {"application/json": {"schema": {"$ref": ERROR}}}
        if code in HEADERS:
            entry["headers"] = HEADERS[code]


def _drop_unused(schemas: dict[str, Any]) -> None:
    """FastAPI's own 422 bodies, now that every 422 refers to ``Error``."""
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the documented schema."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document(build(), app.routes)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
