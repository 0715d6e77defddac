"""The main commands: init, ingest, process, suggest, redact, summary, demo."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.common import ProjectOpt, app, log_to
from qualcode.cli.common import open_store as _open
from qualcode.cli.common import run as _run
from qualcode.settings import TextRedaction


@app.command()
def init(
    project: Annotated[Path, typer.Argument(help="Folder for the new project.")] = Path("."),
    setting: Annotated[
        list[str] | None,
        typer.Option("--set", help="key=value project setting, e.g. topic_reducer=umap."),
    ] = None,
) -> None:
    """Create a project (a folder holding qualcode.db)."""
    from qualcode.settings import parse_assignments

    values = _run(lambda: parse_assignments(setting or []))
    store = _open(project, create=True)
    store.settings.set_settings(values)
    typer.echo(f"Project ready at {store.path}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    project: ProjectOpt = Path("."),
    title: Annotated[str | None, typer.Option()] = None,
    region: Annotated[str | None, typer.Option()] = None,
    district: Annotated[str | None, typer.Option()] = None,
    date: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    group: Annotated[str | None, typer.Option(help='e.g. "women 18-30"')] = None,
    language: Annotated[str | None, typer.Option()] = None,
    facilitator: Annotated[str | None, typer.Option()] = None,
    participant: Annotated[
        list[str] | None,
        typer.Option(help="A participant's name, for redaction (repeat the option)."),
    ] = None,
    key_file: Annotated[
        Path | None,
        typer.Option(
            "--key-file",
            help="Keep the pseudonym mapping, encrypted with this key (or $QUALCODE_KEY).",
        ),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show progress.")] = True,
) -> None:
    """Read, redact and store transcripts; metadata from sidecars and these options."""
    from qualcode.cli.progress import shown
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.redact.vault import load_key
    from qualcode.settings import Settings

    store = _open(project)
    overrides = {
        k: v
        for k, v in {
            "title": title,
            "region": region,
            "district": district,
            "date": date,
            "group": group,
            "language": language,
            "facilitator": facilitator,
            "participants": tuple(participant) if participant else None,
        }.items()
        if v is not None
    }
    key = _run(lambda: load_key(key_file))
    with shown(progress) as reporter:
        report = _run(lambda: ingest_paths(store, paths, overrides, key=key, progress=reporter))
    typer.echo(
        f"Ingested {len(report.added)}; already present {len(report.duplicates)}; "
        f"failed {len(report.errors)}."
    )
    for message in report.notices:
        typer.echo(f"Note: {message}", err=True)
    settings = Settings.from_strings(store.settings.settings())
    typer.echo(_kept_line(report.kept_places, settings.redact_districts == "true"))
    for message in report.errors:
        typer.secho(f"Error: {message}", fg="red", err=True)
    if report.errors:
        raise typer.Exit(2)


def _kept_line(kept: list[str], districts_redacted: bool) -> str:
    """One line naming the metadata's region and district names left unredacted."""
    districts = (
        "districts are redacted (redact_districts=true)"
        if districts_redacted
        else "set redact_districts=true to redact districts"
    )
    names = ", ".join(kept) if kept else "none"
    return f"Kept region/district names from the metadata: {names}; {districts}."


@app.command()
def process(
    project: ProjectOpt = Path("."),
    codebook: Annotated[Path | None, typer.Option(help="Codebook YAML/JSON.")] = None,
    progress: Annotated[bool, typer.Option(help="Show progress.")] = True,
) -> None:
    """Segment, embed, find topics and suggest codes; finished stages are skipped."""
    from qualcode.cli.progress import shown
    from qualcode.pipeline.run import process as run_process

    store = _open(project)
    with shown(progress) as reporter:
        report = _run(lambda: run_process(store, codebook=codebook, progress=reporter))
    typer.echo(
        f"Segmented {report.segmented}, embedded {report.embedded}, "
        f"topics: {report.topics}, suggestions: {report.suggestions}."
    )
    typer.echo("Seconds: " + ", ".join(f"{k} {v}" for k, v in report.seconds.items()))
    for warning in report.warnings:
        typer.secho(f"Warning: {warning}", err=True, fg="yellow")


