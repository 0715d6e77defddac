"""The one place where library exceptions become HTTP responses."""

from __future__ import annotations

import sqlite3

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException
from starlette.routing import compile_path

from qualcode.errors import (
    AuthError,
    ConflictError,
    ForbiddenError,
    InputError,
    NotFoundError,
    PipelineError,
    QualcodeError,
)

STATUS: list[tuple[type[QualcodeError], int]] = [
    (AuthError, 401),
    (ForbiddenError, 403),
    (NotFoundError, 404),
    (ConflictError, 409),
    (InputError, 422),
    (PipelineError, 500),
]


def status_for(err: QualcodeError) -> int:
    return next((code for kind, code in STATUS if isinstance(err, kind)), 400)


def install(app: FastAPI) -> None:
    @app.exception_handler(QualcodeError)
    async def _qualcode_error(request: Request, err: QualcodeError) -> JSONResponse:
        status = status_for(err)
        body: dict[str, object] = {"error": type(err).__name__, "message": err.message}
        if err.hint:
            body["hint"] = err.hint
        current = getattr(err, "current", None)
        if current is not None:
            body["current"] = current  # a 409 carries the state the caller must see
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)

    @app.exception_handler(sqlite3.OperationalError)
    async def _busy(request: Request, err: sqlite3.OperationalError) -> JSONResponse:
        if "locked" not in str(err) and "busy" not in str(err):
            raise err
        return JSONResponse(
            {"error": "Busy", "message": "The project is busy; try again in a moment."},
            status_code=503,
            headers={"Retry-After": "2"},
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in err.errors()
        ]  # never echo the submitted value: it may be transcript text
        return JSONResponse(
            {"error": "InputError", "message": "The request is malformed.", "problems": problems},
            status_code=422,
        )

    @app.exception_handler(HTTPException)
    async def _http(request: Request, err: HTTPException) -> Response:
        if err.status_code == 405:
            headers = {**(err.headers or {}), "Allow": ", ".join(allowed_methods(request))}
            body = {
                "error": "MethodNotAllowed",
                "message": f"{request.method} is not allowed here.",
            }
            return JSONResponse(body, status_code=405, headers=headers)
        if err.status_code == 400:  # FastAPI: a body it cannot parse (not JSON, not UTF-8)
            return JSONResponse(
                {"error": "InputError", "message": "The request body cannot be parsed.",
                 "hint": "Send a JSON body encoded as UTF-8."},
                status_code=422,
            )  # fmt: skip
        return await http_exception_handler(request, err)


def allowed_methods(request: Request) -> list[str]:
    """The methods of the path the request names.  Starlette's 405 lists those of the
    first route matching the path only, while a path may have one route per method;
    where several templates match (``/codebook/merge`` and ``/codebook/{code_id}``),
    the most specific (fewest parameters) is the path the request names."""
    path = request.scope["path"]
    matching = [
        (len(route.param_convertors), route.methods)
        for route in iter_route_contexts(request.app.routes)
        if route.methods and route.path_format and compile_path(route.path_format)[0].match(path)
    ]
    fewest = min((params for params, _ in matching), default=0)
    return sorted({m for params, methods in matching if params == fewest for m in methods or ()})
