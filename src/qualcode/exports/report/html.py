"""``render_html``: the briefing report as one self-contained HTML page.

The template (``templates/report.html.j2``) is rendered with autoescaping on: segment
text, titles and codebook entries are untrusted and always come out escaped.  Charts are
embedded as ``data:`` PNGs and the styles are inline, so the file opens offline, and a
Content-Security-Policy forbids scripts and any remote load outright.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any

from qualcode.exports.report.charts import all_charts
from qualcode.exports.report.contents import ReportData

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = pct
    env.filters["fig"] = fig
    env.filters["memo_sentence"] = memo_sentence
    return env


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def fig(value: float | None) -> str:
    """A kappa or alpha to two decimals; a dash where there is none."""
    return "–" if value is None else f"{value:.2f}"


def memo_sentence(counts: dict[str, int]) -> str:
    """How many memos coders and researchers wrote, per kind (their text stays in the
    team's XLSX and REFI-QDA exports)."""
    if not sum(counts.values()):
        return "No memos were written."
    parts = [f"{n} on {MEMO_KINDS[k]}" for k, n in counts.items() if n and k in MEMO_KINDS]
    return (
        f"Memos written during the review: {sum(counts.values())} ({', '.join(parts)}); "
        "their text is in the team's XLSX and REFI-QDA exports."
    )


MEMO_KINDS = {
    "project": "the project",
    "transcript": "transcripts",
    "segment": "segments",
    "code": "codes",
}


def render_html(data: ReportData, charts: dict[str, bytes] | None = None) -> str:
    """The report as HTML; ``charts`` (from ``charts.all_charts``) are drawn if not given."""
    pngs = all_charts(data) if charts is None else charts
    images = {k: base64.b64encode(v).decode("ascii") for k, v in pngs.items()}
    rank_by_transcripts = {d.code: i + 1 for i, d in enumerate(data.by_transcripts)}
    template = environment().get_template("report.html.j2")
    return str(
        template.render(
            d=data,
            charts=images,
            rank_t=rank_by_transcripts,
            status_names=STATUS_NAMES,
        )
    )


STATUS_NAMES = {
    "suggested": "Suggested only (no coder decision)",
    "accepted": "Accepted by a coder",
    "added": "Added by a coder",
    "rejected": "Rejected by a coder (not counted)",
}
