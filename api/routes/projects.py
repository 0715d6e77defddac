"""Projects, uploads, processing jobs, transcripts, redactions and agreement."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

from api.context import (
    PROJECT_NAME,
    ProjectCreator,
    ReadAccess,
    ResearcherAccess,
    UserDep,
    WorkspaceDep,
)
from api.forms import multipart_body, read_form
from api.openapi_docs import conflict
from api.params import PathId, Text
from qualcode import ingest
from qualcode.errors import InputError
from qualcode.project import auth, workspace
from qualcode.project.jobs import stage_upload, uploads_dir
from qualcode.project.services import ProjectServices
from qualcode.redact import review as redactions
from qualcode.redact.context import redaction_contexts
from qualcode.redact.review import KINDS, PSEUDONYM

router = APIRouter(prefix="/api/projects", tags=["projects"])
READ = ("researcher", "coder", "analyst")


def runners(request: Request) -> ProjectServices:
    return request.app.state.runners


class NewProject(BaseModel):
    name: str = Field(
        pattern=PROJECT_NAME.pattern, description="lower-case letters, digits, - and _"
    )


@router.post("", status_code=201, responses=conflict("A project of that name exists"))
def create_project(body: NewProject, user: ProjectCreator, ws: WorkspaceDep) -> dict[str, str]:
    workspace.create_project(ws.home, ws.project_dir(body.name), user)
    return {"name": body.name}


@router.get("")
def list_projects(user: UserDep, ws: WorkspaceDep) -> list[str]:
    return workspace.projects_of(ws.home, user, ws.project_names())


UPLOAD_FORM = multipart_body(
    metadata="JSON object of metadata fields (title, region, date, group, language, ...).",
    participants="JSON list of participants' names, for redaction; never stored.",
)


@router.post("/{project}/transcripts", status_code=202, openapi_extra=UPLOAD_FORM)
async def upload(request: Request, access: ResearcherAccess) -> dict[str, Any]:
    """Upload a transcript with its metadata and participant list (JSON); it is redacted,
    stored and processed by a background job, whose id is returned (files uploaded
    while that job still waits join it).  The body is read only after the caller is
    authorised, and counted against the upload limit."""
    file, fields = await read_form(request, ("metadata", "participants"))
    name = _safe_name(file.filename or "")
    metadata, participants = fields.get("metadata", "{}"), fields.get("participants", "[]")
    meta = {"title": Path(name).stem, **_metadata(metadata, participants, name)}
    folder = uploads_dir(access.store.path.parent)
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{uuid.uuid4().hex[:12]}{Path(name).suffix}"  # no original name on disk
    await _save(file, folder / stored, request.app.state.max_upload)
    # metadata (participant names) and the file's own name wait beside the upload for
    # the job, which reads and deletes them; they never go into the jobs table
    stage_upload(folder / stored, name, meta)
    # uploads in a row join the job still queued: one ingest and one scoring for them all
    job = runners(request).runner(access.project).submit_files("ingest", [stored])
    auth.audit(access.store, access.user, "transcript.upload", f"job:{job}", {"file": stored})
    return {"job": job, "file": name}


def _safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    if suffix not in ingest.SUPPORTED_SUFFIXES:
        raise InputError(
            f"The file type '{suffix or 'none'}' is not supported.",
            hint="Upload one of: " + ", ".join(ingest.SUPPORTED_SUFFIXES) + ".",
        )
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in Path(base).stem)[:80]
    return f"{stem or 'transcript'}{suffix}"


def _metadata(metadata: str, participants: str, name: str) -> dict[str, Any]:
    try:
        meta, people = json.loads(metadata), json.loads(participants)
    except json.JSONDecodeError as err:
        raise InputError(f"The metadata or participants field is not JSON ({err.msg}).") from None
    if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
        raise InputError("'participants' must be a JSON list of names.")
    if not isinstance(meta, dict):
        raise InputError("'metadata' must be a JSON object of field: value.")
    meta = {**meta, "participants": people} if people else meta
    ingest.parse_meta({"title": name, **meta}, source=f"metadata for {name}")  # 422 now
    return meta


async def _save(file: UploadFile, path: Path, limit: int) -> None:
    size = 0
    with path.open("wb") as out:
        while chunk := await file.read(1 << 20):
            size += len(chunk)
            if size > limit:
                out.close()
                path.unlink(missing_ok=True)
                raise InputError(
                    f"The file is larger than the upload limit ({limit:,} bytes).",
                    hint="Split the transcript, or ask an admin to raise the limit.",
                )
            out.write(chunk)


@router.post("/{project}/process", status_code=202)
def process(request: Request, access: ResearcherAccess) -> dict[str, int]:
    job = runners(request).runner(access.project).submit("process", {})
    auth.audit(access.store, access.user, "project.process", f"job:{job}")
    return {"job": job}


@router.get("/{project}/jobs/{job_id}")
def job_status(job_id: PathId, access: ReadAccess) -> dict[str, Any]:
    return asdict(access.store.jobs.job(job_id))


# field in the answer -> column of the transcripts table ("group" is a keyword in SQL)
LISTED = {
    "id": "id",
    "title": "title",
    "region": "region",
    "district": "district",
    "date": "date",
    "group": "grp",
    "language": "language",
    "source_name": "source_name",
}


@router.get("/{project}/transcripts")
def transcripts(access: ReadAccess) -> list[dict[str, Any]]:
    rows = access.store.transcripts.transcripts(text=False)
    return [{field: t[column] for field, column in LISTED.items()} for t in rows]


class NewRedaction(BaseModel):
    text: Text = Field(min_length=2, max_length=200)
    kind: str = Field(default="PERSON", max_length=20, json_schema_extra={"enum": list(KINDS)})


Pseudonym = Annotated[str, PathParam(pattern=PSEUDONYM.pattern, description="e.g. [PERSON_3]")]


class Released(BaseModel):
    original: Text = Field(max_length=200)


@router.get("/{project}/transcripts/{tid}/redactions")
def list_redactions(tid: PathId, access: ResearcherAccess) -> list[dict[str, Any]]:
    """Each redaction with up to three pseudonymised passages around it (``context``)."""
    items = redactions.list_redactions(access.store, tid)
    around = redaction_contexts(access.store, tid, [r.pseudonym for r in items])
    return [{**asdict(r), "context": around[r.pseudonym]} for r in items]


@router.post("/{project}/transcripts/{tid}/redactions", status_code=201)
def add_redaction(
    tid: PathId, body: NewRedaction, request: Request, access: ResearcherAccess
) -> dict[str, Any]:
    """Redact a missed name everywhere in the transcript; the text is never stored."""
    change = redactions.add_redaction(
        access.store, tid, body.text, body.kind, actor=access.user.name
    )
    runners(request).model(access.project).notify()
    return asdict(change)


@router.post(
    "/{project}/transcripts/{tid}/redactions/{pseudonym}/release",
    responses=conflict("The pseudonym is already released"),
)
def release_redaction(
    tid: PathId, pseudonym: Pseudonym, body: Released, access: ResearcherAccess
) -> dict[str, Any]:
    """Put back a false positive (the researcher types the original word)."""
    change = redactions.release_redaction(
        access.store, tid, pseudonym, original=body.original, actor=access.user.name
    )
    return asdict(change)


@router.get("/{project}/agreement", responses=conflict("No review decisions yet"))
def agreement(access: ReadAccess) -> dict[str, Any]:
    from qualcode.coding.trust import report_dict, trust_report

    return report_dict(trust_report(access.store))
