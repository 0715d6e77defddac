"""``qualcode members``: who may work on which project of a workspace (``-p`` is the
workspace root, as for ``users``).  Audited with the actor ``cli``."""

from __future__ import annotations

from pathlib import Path

import typer

from qualcode.cli.common import ProjectOpt, app, open_store, run
from qualcode.cli.tables import print_table

members_app = typer.Typer(help="Members of a workspace's projects.", no_args_is_help=True)
app.add_typer(members_app, name="members")


@members_app.command("add")
def add(user: str, project_name: str, project: ProjectOpt = Path(".")) -> None:
    """Make USER a member of PROJECT_NAME (their roles decide what they may do there)."""
    from qualcode.project.workspace import add_member, existing_project

    home = open_store(project)
    run(lambda: add_member(home, existing_project(project, project_name), user, "cli"))
    typer.echo(f"{user} is a member of {project_name}.")


@members_app.command("remove")
def remove(user: str, project_name: str, project: ProjectOpt = Path(".")) -> None:
    """Take USER off PROJECT_NAME; their past decisions stay in the project's log."""
    from qualcode.project.workspace import existing_project, remove_member

    home = open_store(project)
    run(lambda: remove_member(home, existing_project(project, project_name), user, "cli"))
    typer.echo(f"{user} is no longer a member of {project_name}.")


@members_app.command("list")
def list_(project_name: str = typer.Argument("", help="One project (default: all)."),
          project: ProjectOpt = Path(".")) -> None:  # fmt: skip
    """The members of each project, with their roles."""
    from qualcode.project.workspace import existing_project, members_of, project_names

    home = open_store(project)
    names = [run(lambda: existing_project(project, project_name))] if project_name else []
    rows = [
        (name, m.name, ", ".join(m.roles), "disabled" if m.disabled else "active", m.added_at)
        for name in names or project_names(project)
        for m in members_of(home, name)
    ]
    if not rows:
        typer.echo("No members yet: `qualcode members add USER PROJECT`.")
        return
    print_table(("project", "user", "roles", "status", "added"), rows)
