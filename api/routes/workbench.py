"""The coder's workbench: a transcript as a document with its codes and spans, memos,
flags for later, progress that stays true after undo, the code tree, a project's members
(researchers and admins) and each user's interface language.  Under blind coding a coder
sees only their own decisions (and, of the memos on segments, their own)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from api.context import (
    Access,
    ReadAccess,
    ReviewerAccess,
    UserDep,
    WorkspaceDep,
    member_of,
)
from api.params import PathId
from qualcode.project import auth, preferences, workspace
from qualcode.project.auth import blind_view
from qualcode.review import codetree, document, flags, memos, progress

router = APIRouter(prefix="/api/projects/{project}", tags=["workbench"])
me_router = APIRouter(prefix="/api/me", tags=["users"])


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    why = {
        401: "No valid API token or sign-in session.",
        403: "Your role or project membership does not allow this.",
        404: "No such project, transcript, segment, memo, code or user.",
        422: "The request is malformed or a value is not valid (the message says which).",
    }
    return {c: {"description": why[c]} for c in (401, *codes)}


def _coder(access: Access) -> str | None:
    return blind_view(access.store, access.user)


def _manager(project: str, user: UserDep, ws: WorkspaceDep) -> Access:
    """A researcher of the project, or an admin (who manages memberships of any project)."""
    ws.project(project)  # NotFoundError now, in this thread
    if not user.has("admin"):
        auth.require_any(user, ("researcher",), "Managing members needs the researcher role.")
        member_of(ws, user, project)
    return Access(user, ws, project)


ManagerAccess = Annotated[Access, Depends(_manager)]


class NewMemo(BaseModel):
    target: str = Field(pattern="^(project|transcript|segment|code)$")
    target_id: str = Field(default="", max_length=64)
    text: str = Field(min_length=1, max_length=memos.MAX_MEMO)


class MemoText(BaseModel):
    text: str = Field(min_length=1, max_length=memos.MAX_MEMO)


class Member(BaseModel):
    user: str = Field(min_length=1, max_length=64)


class Language(BaseModel):
    language: str = Field(pattern="^(en|ru|uz)$")


@router.get("/transcripts/{tid}/document", responses=_errors(403, 404, 422))
def transcript_document(tid: PathId, access: ReadAccess) -> dict[str, Any]:
    """The stored (redacted) text with turns, segments and coded spans as character
    offsets into it, each segment's codes, your flags and the memos."""
    return document.document(access.store, tid, access.user.name, _coder(access))


@router.post("/memos", status_code=201, responses=_errors(403, 404, 422))
def add_memo(body: NewMemo, access: ReviewerAccess) -> dict[str, Any]:
    memo = memos.add_memo(access.store, body.target, body.target_id, access.user.name, body.text)
    return {k: v for k, v in asdict(memo).items() if k != "text"}


@router.get("/memos", responses=_errors(403, 404, 422))
def list_memos(
    access: ReadAccess,
    target: Annotated[str | None, Query(pattern="^(project|transcript|segment|code)$")] = None,
    target_id: Annotated[str | None, Query(max_length=64)] = None,
) -> list[dict[str, Any]]:
    """Current memos, newest first (under blind coding a coder sees only their own memos
    on segments)."""
    return [asdict(m) for m in memos.list_memos(access.store, target, target_id, _coder(access))]


@router.patch("/memos/{memo_id}", responses=_errors(403, 404, 422))
def edit_memo(memo_id: PathId, body: MemoText, access: ReviewerAccess) -> dict[str, Any]:
    """A new version of your memo (the old one stays); another user's memo is a 404."""
    return asdict(memos.edit_memo(access.store, memo_id, access.user, body.text))


@router.delete("/memos/{memo_id}", status_code=204, responses=_errors(403, 404, 422))
def delete_memo(memo_id: PathId, access: ReviewerAccess) -> Response:
    """Mark your memo deleted (a researcher: anyone's); its versions stay."""
    memos.delete_memo(access.store, memo_id, access.user)
    return Response(status_code=204)


@router.put("/segments/{segment_id}/flag", status_code=204, responses=_errors(403, 404, 422))
def flag_segment(segment_id: PathId, access: ReviewerAccess) -> Response:
    flags.flag(access.store, segment_id, access.user.name)
    return Response(status_code=204)


@router.delete("/segments/{segment_id}/flag", status_code=204, responses=_errors(403, 404, 422))
def unflag_segment(segment_id: PathId, access: ReviewerAccess) -> Response:
    flags.unflag(access.store, segment_id, access.user.name)
    return Response(status_code=204)


@router.get("/flags", responses=_errors(403, 404))
def my_flags(access: ReadAccess) -> dict[str, list[int]]:
    """The segments you flagged for later."""
    return {"segments": flags.flagged(access.store, access.user.name)}


@router.get("/progress", responses=_errors(403, 404))
def review_progress(access: ReadAccess) -> dict[str, Any]:
    """Segments decided, per transcript and per code, from the log with undos applied."""
    return asdict(progress.progress(access.store, _coder(access)))


@router.get("/codebook/tree", responses=_errors(403, 404))
def code_tree(access: ReadAccess) -> list[dict[str, Any]]:
    """Active codes with sub-codes under their parent, colour and segment count."""
    return [asdict(n) for n in codetree.code_tree(access.store, _coder(access))]


@router.get("/members", responses=_errors(403, 404))
def list_members(access: ManagerAccess) -> list[dict[str, Any]]:
    return [asdict(m) for m in workspace.members_of(access.ws.home, access.project)]


@router.post("/members", status_code=201, responses=_errors(403, 404, 422))
def add_member(body: Member, access: ManagerAccess) -> dict[str, str]:
    """Make a user a member of the project (audited)."""
    workspace.add_member(access.ws.home, access.project, body.user, access.user)
    return {"project": access.project, "user": body.user}


@router.delete("/members/{user}", status_code=204, responses=_errors(403, 404, 422))
def remove_member(user: str, access: ManagerAccess) -> Response:
    """Take a user off the project (audited); their decisions stay in the log."""
    workspace.remove_member(access.ws.home, access.project, user, access.user)
    return Response(status_code=204)


@me_router.post("/language", status_code=204, responses={401: {"description": "Not signed in."}})
def set_language(body: Language, user: UserDep, ws: WorkspaceDep) -> Response:
    """Your interface language (en, ru or uz)."""
    preferences.set_language(ws.home, user, body.language)
    return Response(status_code=204)
