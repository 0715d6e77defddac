"""``qualcode agreement``: the model as a coder, against each human coder and the team."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.common import ProjectOpt, app, open_store, run


@app.command()
def agreement(
    project: ProjectOpt = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Agreement of code suggestions with each coder and between coders (kappa, alpha)."""
    from qualcode.coding.trust import format_trust, report_dict, trust_report

    store = open_store(project)
    report = run(lambda: trust_report(store))
    typer.echo(json.dumps(report_dict(report), indent=2) if as_json else format_trust(report))
