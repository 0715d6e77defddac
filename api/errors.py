"""The one place where library exceptions become HTTP responses."""

from __future__ import annotations

import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

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
