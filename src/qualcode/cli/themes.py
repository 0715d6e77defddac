"""``qualcode themes``: emergent topics mapped onto the codebook, candidate new codes,
adopting one, topic distribution, and refitting the topics."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.common import ProjectOpt, app, open_store, run

themes_app = typer.Typer(
    help="Emergent themes: topics vs the codebook, candidate codes.", no_args_is_help=True
)
app.add_typer(themes_app, name="themes")

CoverageOpt = Annotated[
    float, typer.Option(help="A code on this share of a topic's segments covers it.")
]
SimilarityOpt = Annotated[
    float, typer.Option(help="A code this similar to a topic covers it (cosine).")
]


@themes_app.command("list")
def list_(
    project: ProjectOpt = Path("."),
    min_coverage: CoverageOpt = 0.2,
    min_similarity: SimilarityOpt = 0.5,
) -> None:
    """Topics: size, label, the codes their segments carry, the most similar code, and
    * where no code covers the topic (a candidate new code)."""
    from qualcode.topics.themes import map_topics

    store = open_store(project)
    mappings = run(
        lambda: map_topics(store, min_coverage=min_coverage, min_similarity=min_similarity)
    )
    if not mappings:
        typer.echo("No topics yet: run `qualcode process` (or `qualcode themes refit`).")
        return
    typer.echo(f"{'':2}{'id':>3} {'size':>5}  {'label':<36}{'codes (share)':<40}most similar")
    for m in mappings:
        codes = ", ".join(f"{c} {s:.0%}" for c, s in m.codes[:2]) or "-"
        similar = f"{m.similar[0][0]} {m.similar[0][1]:.2f}" if m.similar else "-"
        head = f"{'* ' if m.candidate else '  '}{m.topic.topic_id:>3} {m.topic.size:>5}"
        typer.echo(f"{head}  {m.topic.label[:35]:<36}{codes[:39]:<40}{similar}")


@themes_app.command("candidates")
def candidates_(
    project: ProjectOpt = Path("."),
    min_coverage: CoverageOpt = 0.2,
    min_similarity: SimilarityOpt = 0.5,
) -> None:
    """Draft codes for topics no code covers; adopt one with `qualcode themes adopt ID`."""
    from qualcode.topics.themes import candidates

    store = open_store(project)
    found = run(lambda: candidates(store, min_coverage=min_coverage, min_similarity=min_similarity))
    if not found:
        typer.echo("No candidate codes: every topic is covered by the codebook.")
    for c in found:
        typer.echo(f'topic {c.topic_id}: {c.code_id}  "{c.label}"\n  {c.definition}')
        for quote in c.examples:
            typer.echo(f"  - {quote[:160]}")


@themes_app.command()
def adopt(
    topic_id: Annotated[int, typer.Argument(help="The topic's id (see `qualcode themes list`).")],
    code_id: Annotated[str | None, typer.Option("--id", help="The new code's id.")] = None,
    label: Annotated[str | None, typer.Option(help="The new code's label.")] = None,
    definition: Annotated[str | None, typer.Option(help="The new code's definition.")] = None,
    parent: Annotated[str | None, typer.Option(help="The parent code's id.")] = None,
    user: Annotated[str, typer.Option(help="Who adds the code (for its history).")] = "cli",
    project: ProjectOpt = Path("."),
) -> None:
    """Add a topic's candidate code to the codebook, its representative segments as
    examples; the next `qualcode process` suggests it."""
    from qualcode.topics.themes import adopt_candidate

    store = open_store(project)
    state = run(
        lambda: adopt_candidate(
            store,
            topic_id,
            user,
            code_id=code_id,
            label=label,
            definition=definition,
            parent=parent,
        )
    )
    typer.echo(
        f"Added code '{state.code.id}' (\"{state.code.label}\") with "
        f"{len(state.code.examples)} example(s). Run `qualcode process` to suggest it."
    )


@themes_app.command()
def distribution(
    by: Annotated[str, typer.Option(help="transcript, region or group.")] = "transcript",
    project: ProjectOpt = Path("."),
) -> None:
    """Topic counts and shares per transcript, region or participant group."""
    from qualcode.topics.themes import distribution as distribution_

    rows = run(lambda: distribution_(open_store(project), by))
    typer.echo(f"{by:<32}{'topic':>6} {'count':>6} {'share':>6}  label")
    for r in rows:
        typer.echo(f"{r.key[:31]:<32}{r.topic_id:>6} {r.count:>6} {r.share:>6.0%}  {r.topic_label}")


@themes_app.command()
def refit(project: ProjectOpt = Path(".")) -> None:
    """Fit the topics afresh over every segment (new segments are otherwise assigned to
    the existing topics); codes are suggested again if anything changed."""
    from qualcode.pipeline.run import process

    report = run(lambda: process(open_store(project), refit_topics=True))
    typer.echo(f"Topics: {report.topics}; suggestions: {report.suggestions}.")
