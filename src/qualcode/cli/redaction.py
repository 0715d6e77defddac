"""Commands for redaction: review (``redactions``), keys (``key``) and ``eval-redaction``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qualcode.cli.common import ProjectOpt, app, open_store, run
from qualcode.cli.progress import ProgressOpt, shown

if TYPE_CHECKING:
    from qualcode.progress import Reporter
    from qualcode.store import Store

redactions_app = typer.Typer(help="Review what was redacted: list, add missed, release.")
key_app = typer.Typer(help="The optional key for authorised re-identification.")
app.add_typer(redactions_app, name="redactions")
app.add_typer(key_app, name="key")

KeyOpt = Annotated[
    Path | None,
    typer.Option("--key-file", help="Key file from `qualcode key new` (or set $QUALCODE_KEY)."),
]
RefreshOpt = Annotated[
    bool, typer.Option(help="Re-embed changed segments and refresh topics and suggestions.")
]
ActorOpt = Annotated[str, typer.Option(help="Who made the change (for the log).")]


@redactions_app.command("list")
def list_(
    transcript: int,
    context: Annotated[int, typer.Option(help="Passages of text shown per redaction.")] = 2,
    project: ProjectOpt = Path("."),
) -> None:
    """What was redacted in a transcript, uncertain detections (?) first, each with the
    pseudonymised text around it."""
    from qualcode.cli.tables import print_table
    from qualcode.redact.context import redaction_contexts
    from qualcode.redact.review import list_redactions

    store = open_store(project)
    items = run(lambda: list_redactions(store, transcript))
    around = redaction_contexts(store, transcript, [i.pseudonym for i in items], context)
    rows = [
        ("?" if i.flagged else "", i.pseudonym, i.kind, i.count, f"{i.confidence:.2f}",
         f"{i.source} / {i.status}", "\n".join(around[i.pseudonym]))
        for i in items
    ]  # fmt: skip
    print_table(("", "pseudonym", "type", "count", "conf", "source / status", "in context"), rows)


@redactions_app.command()
def add(
    transcript: int,
    text: Annotated[
        str | None, typer.Argument(help="The missed text; prompted if left out.")
    ] = None,
    kind: Annotated[str, typer.Option("--type", help="PERSON, PLACE, ORG, PHONE, ...")] = "PERSON",
    pseudonym: Annotated[str | None, typer.Option(help="Reuse one, e.g. [PERSON_2].")] = None,
    key_file: KeyOpt = None,
    refresh: RefreshOpt = True,
    actor: ActorOpt = "researcher",
    project: ProjectOpt = Path("."),
) -> None:
    """Redact a string the redactor missed, everywhere in the transcript."""
    from qualcode.redact.review import add_redaction
    from qualcode.redact.vault import load_key

    secret = text if text is not None else typer.prompt("Text to redact", hide_input=True)
    store = open_store(project)
    change = run(
        lambda: add_redaction(
            store,
            transcript,
            secret,
            kind,
            pseudonym=pseudonym,
            actor=actor,
            key=load_key(key_file),
        )
    )
    typer.echo(f"Redacted {change.count} occurrence(s) as {change.pseudonym}.")
    _refresh(store, refresh)


@redactions_app.command()
def release(
    transcript: int,
    pseudonym: str,
    as_text: Annotated[str | None, typer.Option("--as", help="The original text.")] = None,
    key_file: KeyOpt = None,
    refresh: RefreshOpt = True,
    actor: ActorOpt = "researcher",
    project: ProjectOpt = Path("."),
    progress: ProgressOpt = True,
) -> None:
    """Undo a false positive: put the original text back for every occurrence."""
    from qualcode.redact.review import release_redaction
    from qualcode.redact.vault import load_key

    store = open_store(project)
    with shown(progress) as reporter:
        change = run(
            lambda: release_redaction(
                store,
                transcript,
                pseudonym,
                original=as_text,
                key=load_key(key_file),
                actor=actor,
                progress=reporter,
            )
        )
        typer.echo(f"Released {change.pseudonym}: {change.count} occurrence(s) restored.")
        _refresh(store, refresh, reporter)


@redactions_app.command()
def reveal(transcript: int, key_file: KeyOpt = None, project: ProjectOpt = Path(".")) -> None:
    """Authorised re-identification: print the originals behind each pseudonym."""
    from qualcode.errors import ConfigError
    from qualcode.redact.review import reveal as reveal_
    from qualcode.redact.vault import load_key

    def go() -> dict[str, list[str]]:
        key = load_key(key_file)
        if key is None:
            raise ConfigError("No key given.", hint="Pass --key-file or set $QUALCODE_KEY.")
        return reveal_(open_store(project), transcript, key)

    for pseudo, originals in run(go).items():
        typer.echo(f"{pseudo}\t{' | '.join(originals)}")


@redactions_app.command("log")
def log_(transcript: int, project: ProjectOpt = Path(".")) -> None:
    """The append-only log of redaction changes (no originals)."""
    for r in run(lambda: open_store(project).redactions.redaction_log(transcript)):
        typer.echo(f"{r['at']}  {r['actor']:<12}{r['action']:<8}{r['pseudonym']:<14}{r['count']}")


@key_app.command("new")
def key_new(path: Path) -> None:
    """Write a new key file; keep it outside the project and back it up."""
    from qualcode.redact.vault import new_key

    run(lambda: new_key(path))
    typer.echo(f"Wrote a new key to {path}. Keep it safe: without it the mapping is unreadable.")


@app.command("eval-redaction")
def eval_redaction(
    paths: Annotated[list[Path], typer.Argument(help="Evaluation sets (.jsonl).")],
    layers: Annotated[str | None, typer.Option(help="Comma-separated layers to run.")] = None,
    ablation: Annotated[bool, typer.Option(help="Add layers one by one.")] = False,
    show_missed: Annotated[int, typer.Option(help="Print up to N missed gold spans.")] = 0,
) -> None:
    """Precision, recall and F2 per type, and the share of transcripts leaking a name."""
    from qualcode.redact.evaluate import evaluation_text

    typer.echo(run(lambda: evaluation_text(paths, layers, ablation, show_missed)))


def _refresh(store: Store, refresh: bool, progress: Reporter | None = None) -> None:
    if not refresh or not store.segments.segments():
        return
    from qualcode.pipeline.run import process

    report = run(lambda: process(store, progress=progress))
    typer.echo(f"Re-embedded {report.embedded} segment(s); topics: {report.topics}.")
