"""Users and tokens (admin), and who-am-I (anyone signed in).  Project membership:
``api.routes.workbench``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from api.context import AdminUser, UserDep, WorkspaceDep
from api.openapi_docs import conflict
from qualcode.project import auth, preferences, workspace

router = APIRouter(prefix="/api", tags=["users"])
MAX_AUDIT = 1000


Role = Literal["researcher", "coder", "analyst", "admin"]
# a user name or token label: 1-64 characters without surrounding spaces (auth.validate_name)
NAME_PATTERN = r"^\S(.*\S)?$"
UserName = Annotated[str, Path(min_length=1, max_length=auth.MAX_NAME, pattern=NAME_PATTERN)]


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=auth.MAX_NAME, pattern=NAME_PATTERN)
    roles: list[Role] = Field(min_length=1, max_length=4)


class NewToken(BaseModel):
    label: str = Field(default="", max_length=auth.MAX_NAME, pattern=r"^(\S(.*\S)?)?$")


def _user_json(u: auth.User) -> dict[str, object]:
    return {"name": u.name, "roles": list(u.roles), "disabled": u.disabled}


@router.get("/me")
def me(user: UserDep, ws: WorkspaceDep) -> dict[str, object]:
    projects = workspace.projects_of(ws.home, user.name, ws.project_names())
    language = preferences.language_of(ws.home, user)
    return {**_user_json(user), "projects": projects, "language": language}


@router.get("/users")
def list_users(user: AdminUser, ws: WorkspaceDep) -> list[dict[str, object]]:
    return [_user_json(u) for u in auth.list_users(ws.home)]


@router.post("/users", status_code=201, responses=conflict("A user of that name exists"))
def create_user(body: NewUser, user: AdminUser, ws: WorkspaceDep) -> dict[str, object]:
    return _user_json(auth.create_user(ws.home, body.name, body.roles, actor=user))


@router.post("/users/{name}/tokens", status_code=201, responses=conflict("The user is disabled"))
def new_token(name: UserName, body: NewToken, user: AdminUser, ws: WorkspaceDep) -> dict[str, str]:
    """The token is in this response only; the server keeps its hash."""
    token = auth.issue_token(ws.home, name, body.label, actor=user)
    return {"user": name, "token": token, "prefix": token[:8]}


@router.delete(
    "/tokens/{prefix}", responses=conflict("Already revoked, or the prefix matches several")
)
def revoke_token(
    prefix: Annotated[str, Path(min_length=1, max_length=100)], user: AdminUser, ws: WorkspaceDep
) -> dict[str, str]:
    info = auth.revoke_token(ws.home, prefix, actor=user)
    return {"prefix": info.prefix, "revoked_at": info.revoked_at or ""}


@router.get("/audit")
def audit_log(
    user: AdminUser,
    ws: WorkspaceDep,
    limit: Annotated[int, Query(ge=1, le=MAX_AUDIT, description="newest entries")] = 200,
) -> list[dict[str, object]]:
    return auth.audit_log(ws.home, limit)