@app.command()
def suggest(
    codebook: Annotated[Path, typer.Option(help="Codebook YAML/JSON.")],
    input: Annotated[Path, typer.Option("--input", help="CSV/JSONL with id, text.")],
    output: Annotated[Path, typer.Option(help="Output .jsonl or .csv.")],
    model: Annotated[
        str,
        typer.Option(
            help="Embedding model: auto (MiniLM for English texts, else the multilingual "
            "model), multilingual-e5-small, or a sentence-transformers model path."
        ),
    ] = "auto",
    threshold: Annotated[float, typer.Option()] = 0.45,
    labelled: Annotated[
        Path | None,
        typer.Option(help="Learn first from these coded texts (JSONL/CSV: id, text, codes)."),
    ] = None,
    redact: Annotated[
        TextRedaction,
        typer.Option(
            help="What to remove from the texts before they are embedded. names (the safe "
            "default): contacts, places and every name-like capitalised word, public "
            "figures and named programmes included. contacts: only phones, emails, URLs, "
            "IDs, dates of birth and addresses; names stay. none: nothing (with a warning)."
        ),
    ] = "names",
) -> None:
    """Suggest codes for any list of texts (e.g. open-ended survey answers).

    The texts are redacted before they are embedded; --redact says how much."""
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.evaluate.data import load_labelled
    from qualcode.coding.suggest import ZeroShotSuggester
    from qualcode.embed.choose import choose_model, make_embedder
    from qualcode.languages import detect
    from qualcode.pipeline.textlist import read_texts, suggest_texts, write_suggestions

    if redact == "none":
        typer.secho(
            "Warning: --redact none: the texts go unredacted into the embeddings, with any "
            "names, phone numbers or addresses they hold. Use it only for texts that hold "
            "none.",
            fg="yellow",
            err=True,
        )

    def go() -> int:
        book, items = load_codebook(codebook), read_texts(input)
        gold = load_labelled(labelled, [c.id for c in book.codes]) if labelled else []
        embedder = make_embedder(choose_model(model, {detect(i.text) for i in items}))
        zero_shot = ZeroShotSuggester(embedder, threshold=threshold)
        result = suggest_texts(items, book, zero_shot, embedder, gold, redact)
        write_suggestions(result, output)
        return sum(len(v) for v in result.values())

    n = _run(go)
    typer.echo(f"Wrote {n} suggestions to {output}")


@app.command("eval-coding")
def eval_coding(
    labelled: Annotated[Path, typer.Argument(help="Labelled set: JSONL/CSV with id, text, codes.")],
    codebook: Annotated[Path, typer.Option(help="Codebook YAML/JSON.")],
    model: Annotated[
        str | None,
        typer.Option(help="Embedding model: a local path, or multilingual-e5-small."),
    ] = None,
    budgets: Annotated[str, typer.Option(help="Labels per code to simulate.")] = "0,5,10,20",
    seeds: Annotated[str, typer.Option(help="Seeds of the pool/test splits.")] = "13,14,15",
    setfit: Annotated[
        bool, typer.Option(help="Add SetFit as a peer (slow; needs qualcode[bench]).")
    ] = False,
    ablation: Annotated[
        bool, typer.Option(help="Add qualcode with one part of its learner switched off.")
    ] = False,
) -> None:
    """Code suggestion against its peers: macro F1, kappa, over-coding, learning curves.

    A simulated coder labels each code up to the budget, then stops labelling it."""
    from qualcode.codebook.load import load_codebook
    from qualcode.coding.evaluate.report import evaluate_coding, format_curves
    from qualcode.embed.choose import make_embedder

    def go() -> str:
        book = load_codebook(codebook)
        ks = _integers(budgets, "--budgets")
        embedder = make_embedder(model)
        ev = evaluate_coding(
            labelled,
            book,
            embedder,
            ks,
            setfit=setfit,
            seeds=_integers(seeds, "--seeds"),
            ablation=ablation,
        )
        return format_curves(ev)

    typer.echo(_run(go))


@app.command()
def redact(
    paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    out: Annotated[Path, typer.Option(help="Folder for the redacted copies.")],
    participant: Annotated[
        list[str] | None,
        typer.Option(help="A participant's name to redact everywhere (repeat the option)."),
    ] = None,
    keep: Annotated[
        list[str] | None,
        typer.Option(help="A word never to redact, e.g. a place the analysis needs (repeat)."),
    ] = None,
) -> None:
    """Write redacted copies of transcripts, in their own formats, plus a redaction log
    without originals, for sharing outside qualcode."""
    from qualcode.redact.share import redact_files

    report = _run(lambda: redact_files(paths, out, participants=participant or [], keep=keep or []))
    for message in report.notices:
        typer.echo(f"Note: {message}", err=True)
    for message in report.errors:
        typer.secho(f"Error: {message}", fg="red", err=True)
    typer.echo(f"Redacted copies and redaction_log.csv are in {out}")
    if report.errors:
        raise typer.Exit(2)


@app.command()
def summary(project: ProjectOpt = Path(".")) -> None:
    """Codes by region and participant group, and the top topics."""
    from qualcode.exports.summary import render_summary, summarise

    typer.echo(render_summary(_run(lambda: summarise(_open(project)))))


@app.command()
def demo(
    corpus: Annotated[Path | None, typer.Option(help="Demo corpus folder.")] = None,
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("out"),
    progress: Annotated[bool, typer.Option(help="Show progress.")] = True,
) -> None:
    """Run the whole pipeline on the bundled demo corpus into OUT."""
    from qualcode.cli.progress import shown
    from qualcode.pipeline.demo import run_demo

    with shown(progress) as reporter:
        text = _run(lambda: run_demo(corpus, out, progress=reporter, log=log_to))
    typer.echo(text)


def _integers(value: str, option: str) -> list[int]:
    """ "0,5,10" -> [0, 5, 10]; a clear error for anything else."""
    from qualcode.errors import InputError

    try:
        out = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise InputError(
            f"{option} takes whole numbers separated by commas.", hint=f"e.g. {option} 0,5,10"
        ) from None
    if not out or min(out) < 0:
        raise InputError(f"{option} needs at least one number, none negative.")
    return out
