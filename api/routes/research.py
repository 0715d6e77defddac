"""The researchers' pages: transcripts, upload with the job's progress, redaction review
with the pseudonymised passages around each redaction, and the project's members.

Pages are rendered from the library; their actions (upload, add or release a
redaction, add or remove a member) are made by ``static/research.js`` through the JSON
API, with the page's CSRF header, so every rule stays in one place.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.params import PathId
from api.routes.web import N_, _project_page, _workspace, error_page, page
from qualcode.errors import NotFoundError
from qualcode.project import workspace
from qualcode.redact.context import redaction_contexts
from qualcode.redact.review import list_redactions

router = APIRouter(tags=["web"], include_in_schema=False)
READ = ("researcher", "coder", "analyst")
LANGUAGE_CHOICES = ("en", "ru", "uz", "tg", "ky", "kk", "mixed")
JOB_STATES = (N_("queued"), N_("running"), N_("done"), N_("failed"))  # shown by research.js


@router.get("/p/{project}/transcripts")
def transcripts_page(request: Request, project: str) -> Response:
    found = _project_page(request, project, READ)
    if isinstance(found, Response):
        return found
    user, store = found
    rows = store.transcripts.transcripts(text=False)
    counts = {row["id"]: len(store.segments.segments(row["id"])) for row in rows}
    return page("transcripts.html", user=user, project=project, rows=rows, counts=counts)


@router.get("/p/{project}/upload")
def upload_page(request: Request, project: str) -> Response:
    found = _project_page(request, project, ("researcher",))
    if isinstance(found, Response):
        return found
    user, _ = found
    return page("upload.html", user=user, project=project, choices=LANGUAGE_CHOICES)


@router.get("/p/{project}/t/{tid}/redactions")
def redactions_page(request: Request, project: str, tid: PathId) -> Response:
    found = _project_page(request, project, ("researcher",))
    if isinstance(found, Response):
        return found
    user, store = found
    try:
        items = list_redactions(store, tid)
    except NotFoundError:
        return error_page(
            404, N_("No such transcript"), N_("There is no transcript by that id."), user
        )
    title = store.transcripts.transcript(tid)["title"]
    around = redaction_contexts(store, tid, [i.pseudonym for i in items])
    return page(
        "redactions.html", user=user, project=project, tid=tid, title=title, items=items,
        around=around,
    )  # fmt: skip


@router.get("/p/{project}/members")
def members_page(request: Request, project: str) -> Response:
    found = _project_page(request, project, ("researcher",))
    if isinstance(found, Response):
        return found
    user, _ = found
    members = workspace.members_of(_workspace(request).home, project)
    return page("members.html", user=user, project=project, members=members)
