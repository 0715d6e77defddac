"""A workspace: several projects served together, with users and memberships kept in
the workspace's own store (``<root>/qualcode.db``); projects live in
``<root>/projects/<name>/``.  Used by the HTTP service (``api/``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qualcode.errors import ConflictError, NotFoundError
from qualcode.project.auth import Actor, User, audit, get_user
from qualcode.store import Store


def create_project(home: Store, project_dir: Path, actor: Actor) -> Store:
    """Create the project at ``project_dir`` and make its creator a member."""
    if (project_dir / "qualcode.db").exists():
        raise ConflictError(f"A project named '{project_dir.name}' already exists.")
    store = Store(project_dir, create=True)
    name = actor.name if not isinstance(actor, str) else actor
    if name != "cli":
        add_member(home, project_dir.name, name, actor)
    else:
        audit(home, actor, "project.create", f"project:{project_dir.name}")
    return store


@dataclass(frozen=True)
class Member:
    name: str
    roles: tuple[str, ...]
    disabled: bool
    added_at: str


def add_member(home: Store, project: str, user_name: str, actor: Actor) -> None:
    user = get_user(home, user_name)
    with home.atomic():
        home.auth.add_member(user.id, project)
        audit(home, actor, "project.member.add", f"project:{project}", {"user": user.name})


def remove_member(home: Store, project: str, user_name: str, actor: Actor) -> None:
    """Take ``user_name`` off the project; their decisions stay in its log."""
    user = get_user(home, user_name)
    with home.atomic():
        if not home.auth.remove_member(user.id, project):
            raise NotFoundError(
                f"{user.name} is not a member of project '{project}'.",
                hint="List the members: `qualcode members list PROJECT`.",
            )
        audit(home, actor, "project.member.remove", f"project:{project}", {"user": user.name})


def project_names(root: Path) -> list[str]:
    """The projects of the workspace at ``root``."""
    base = root / "projects"
    return sorted(p.name for p in base.glob("*") if (p / "qualcode.db").exists())


def existing_project(root: Path, project: str) -> str:
    if project not in project_names(root):
        raise NotFoundError(
            f"No project named '{project[:64]}' in this workspace.",
            hint="Create it with `qualcode init WORKSPACE/projects/NAME` (or POST "
            "/api/projects); `qualcode members list` shows the projects that have members.",
        )
    return project


def members_of(home: Store, project: str) -> list[Member]:
    return [
        Member(r["name"], tuple(r["roles"]), bool(r["disabled"]), r["added_at"])
        for r in home.auth.member_rows(project)
    ]


def projects_of(home: Store, user: User | str, existing: list[str]) -> list[str]:
    """The projects ``user`` belongs to, among those that exist; an admin sees them all
    (to manage members; opening one still needs membership and a project role)."""
    if isinstance(user, User) and user.has("admin"):
        return list(existing)
    name = user.name if isinstance(user, User) else user
    mine = set(home.auth.member_projects(name))
    return [p for p in existing if p in mine]
