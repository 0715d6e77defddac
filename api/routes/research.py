"""The researchers' pages: transcripts, upload with the job's progress, redaction review
with the pseudonymised passages around each redaction, and the project's members.

Pages are rendered from the library; their actions (upload, add or release a
redaction, add or remove a member) are made by ``static/research.js`` through the JSON
API, with the page's CSRF header, so every rule stays in one place.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from api.params import PathId
from api.routes.web import N_, ReadPage, ResearcherPage, error_page, project_page
from qualcode.errors import NotFoundError
from qualcode.project import workspace
from qualcode.redact.context import redaction_contexts
from qualcode.redact.review import list_redactions

router = APIRouter(tags=["web"], include_in_schema=False)
LANGUAGE_CHOICES = ("en", "ru", "uz", "tg", "ky", "kk", "mixed")
JOB_STATES = (N_("queued"), N_("running"), N_("done"), N_("failed"))  # shown by research.js


@router.get("/p/{project}/transcripts")
def transcripts_page(access: ReadPage) -> Response:
    store = access.store
    rows = store.transcripts.transcripts(text=False)
    counts = {row["id"]: len(store.segments.segments(row["id"])) for row in rows}
    return project_page("transcripts.html", access, rows=rows, counts=counts)


@router.get("/p/{project}/upload")
def upload_page(access: ResearcherPage) -> Response:
    return project_page("upload.html", access, choices=LANGUAGE_CHOICES)


@router.get("/p/{project}/t/{tid}/redactions")
def redactions_page(access: ResearcherPage, tid: PathId) -> Response:
    store = access.store
    try:
        items = list_redactions(store, tid)
    except NotFoundError:
        return error_page(
            404, N_("No such transcript"), N_("There is no transcript by that id."), access.user
        )
    title = store.transcripts.transcript(tid)["title"]
    around = redaction_contexts(store, tid, [i.pseudonym for i in items])
    return project_page("redactions.html", access, tid=tid, title=title, items=items, around=around)


@router.get("/p/{project}/members")
def members_page(access: ResearcherPage) -> Response:
    members = workspace.members_of(access.ws.home, access.project)
    return project_page("members.html", access, members=members)
