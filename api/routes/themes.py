"""Emergent themes: topics mapped onto the codebook with candidate new codes, the topics'
distribution, adopting a candidate code and refitting the topics (researchers)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api.context import ReadAccess, ResearcherAccess
from api.openapi_docs import conflict
from api.params import CodeId, Text, TopicPath
from qualcode.pipeline.components import Components
from qualcode.project import auth
from qualcode.store import Store
from qualcode.topics import themes

router = APIRouter(prefix="/api/projects/{project}/themes", tags=["themes"])
Share = Annotated[float, Query(ge=0.0, le=1.0)]


class Adopt(BaseModel):
    code_id: CodeId | None = None
    label: Text | None = Field(default=None, max_length=200)
    definition: Text | None = Field(default=None, max_length=5000)
    parent: CodeId | None = None


def _parts(request: Request, store: Store) -> Components:
    parts: Components = request.app.state.runners.parts_for(store)
    return parts


@router.get("")
def overview(
    request: Request,
    access: ReadAccess,
    min_coverage: Share = themes.MIN_COVERAGE,
    min_similarity: Share = themes.MIN_SIMILARITY,
) -> dict[str, Any]:
    """Topics (largest first) with the codes they carry and resemble, and candidate codes
    for the topics no code covers."""
    store = access.store
    mappings = themes.map_topics(
        store,
        _parts(request, store).embedder,
        min_coverage=min_coverage,
        min_similarity=min_similarity,
    )
    return {
        "topics": [asdict(m) for m in mappings],
        "candidates": [asdict(m.candidate) for m in mappings if m.candidate],
    }


@router.get("/distribution")
def distribution(
    access: ReadAccess,
    by: Annotated[str, Query(pattern="^(transcript|region|group)$")] = "transcript",
) -> dict[str, Any]:
    """Topic counts and shares per transcript, region or participant group."""
    rows = themes.distribution(access.store, by)
    return {"by": by, "rows": [asdict(r) for r in rows]}


@router.post(
    "/{topic_id}/adopt",
    status_code=201,
    responses=conflict("The topic has no candidate code, or its code exists"),
)
def adopt(
    topic_id: TopicPath, body: Adopt, request: Request, access: ResearcherAccess
) -> dict[str, Any]:
    """Add the topic's candidate code to the codebook (examples: its representative
    segments); any field of the draft may be overridden."""
    store = access.store
    state = themes.adopt_candidate(
        store,
        topic_id,
        access.user.name,
        **body.model_dump(),
        embedder=_parts(request, store).embedder,
    )
    detail = {"topic": topic_id}
    auth.audit(store, access.user, "code.adopt", f"code:{state.code.id}", detail)
    return asdict(state)


@router.post(
    "/refit",
    responses=conflict("The project has no segments yet: ingest transcripts first"),
)
def refit(request: Request, access: ResearcherAccess) -> dict[str, str]:
    """Fit the topics afresh over every segment (synchronous); 409 while the project has
    no transcripts."""
    from qualcode.pipeline.run import process

    store = access.store
    report = process(store, parts=_parts(request, store), refit_topics=True)
    auth.audit(store, access.user, "topics.refit", "topics")
    return {"topics": report.topics, "suggestions": report.suggestions}
