"""Browsing segments: filters with paging, full-text search, one segment in context.
Under blind coding a coder sees only their own decisions."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.context import Access, ReadAccess
from api.params import Around, Offset, PageLimit, PathId, QueryId, TopicQuery
from qualcode.project.auth import blind_view as coder_only
from qualcode.review import browse

router = APIRouter(prefix="/api/projects/{project}", tags=["segments"])
READ = ("researcher", "coder", "analyst")


def blind_view(access: Access) -> str | None:
    """The coder whose decisions alone are shown, when the project codes blind."""
    return coder_only(access.store, access.user)


@router.get("/segments")
def list_segments(
    access: ReadAccess,
    transcript_id: QueryId = None,
    speaker: Annotated[str | None, Query(max_length=100)] = None,
    region: Annotated[str | None, Query(max_length=100)] = None,
    district: Annotated[str | None, Query(max_length=100)] = None,
    group: Annotated[str | None, Query(max_length=100)] = None,
    language: Annotated[str | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(max_length=10)] = None,
    date_to: Annotated[str | None, Query(max_length=10)] = None,
    code_id: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
    min_score: float | None = None,
    max_score: float | None = None,
    topic_id: TopicQuery = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    flagged: Annotated[bool, Query(description="only the segments you flagged")] = False,
    offset: Offset = 0,
    limit: PageLimit = 50,
) -> dict[str, Any]:
    f = browse.SegmentFilter(
        transcript_id, speaker, region, district, group, language, date_from, date_to,
        code_id, status, min_score, max_score, topic_id, q, blind_view(access),
        access.user.name if flagged else None,
    )  # fmt: skip
    return asdict(browse.list_segments(access.store, f, offset, limit))


@router.get("/search")
def search(
    q: Annotated[str, Query(min_length=1, max_length=500)],
    access: ReadAccess,
    offset: Offset = 0,
    limit: PageLimit = 50,
) -> dict[str, Any]:
    coder = blind_view(access)
    page = browse.search(access.store, q, browse.SegmentFilter(coder=coder), offset, limit)
    out = asdict(page)
    for item, hit in zip(out["items"], page.items, strict=True):
        item["snippet_html"] = hit.snippet_html()
    return out


@router.get("/segments/{segment_id}")
def segment(
    segment_id: PathId, access: ReadAccess, before: Around = 2, after: Around = 2
) -> dict[str, Any]:
    ctx = browse.segment_context(access.store, segment_id, before, after, blind_view(access))
    return asdict(ctx)
