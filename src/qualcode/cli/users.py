"""Commands for users and API tokens (``users``, ``token``) used by the review service.

The command line is trusted (whoever can open the project folder can read the database):
it needs no token, and its writes are audited with the actor ``cli``.  Tokens are printed
once, when issued, and never again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.common import ProjectOpt, app, open_store, run
from qualcode.cli.tables import print_table

users_app = typer.Typer(help="Users of the review service and their roles.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for the review service.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(token_app, name="token")

RoleOpt = Annotated[
    list[str],
    typer.Option("--role", "-r", help="researcher, coder, analyst or admin (repeat the option)."),
]


def _print_token(token: str, name: str) -> None:
    typer.echo(f"Token for {name} (shown once, store it safely):")
    typer.echo(token)


@users_app.command("create-admin")
def create_admin(name: str, project: ProjectOpt = Path(".")) -> None:
    """Create the first admin (only while there is none) and print their token once; the
    workspace folder is created if it does not exist yet."""
    from qualcode.project.auth import create_admin as create

    user, token = run(lambda: create(open_store(project, create=True), name))
    typer.echo(f"Created admin {user.name}.")
    _print_token(token, user.name)


@users_app.command("add")
def add(name: str, role: RoleOpt, project: ProjectOpt = Path(".")) -> None:
    """Add a user with one or more roles (admin does not imply the others)."""
    from qualcode.project.auth import create_user

    user = run(lambda: create_user(open_store(project), name, role))
    typer.echo(f"Added {user.name} ({', '.join(user.roles)}). Issue a token: qualcode token new.")


@users_app.command("roles")
def roles(name: str, role: RoleOpt, project: ProjectOpt = Path(".")) -> None:
    """Replace a user's roles."""
    from qualcode.project.auth import set_roles

    user = run(lambda: set_roles(open_store(project), name, role))
    typer.echo(f"{user.name} now has: {', '.join(user.roles)}.")


@users_app.command("disable")
def disable(name: str, project: ProjectOpt = Path(".")) -> None:
    """Disable a user: their tokens stop working at once."""
    from qualcode.project.auth import set_disabled

    user = run(lambda: set_disabled(open_store(project), name, True))
    typer.echo(f"Disabled {user.name}.")


@users_app.command("enable")
def enable(name: str, project: ProjectOpt = Path(".")) -> None:
    """Enable a disabled user again (their unrevoked tokens work again)."""
    from qualcode.project.auth import set_disabled

    user = run(lambda: set_disabled(open_store(project), name, False))
    typer.echo(f"Enabled {user.name}.")


@users_app.command("list")
def list_(project: ProjectOpt = Path(".")) -> None:
    """Users, their roles and whether they are disabled."""
    from qualcode.project.auth import list_users

    rows = [
        (u.name, ",".join(u.roles), "disabled" if u.disabled else "active", u.created_at)
        for u in run(lambda: list_users(open_store(project)))
    ]
    print_table(("name", "roles", "status", "created"), rows)


@token_app.command("new")
def token_new(
    name: str,
    label: Annotated[str, typer.Option(help="What the token is for, e.g. a laptop.")] = "",
    project: ProjectOpt = Path("."),
) -> None:
    """Issue a token for a user and print it once."""
    from qualcode.project.auth import issue_token

    token = run(lambda: issue_token(open_store(project), name, label))
    _print_token(token, name)


@token_app.command("list")
def token_list(
    name: Annotated[str | None, typer.Argument(help="Only this user's tokens.")] = None,
    project: ProjectOpt = Path("."),
) -> None:
    """Tokens by prefix (the secrets themselves are not stored)."""
    from qualcode.project.auth import list_tokens

    rows = [
        (t.prefix, t.user, t.label, t.created_at,
         f"revoked {t.revoked_at}" if t.revoked_at else f"last used {t.last_used_at or '-'}")
        for t in run(lambda: list_tokens(open_store(project), name))
    ]  # fmt: skip
    print_table(("prefix", "user", "label", "created", "status"), rows)


@token_app.command("revoke")
def token_revoke(
    prefix: Annotated[str, typer.Argument(help="The token's prefix, from `qualcode token list`.")],
    project: ProjectOpt = Path("."),
) -> None:
    """Revoke a token: it stops working at once."""
    from qualcode.project.auth import revoke_token

    token = run(lambda: revoke_token(open_store(project), prefix))
    typer.echo(f"Revoked token {token.prefix} of {token.user}.")
