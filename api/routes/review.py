"""Coders' decisions: accept, reject or add a code (optionally on part of a segment, with
a memo), undo, the review queue in active-learning order, and bulk accept with preview.
Every decision is attributed to the signed-in coder; a decision sent with the version it
was based on is refused with 409 and the current state if someone decided meanwhile."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api.context import Access, CoderAccess
from api.routes.segments import blind_view
from qualcode.review import browse
from qualcode.review import decisions as review

router = APIRouter(prefix="/api/projects/{project}", tags=["review"])


class Decision(BaseModel):
    code_id: str = Field(min_length=1, max_length=64)
    action: str = Field(pattern="^(accept|reject|add)$")
    memo: str = Field(default="", max_length=review.MAX_MEMO)
    span_start: int | None = Field(default=None, ge=0)
    span_end: int | None = Field(default=None, ge=0)
    expected: int | None = Field(
        default=None, ge=0, description="id of the last decision you saw on this pair; 0: none"
    )


class Bulk(BaseModel):
    min_score: float = Field(ge=0, le=1)
    code_id: str | None = Field(default=None, max_length=64)
    apply: bool = False


def _model(request: Request, access: Access) -> Any:
    return request.app.state.runners.model(access.project)


@router.post("/segments/{segment_id}/decisions", status_code=201)
def decide(
    segment_id: int, body: Decision, request: Request, access: CoderAccess
) -> dict[str, Any]:
    span = None
    if body.span_start is not None or body.span_end is not None:
        span = (body.span_start or 0, body.span_end or 0)
    # blind coding: coders decide independently, and a 409 would show another's decision
    expected = None if blind_view(access) else body.expected
    event_id = review.record(
        access.store, segment_id, body.code_id, body.action, access.user.name, body.memo,
        span=span, expected=expected,
    )  # fmt: skip
    _model(request, access).notify()  # retrain in the background; returns at once
    return {"id": event_id, "segment_id": segment_id, "code_id": body.code_id}


@router.post("/decisions/{event_id}/undo", status_code=201)
def undo(event_id: int, request: Request, access: CoderAccess) -> dict[str, int]:
    new_id = review.undo(access.store, event_id, access.user.name)
    _model(request, access).notify()
    return {"id": new_id, "undoes": event_id}


@router.get("/queue")
def queue(
    request: Request,
    access: CoderAccess,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """The next segments for this coder, those whose decisions teach the model most first."""
    store, me = access.store, access.user.name
    decided = {e["segment_id"] for e in store.review.review_events() if e["coder"] == me}
    ids = _model(request, access).queue(store, decided, limit)
    rows = browse.load_rows(store, ids, blind_view(access)) if ids else []
    return {
        "items": [asdict(r) for r in rows],
        "progress": {"decided": len(decided), "total": len(store.segments.segments())},
    }


@router.post("/bulk-accept")
def bulk_accept(body: Bulk, request: Request, access: CoderAccess) -> dict[str, Any]:
    """Preview (default) or apply: accept every undecided suggestion scoring at least
    ``min_score``."""
    items = review.bulk_accept(
        access.store, access.user.name, body.min_score, body.code_id, apply=body.apply
    )
    if body.apply and items:
        _model(request, access).notify()
    return {"applied": body.apply, "count": len(items), "items": items[:500]}
