"""Coders' decisions: accept, reject or add a code (optionally on part of a segment, with
a memo), undo (a coder their own decisions, a researcher anyone's), the review queue in
active-learning order, and bulk accept with preview.
Every decision is attributed to the signed-in coder; a decision sent with the version it
was based on is refused with 409 and the current state if someone decided meanwhile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api.context import Access, CoderAccess, ReviewerAccess
from api.openapi_docs import conflict
from api.params import BodyId, CodeId, PathId
from qualcode.project import reviewing
from qualcode.project.live import LiveModel
from qualcode.review import decisions as review

router = APIRouter(prefix="/api/projects/{project}", tags=["review"])


class Decision(BaseModel):
    code_id: CodeId
    action: str = Field(pattern="^(accept|reject|add)$")
    memo: str = Field(default="", max_length=review.MAX_MEMO)
    span_start: BodyId | None = None
    span_end: BodyId | None = None
    expected: BodyId | None = Field(
        default=None, description="id of the last decision you saw on this pair; 0: none"
    )


class Bulk(BaseModel):
    min_score: float = Field(ge=0, le=1)
    code_id: CodeId | None = None
    apply: bool = False


def _model(request: Request, access: Access) -> LiveModel:
    model: LiveModel = request.app.state.runners.model(access.project)
    return model


@router.post(
    "/segments/{segment_id}/decisions",
    status_code=201,
    responses=conflict("Someone decided on this pair since `expected` (the body's current)"),
)
def decide(
    segment_id: PathId, body: Decision, request: Request, access: CoderAccess
) -> dict[str, Any]:
    span = None
    if body.span_start is not None or body.span_end is not None:
        span = (body.span_start or 0, body.span_end or 0)
    event_id = reviewing.decide(
        access.store, _model(request, access), access.user, segment_id, body.code_id,
        body.action, body.memo, span=span, expected=body.expected,
    )  # fmt: skip
    return {"id": event_id, "segment_id": segment_id, "code_id": body.code_id}


@router.post("/decisions/{event_id}/undo", status_code=201, responses=conflict("Already undone"))
def undo(event_id: PathId, request: Request, access: ReviewerAccess) -> dict[str, int]:
    """Undo a decision: your own, or anyone's if you are a researcher (the log records
    who undid it).  Another coder's decision is a 404, as one that does not exist."""
    new_id = reviewing.undo(access.store, _model(request, access), access.user, event_id)
    return {"id": new_id, "undoes": event_id}


@router.get("/queue")
def queue(
    request: Request,
    access: CoderAccess,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """The next segments for this coder, those whose decisions teach the model most first.
    Unless coding is blind, segments another coder decided on, or was served in the last
    minutes, are left out: coders working at the same time get different segments."""
    page = reviewing.next_segments(access.store, _model(request, access), access.user, limit)
    return {"items": page.items, "progress": {"decided": page.decided, "total": page.total}}


@router.get("/queue/progress")
def queue_progress(access: CoderAccess) -> dict[str, int]:
    """Your progress as ``/queue`` reports it (segments you decided on, of all), without
    serving a segment: asking leases nothing and leaves your queue page as it was."""
    decided, total = reviewing.queue_progress(access.store, access.user)
    return {"decided": decided, "total": total}


@router.post("/bulk-accept")
def bulk_accept(body: Bulk, request: Request, access: CoderAccess) -> dict[str, Any]:
    """Preview (default) or apply: accept every undecided suggestion scoring at least
    ``min_score``."""
    items = reviewing.bulk_accept(
        access.store, _model(request, access), access.user, body.min_score, body.code_id,
        apply=body.apply,
    )  # fmt: skip
    return {"applied": body.apply, "count": len(items), "items": items[:500]}
