"""A workspace: several projects served together, with users and memberships kept in
the workspace's own store (``<root>/qualcode.db``); projects live in
``<root>/projects/<name>/``.  Used by the HTTP service (``api/``)."""

from __future__ import annotations

from pathlib import Path

from qualcode.errors import ConflictError
from qualcode.project.auth import Actor, audit, get_user
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


def add_member(home: Store, project: str, user_name: str, actor: Actor) -> None:
    user = get_user(home, user_name)
    with home.atomic():
        home.auth.add_member(user.id, project)
        audit(home, actor, "project.member.add", f"project:{project}", {"user": user.name})


def projects_of(home: Store, user_name: str, existing: list[str]) -> list[str]:
    """The projects ``user_name`` belongs to, among those that exist."""
    mine = set(home.auth.member_projects(user_name))
    return [p for p in existing if p in mine]
