"""``qualcode serve``: run the review service (``api.create_app``) with uvicorn.

One process: the job runners and the live models (retrained after decisions) are
threads of it; more worker processes would each load the models and retrain on their
own.  The default host is the loopback interface; on any
other the service is reachable from the network and must be put behind TLS (a reverse
proxy), since tokens travel in every request.
"""

from __future__ import annotations

import importlib
import ipaddress
import socket
from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.common import app, log_to, run
from qualcode.errors import InputError, NotFoundError

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is only reachable from this machine."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # another host name: it may resolve to a public address


def url_for(host: str, port: int) -> str:
    """The address to open; for a wildcard host (every interface), this machine's name."""
    bare = host.strip("[]")
    if bare in ("", "0.0.0.0", "::"):
        bare = socket.gethostname()
    shown = f"[{bare}]" if ":" in bare else bare
    return f"http://{shown}:{port}/"


def _check_workspace(workspace: Path) -> Path:
    if not workspace.is_dir():
        raise NotFoundError(
            f"No workspace folder at {workspace}.",
            hint=(
                f"Create it with `qualcode init {workspace}`, then add the first admin with "
                f"`qualcode users create-admin NAME --project {workspace}`."
            ),
        )
    return workspace.resolve()


@app.command()
def serve(
    workspace: Annotated[
        Path,
        typer.Option(
            "--workspace",
            "-w",
            envvar="QUALCODE_WORKSPACE",
            help="Workspace folder: its qualcode.db holds users and tokens; projects/ holds "
            "the projects.",
        ),
    ],
    host: Annotated[
        str, typer.Option(help="Interface to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    access_log: Annotated[
        bool,
        typer.Option(
            help="Print a line per request (its path and query: searches carry their words)."
        ),
    ] = False,
) -> None:
    """Run the review service over a workspace (one process; stop it with Ctrl-C)."""
    root = run(lambda: _check_workspace(workspace))
    try:
        import uvicorn

        # by name: the api package is checked on its own, not as part of `mypy src`
        create_app = importlib.import_module("api").create_app
    except ImportError as err:
        typer.secho(
            f"Error: the review service cannot start ({err}). Reinstall qualcode (`make "
            "setup`, or `pip install -e .`) so that fastapi, uvicorn and api/ are installed.",
            fg="red",
            err=True,
        )
        raise typer.Exit(InputError.exit_code) from None
    app_ = run(lambda: create_app(root))
    log_to(root / "qualcode.log")
    url = url_for(host, port)
    typer.echo(f"qualcode review service for {root}")
    typer.echo(f"Serving on {url} (API: {url}api, documentation: {url}docs)")
    if not is_loopback(host):
        typer.secho(
            f"Warning: {host} is reachable from other machines and this server speaks plain "
            "HTTP: API tokens would cross the network unencrypted. Put it behind TLS (a "
            "reverse proxy such as Caddy or nginx) before the team uses it.",
            fg="yellow",
            err=True,
        )
    uvicorn.run(app_, host=host, port=port, workers=1, log_level="info", access_log=access_log)
