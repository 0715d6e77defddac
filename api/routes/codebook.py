"""The project's codebook: view; diagnose before coding; add, edit, merge, retire and
restore codes, with history.  Edits carry the version they were based on (409 when
stale)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from api.context import ReadAccess, ResearcherAccess
from api.forms import multipart_body, read_form
from api.openapi_docs import conflict
from api.params import CodeId, CodePath, Text, Version
from qualcode.codebook import edit as codebook_edit
from qualcode.errors import InputError
from qualcode.project import auth
from qualcode.project.diagnostics import diagnose_project

router = APIRouter(prefix="/api/projects/{project}/codebook", tags=["codebook"])
READ = ("researcher", "coder", "analyst")


class CodeBody(BaseModel):
    id: CodeId
    label: Text = Field(max_length=200)
    definition: Text = Field(max_length=5000)
    inclusion: str = Field(default="", max_length=5000)
    exclusion: str = Field(default="", max_length=5000)
    examples: list[Text] = Field(default_factory=list, max_length=50)
    keywords: list[Text] = Field(default_factory=list, max_length=200)
    parent: CodeId | None = None


class Edit(BaseModel):
    changes: dict[str, Any]
    expected_version: Version
    note: str = Field(default="", max_length=1000)


class Note(BaseModel):
    note: str = Field(default="", max_length=1000)


class Merge(BaseModel):
    source: CodeId
    target: CodeId
    note: str = Field(default="", max_length=1000)


@router.get("")
def view(access: ReadAccess, include_inactive: bool = False) -> list[dict[str, Any]]:
    codes = codebook_edit.list_codes(access.store, include_inactive=include_inactive)
    return [asdict(c) for c in codes]


class FindingOut(BaseModel):
    kind: str = Field(
        description="unknown_reference, thin, indistinct, finds_nothing, too_broad or flat"
    )
    codes: list[str] = Field(description="the code, or the pair of codes, it is about")
    message: str = Field(description="what is wrong and what to do, in plain words")
    evidence: dict[str, Any] = Field(
        description="the figures behind it; for an indistinct pair with segments, "
        "shared_segments: segment ids and (redacted) texts scoring high for both"
    )


class CodeSummaryOut(BaseModel):
    id: str
    label: str
    parts: list[str] = Field(description="of definition, inclusion, exclusion, examples, keywords")
    missing: list[str] = Field(description="what makes the code thin")
    nearest: str | None = Field(description="the code whose description is most alike")
    nearest_similarity: float | None = Field(description="reference scale (unrelated: ~0.1)")
    share_suggested: float | None = Field(description="share of segments it would be suggested for")
    standout: float | None = Field(description="how far its best segments stand out")


class DiagnosisOut(BaseModel):
    codebook: str
    version: str
    model_id: str
    segments: int = Field(description="segments judged against (0: the codebook alone)")
    findings: list[FindingOut]
    codes: list[CodeSummaryOut]
    notes: list[str] = Field(description="what was not checked, and why")


@router.get(
    "/diagnostics",
    response_model=DiagnosisOut,
    responses={
        403: {"description": "Not a member of the project, or no reading role"},
        404: {"description": "No such project"},
    },
)
def diagnostics(request: Request, access: ReadAccess) -> dict[str, Any]:
    """Diagnose the current codebook against the project's segments before coding: pairs
    of codes the model cannot tell apart, thin or vague codes, codes that would be
    suggested for no segment or too many, notes naming unknown codes.  An empty
    ``findings`` means none were found."""
    store = access.store
    parts = request.app.state.runners.parts_for(store)
    return asdict(diagnose_project(store, parts=parts))


@router.post("/import-qdc", status_code=201, openapi_extra=multipart_body())
async def import_qdc(request: Request, access: ResearcherAccess) -> dict[str, Any]:
    """Add the codes of a REFI-QDA codebook (.qdc from NVivo, ATLAS.ti, MAXQDA ...);
    codes whose id the project already has are left as they are."""
    file, _ = await read_form(request)
    from qualcode.exports.refiqda import MAX_INPUT_BYTES
    from qualcode.exports.refiqda import import_qdc as run_import

    name = Path((file.filename or "codebook.qdc").replace("\\", "/")).name
    if not name.lower().endswith(".qdc"):
        raise InputError(f"{name!r} is not a .qdc file.", hint="Export the codebook as REFI-QDA.")
    data = await file.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is over {MAX_INPUT_BYTES // 2**20} MB.", hint="Is it a codebook?")
    folder = Path(tempfile.mkdtemp(prefix="qualcode-qdc-"))
    try:
        (folder / name).write_bytes(data)
        added = run_import(access.store, folder / name, access.user.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    auth.audit(access.store, access.user, "codebook.import", f"codes:{len(added)}")
    return {"added": added}


@router.get("/{code_id}/history")
def history(code_id: CodePath, access: ReadAccess) -> list[dict[str, Any]]:
    return [asdict(v) for v in codebook_edit.code_history(access.store, code_id)]


@router.post("", status_code=201, responses=conflict("The project has a code with that id"))
def add(body: CodeBody, access: ResearcherAccess) -> dict[str, Any]:
    state = codebook_edit.add_code(access.store, body.model_dump(), access.user.name)
    auth.audit(access.store, access.user, "code.add", f"code:{body.id}")
    return asdict(state)


@router.patch(
    "/{code_id}", responses=conflict("Stale version (the body's current), or a retired code")
)
def edit(code_id: CodePath, body: Edit, access: ResearcherAccess) -> dict[str, Any]:
    state = codebook_edit.edit_code(
        access.store, code_id, body.changes, access.user.name, body.expected_version, body.note
    )
    auth.audit(access.store, access.user, "code.edit", f"code:{code_id}")
    return asdict(state)


@router.post("/{code_id}/retire", responses=conflict("The code is not active"))
def retire(code_id: CodePath, body: Note, access: ResearcherAccess) -> dict[str, Any]:
    state = codebook_edit.retire_code(access.store, code_id, access.user.name, body.note)
    auth.audit(access.store, access.user, "code.retire", f"code:{code_id}")
    return asdict(state)


@router.post("/{code_id}/restore", responses=conflict("The code is active"))
def restore(code_id: CodePath, body: Note, access: ResearcherAccess) -> dict[str, Any]:
    state = codebook_edit.restore_code(access.store, code_id, access.user.name, body.note)
    auth.audit(access.store, access.user, "code.restore", f"code:{code_id}")
    return asdict(state)


@router.post("/merge", responses=conflict("A code in the merge is not active"))
def merge(body: Merge, access: ResearcherAccess) -> dict[str, Any]:
    state = codebook_edit.merge_codes(
        access.store, body.source, body.target, access.user.name, body.note
    )
    auth.audit(access.store, access.user, "code.merge", f"code:{body.source}->{body.target}")
    return asdict(state)
