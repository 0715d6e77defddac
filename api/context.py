"""The workspace a server runs over, and the request dependencies: who is asking, and
which project they may touch.

A workspace is a folder: its own ``qualcode.db`` holds users, tokens, project
memberships and the audit log; each project lives in ``projects/<name>/``.  SQLite
connections belong to one thread, so stores are opened per worker thread and reused.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi import Path as PathParam

from qualcode.errors import AuthError, ForbiddenError, InputError, NotFoundError
from qualcode.project import auth, sessions
from qualcode.store import Store

PROJECT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
COOKIE = "qualcode_session"  # a session id (qualcode.project.sessions), never a token
CSRF_HEADER = "X-Requested-With"
CSRF_VALUE = "qualcode"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# a project in a path: the same rule as ``Workspace.project_dir``, stated in the schema
ProjectName = Annotated[str, PathParam(pattern=PROJECT_NAME.pattern, description="project name")]


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._local = threading.local()
        Store(self.root, create=True).close()  # create and migrate once, up front

    def _stores(self) -> dict[Path, Store]:
        if not hasattr(self._local, "stores"):
            self._local.stores = {}
        return self._local.stores

    def _open(self, path: Path, create: bool = False) -> Store:
        stores = self._stores()
        if path not in stores:
            stores[path] = Store(path, create=create)
        return stores[path]

    @property
    def home(self) -> Store:
        """The workspace's own store: users, tokens, memberships, audit."""
        return self._open(self.root)

    def project_dir(self, name: str) -> Path:
        if not PROJECT_NAME.match(name):
            raise InputError(
                f"'{name[:64]}' is not a valid project name.",
                hint="Use lower-case letters, digits, '-' and '_' (up to 63 characters).",
            )
        return self.root / "projects" / name

    def project(self, name: str, create: bool = False) -> Store:
        path = self.project_dir(name)
        if not create and not (path / "qualcode.db").exists():
            raise NotFoundError(f"No project named '{name}'.", hint="List projects first.")
        return self._open(path, create=create)

    def project_names(self) -> list[str]:
        base = self.root / "projects"
        return sorted(p.name for p in base.glob("*") if (p / "qualcode.db").exists())


async def workspace(request: Request) -> Workspace:
    """Async: it only reads app state, so FastAPI need not hand it to a worker thread."""
    return request.app.state.workspace


WorkspaceDep = Annotated[Workspace, Depends(workspace)]


def token_of(request: Request) -> str | None:
    """The bearer token of an API client."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def session_of(request: Request) -> str | None:
    """The sign-in session id a browser sends in its cookie."""
    return request.cookies.get(COOKIE)


def csrf_checked(request: Request) -> None:
    """A browser sends the sign-in cookie with any request, even one another site makes
    it send; such a site cannot add a custom header without the browser asking this
    (CORS-less) server first.  So a write authenticated by the cookie alone must carry
    ``X-Requested-With: qualcode``, as the web page's own script does."""
    by_cookie = not request.headers.get("authorization", "").lower().startswith("bearer ")
    if (
        by_cookie
        and request.method not in SAFE_METHODS
        and request.headers.get(CSRF_HEADER) != CSRF_VALUE
    ):
        raise ForbiddenError(
            "A change made with the sign-in cookie needs the page's request header.",
            hint=f"Send '{CSRF_HEADER}: {CSRF_VALUE}', or use 'Authorization: Bearer <token>'.",
        )


def identify(ws: Workspace, request: Request) -> auth.User:
    """Who sends ``request`` (its bearer token, else its sign-in session); ``AuthError``
    if no one.  Reads headers only, so ``api.guard`` can ask before any body is read."""
    if token := token_of(request):
        return auth.authenticate(ws.home, token)
    if session := session_of(request):
        return sessions.session_user(ws.home, session)
    raise AuthError("No API token.", hint="Send 'Authorization: Bearer <token>'.")


def current_user(request: Request, ws: WorkspaceDep) -> auth.User:
    if session_of(request) and not token_of(request):
        csrf_checked(request)
    return identify(ws, request)


UserDep = Annotated[auth.User, Depends(current_user)]

# dependency -> the roles it requires (one of them); ``api.openapi_docs`` documents a
# 403 for the routes that depend on one
RESTRICTED: dict[object, tuple[str, ...]] = {}


def holding(*roles: str, why: str = ""):  # type: ignore[no-untyped-def]
    """Dependency: the signed-in user holds one of ``roles`` (any project or none)."""

    def dependency(user: UserDep) -> auth.User:
        auth.require_any(user, roles, why)
        return user

    RESTRICTED[dependency] = roles
    return Depends(dependency)


AdminUser = Annotated[
    auth.User, holding("admin", why="Only an admin manages users, tokens and memberships.")
]
ProjectCreator = Annotated[
    auth.User, holding("researcher", why="Creating a project needs the researcher role.")
]


@dataclass(frozen=True)
class Access:
    """A user acting on one project.  ``store`` is opened in the thread that asks for it:
    FastAPI may run a sync dependency and the endpoint in different worker threads, and
    a SQLite connection belongs to the thread that opened it."""

    user: auth.User
    ws: Workspace
    project: str

    @property
    def store(self) -> Store:
        return self.ws.project(self.project)


def member_of(ws: Workspace, user: auth.User, project: str) -> None:
    auth.require_member(ws.home, user, project)


def needs(*roles: str):  # type: ignore[no-untyped-def]
    """Dependency: the user holds one of ``roles`` and belongs to the path's project."""

    def dependency(project: ProjectName, user: UserDep, ws: WorkspaceDep) -> Access:
        auth.require_any(user, roles)
        ws.project(project)  # NotFoundError now, in this thread
        member_of(ws, user, project)
        return Access(user, ws, project)

    RESTRICTED[dependency] = roles
    return Depends(dependency)


ReadAccess = Annotated[Access, needs("researcher", "coder", "analyst")]
CoderAccess = Annotated[Access, needs("coder")]
ReviewerAccess = Annotated[Access, needs("coder", "researcher")]  # undo: see reviewing.undo
ResearcherAccess = Annotated[Access, needs("researcher")]
ExportAccess = Annotated[Access, needs("analyst", "researcher")]
