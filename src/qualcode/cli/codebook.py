"""``qualcode codebook``: check a codebook before coding starts (``check``) and bring one
from another tool (``import-qdc``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qualcode.cli.common import ProjectOpt, app, open_store, run

if TYPE_CHECKING:
    from rich.console import Console

    from qualcode.coding.diagnose import CodebookDiagnosis
    from qualcode.coding.findings import Finding

codebook_app = typer.Typer(
    help="Check a codebook before coding, or bring one from another tool.", no_args_is_help=True
)
app.add_typer(codebook_app, name="codebook")

FINDINGS_EXIT = 1  # findings, as linters do; 2 and up: errors (see errors.py)


@codebook_app.command("check")
def check(
    codebook: Annotated[
        Path | None,
        typer.Argument(help="Codebook YAML/JSON (default: the project's current codebook)."),
    ] = None,
    project: Annotated[
        Path | None,
        typer.Option(
            "--project",
            "-p",
            envvar="QUALCODE_PROJECT",
            help="Project folder: judge the codebook against its segments.",
        ),
    ] = None,
    model: Annotated[
        str,
        typer.Option(
            help="Embedding model without a project: auto, multilingual-e5-small or a path."
        ),
    ] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print the diagnosis as JSON.")] = False,
) -> None:
    """Diagnose a codebook before coding starts: codes the model cannot tell apart, thin
    or vague codes, codes that would be suggested for no segment or for too many, and
    notes naming codes that do not exist.  With --project, the codebook (the file, or the
    project's current one) is judged against the project's redacted segments; without, the
    file alone is checked.

    Exit codes: 0 no findings; 1 findings; 2 an unreadable codebook or bad option;
    3 no such project."""
    diagnosis = run(lambda: _diagnose(codebook, project, model))
    if as_json:
        typer.echo(json.dumps(asdict(diagnosis), indent=2, ensure_ascii=False))
    else:
        _render(diagnosis)
    if diagnosis.findings:
        raise typer.Exit(FINDINGS_EXIT)


def _diagnose(codebook: Path | None, project: Path | None, model: str) -> CodebookDiagnosis:
    from qualcode.codebook.load import load_codebook
    from qualcode.errors import InputError

    book = load_codebook(codebook) if codebook is not None else None
    if project is not None:
        from qualcode.project.diagnostics import diagnose_project

        return diagnose_project(open_store(project), book)
    if book is None:
        raise InputError("Nothing to check.", hint="Give a codebook file, or --project DIR.")
    from qualcode.coding.diagnose import diagnose_codebook
    from qualcode.embed.choose import choose_model, make_embedder
    from qualcode.languages import detect

    language = detect(" ".join(c.definition for c in book.codes))
    return diagnose_codebook(book, make_embedder(choose_model(model, {language})))


def _render(diagnosis: CodebookDiagnosis) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    against = f"{diagnosis.segments} segments" if diagnosis.segments else "no corpus"
    console.print(
        f"[bold]{diagnosis.codebook}[/bold] (version {diagnosis.version}): "
        f"{len(diagnosis.codes)} codes, {against}, model {diagnosis.model_id}"
    )
    for note in diagnosis.notes:
        console.print(f"[yellow]Note:[/yellow] {note}")
    _findings_table(console, diagnosis.findings)
    _codes_table(console, diagnosis)
    verdict = f"{len(diagnosis.findings)} findings." if diagnosis.findings else "No findings."
    console.print(f"[bold]{verdict}[/bold]")


def _findings_table(console: Console, findings: tuple[Finding, ...]) -> None:
    from rich.table import Table

    if not findings:
        return
    table = Table(title="Findings", show_lines=True, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("codes", no_wrap=True)
    table.add_column("what to do", ratio=1)
    for f in findings:
        examples = [
            f"  #{s['segment_id']}: {s['text']}" for s in f.evidence.get("shared_segments", [])
        ]
        text = "\n".join([f.message, *(["Segments high for both:"] if examples else []), *examples])
        table.add_row(f.kind, "\n".join(f.codes), text)
    console.print(table)


CODES_CAPTION = (
    "parts: definition, inclusion, exclusion, examples, keywords (✓ present, ✗ missing or "
    "too short, · none); suggested: share of segments; sim: similarity to the nearest code "
    "(unrelated texts ~0.1)."
)


def _codes_table(console: Console, diagnosis: CodebookDiagnosis) -> None:
    from rich import box
    from rich.table import Table

    corpus = diagnosis.segments > 0
    table = Table(title="Codes", box=box.SIMPLE, caption=CODES_CAPTION, pad_edge=False)
    table.add_column("code", no_wrap=True)
    table.add_column("parts", no_wrap=True)
    if corpus:
        table.add_column("suggested", justify="right", no_wrap=True)
    table.add_column("nearest code", overflow="fold")
    table.add_column("sim", justify="right", no_wrap=True, min_width=4)
    for c in diagnosis.codes:
        share = [f"{c.share_suggested or 0:.1%}"] if corpus else []
        sim = f"{c.nearest_similarity:.2f}" if c.nearest_similarity is not None else "-"
        table.add_row(c.id, _marks(c.parts, c.missing), *share, c.nearest or "-", sim)
    console.print(table)


def _marks(present: tuple[str, ...], missing: tuple[str, ...]) -> str:
    """One mark per part of ``PARTS``: ✓ present, ✗ missing or too short, · none."""
    from qualcode.coding.diagnose import PARTS

    return " ".join("[red]✗[/red]" if p in missing else "✓" if p in present else "·" for p in PARTS)


@codebook_app.command("import-qdc")
def import_qdc(
    path: Annotated[Path, typer.Argument(help="A REFI-QDA codebook (.qdc) from another tool.")],
    project: ProjectOpt = Path("."),
    user: Annotated[str, typer.Option(help="Who imports it (for the codebook's history).")] = "cli",
) -> None:
    """Add the codes of a .qdc codebook (NVivo, ATLAS.ti, MAXQDA ...) to the project."""
    from qualcode.exports.refiqda import import_qdc as run_import

    store = open_store(project)
    added = run(lambda: run_import(store, path, user))
    typer.echo(f"Added {len(added)} codes: {', '.join(added) or '(none new)'}")
