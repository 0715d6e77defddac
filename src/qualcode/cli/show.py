"""``qualcode show``: a transcript turn by turn with its segments' codes, or one segment
in context with each code's suggestion, decision and memo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qualcode.cli.common import ProjectOpt, app, open_store, run
from qualcode.cli.tables import print_table

if TYPE_CHECKING:
    from qualcode.review.browse import CodeState, SegmentRow

MARK = {"accepted": "✓", "added": "+", "rejected": "✗", "suggested": "?"}


@app.command()
def show(
    transcript: Annotated[int | None, typer.Argument(help="A transcript id.")] = None,
    segment: Annotated[int | None, typer.Option(help="Show this segment in context.")] = None,
    context: Annotated[int, typer.Option(help="Segments before and after it.")] = 2,
    project: ProjectOpt = Path("."),
) -> None:
    """Read a transcript (redacted) with codes per segment, or one segment in context."""
    if (transcript is None) == (segment is None):
        typer.secho("Error: give a TRANSCRIPT id or --segment ID.", fg="red", err=True)
        raise typer.Exit(2)
    store = open_store(project)
    if segment is not None:
        _segment(store, segment, context)
    else:
        _transcript(store, transcript or 0)


def _transcript(store: object, tid: int) -> None:
    from qualcode.review.show import transcript_view

    view = run(lambda: transcript_view(store, tid))  # type: ignore[arg-type]
    typer.secho(f"Transcript {view.id}: " + " · ".join(map(str, view.meta.values())), bold=True)
    for turn in view.turns:
        typer.echo("")
        typer.secho(f"{turn.speaker}:", bold=True)
        if not turn.segments:
            typer.echo(f"  {turn.text}")
        for row in turn.segments:
            codes = "  ".join(f"{MARK.get(c.status, '')}{c.code_id}" for c in row.codes)
            typer.echo(f"  [{row.id}] {row.text}")
            if codes:
                typer.secho(f"        {codes}", fg="cyan")


def _segment(store: object, segment_id: int, around: int) -> None:
    from qualcode.review.browse import segment_context

    ctx = run(lambda: segment_context(store, segment_id, around, around))  # type: ignore[arg-type]
    for row in ctx.before:
        _line(row, dim=True)
    _line(ctx.segment, dim=False)
    for row in ctx.after:
        _line(row, dim=True)
    if ctx.segment.codes:
        print_table(
            ("code", "status", "score", "by", "memo", "evidence"),
            [_code_row(c) for c in ctx.segment.codes],
        )
    typer.echo(f"{MARK['accepted']} accepted  + added  {MARK['rejected']} rejected  ? suggested")


def _line(row: SegmentRow, *, dim: bool) -> None:
    typer.secho(f"[{row.id}] {row.speaker}: {row.text}", dim=dim, bold=not dim)


def _code_row(c: CodeState) -> tuple[str, ...]:
    score = "" if c.score is None else f"{c.score:.2f}"
    return (c.code_id, c.status, score, c.decided_by or "", c.memo, ", ".join(c.evidence))
