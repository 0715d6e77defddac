"""Users and tokens (admin), and who-am-I (anyone signed in).  Project membership:
``api.routes.workbench``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.context import UserDep, WorkspaceDep
from qualcode.project import auth, preferences, workspace

router = APIRouter(prefix="/api", tags=["users"])
MAX_AUDIT = 1000


class NewUser(BaseModel):
    name: str = Field(max_length=64)
    roles: list[str] = Field(max_length=4)


class NewToken(BaseModel):
    label: str = Field(default="", max_length=100)


def _admin(user: auth.User) -> None:
    auth.require_any(user, ("admin",), "Only an admin manages users, tokens and memberships.")


def _user_json(u: auth.User) -> dict[str, object]:
    return {"name": u.name, "roles": list(u.roles), "disabled": u.disabled}


@router.get("/me")
def me(user: UserDep, ws: WorkspaceDep) -> dict[str, object]:
    projects = workspace.projects_of(ws.home, user.name, ws.project_names())
    language = preferences.language_of(ws.home, user)
    return {**_user_json(user), "projects": projects, "language": language}


@router.get("/users")
def list_users(user: UserDep, ws: WorkspaceDep) -> list[dict[str, object]]:
    _admin(user)
    return [_user_json(u) for u in auth.list_users(ws.home)]


@router.post("/users", status_code=201)
def create_user(body: NewUser, user: UserDep, ws: WorkspaceDep) -> dict[str, object]:
    _admin(user)
    return _user_json(auth.create_user(ws.home, body.name, body.roles, actor=user))


@router.post("/users/{name}/tokens", status_code=201)
def new_token(name: str, body: NewToken, user: UserDep, ws: WorkspaceDep) -> dict[str, str]:
    """The token is in this response only; the server keeps its hash."""
    _admin(user)
    token = auth.issue_token(ws.home, name, body.label, actor=user)
    return {"user": name, "token": token, "prefix": token[:8]}


@router.delete("/tokens/{prefix}")
def revoke_token(prefix: str, user: UserDep, ws: WorkspaceDep) -> dict[str, str]:
    _admin(user)
    info = auth.revoke_token(ws.home, prefix, actor=user)
    return {"prefix": info.prefix, "revoked_at": info.revoked_at or ""}


@router.get("/audit")
def audit_log(
    user: UserDep,
    ws: WorkspaceDep,
    limit: Annotated[int, Query(ge=1, le=MAX_AUDIT, description="newest entries")] = 200,
) -> list[dict[str, object]]:
    _admin(user)
    return auth.audit_log(ws.home, limit)
