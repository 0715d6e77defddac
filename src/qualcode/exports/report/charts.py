"""Charts for the briefing report, as PNG bytes.

matplotlib is imported inside the functions (``import qualcode`` stays fast) and used
through its object API with the Agg canvas, never pyplot, so no global backend or figure
state is touched.  Output is deterministic: fixed size and dpi, the DejaVu Sans font that
ships with matplotlib, and no PNG metadata (no software version, no timestamp).
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

from qualcode.exports.report.contents import Breakdown, ReportData

DPI = 150
WIDTH_IN = 6.3  # 16 cm: the DOCX picture width, so fonts print at their size
MAX_PANELS = 5
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def wrap(label: str, width: int = 30) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _figure(height_in: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def _render(draw: Any, *args: Any) -> bytes:
    import matplotlib

    with matplotlib.rc_context(
        {
            "svg.hashsalt": "qualcode-report",
            "font.family": "DejaVu Sans",
            "font.size": 8,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        return _png(draw(*args))


def drivers_chart(data: ReportData) -> bytes:
    """Horizontal bars: segments per driver, most first at the top."""
    return _render(_draw_drivers, data)


def _draw_drivers(data: ReportData) -> Any:
    drivers = data.drivers
    fig = _figure(0.3 * len(drivers) + 0.8)
    ax = fig.add_subplot()
    ys = range(len(drivers))
    bars = ax.barh(list(ys), [d.segments for d in drivers], color=PALETTE[0], height=0.7)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_yticks(list(ys), [wrap(d.label) for d in drivers])
    ax.invert_yaxis()
    ax.set_xlabel("Segments coded")
    ax.margins(x=0.08)
    return fig


def breakdown_chart(data: ReportData, b: Breakdown) -> bytes:
    """Drivers by region or group kind: one panel of bars per column, side by side with
    a shared scale (small multiples); stacked bars past ``MAX_PANELS`` columns."""
    draw = _draw_panels if len(b.columns) <= MAX_PANELS else _draw_stacked
    return _render(draw, data, b)


def _column_name(b: Breakdown, j: int) -> str:
    n = b.transcripts[j]
    return f"{wrap(b.columns[j], 16)}\n({n} transcript{'s' * (n != 1)})"


def _draw_panels(data: ReportData, b: Breakdown) -> Any:
    n, k = len(data.drivers), max(len(b.columns), 1)
    fig = _figure(0.34 * n + 1.2)
    axes = fig.subplots(1, k, sharey=True, sharex=True, squeeze=False)[0]
    ys = list(range(n))
    for j, ax in enumerate(axes[: len(b.columns)]):
        bars = ax.barh(ys, [row[j] for row in b.counts], height=0.7, color=PALETTE[j % 8])
        ax.bar_label(bars, padding=2, fontsize=7)
        ax.set_title(_column_name(b, j), fontsize=9)
        ax.set_xlabel("Segments")
        ax.margins(x=0.15)
    axes[0].set_yticks(ys, [wrap(d.label) for d in data.drivers])
    axes[0].invert_yaxis()
    return fig


def _draw_stacked(data: ReportData, b: Breakdown) -> Any:
    n = len(data.drivers)
    fig = _figure(0.36 * n + 1.6)
    ax = fig.add_subplot()
    left = [0] * n
    for j, column in enumerate(b.columns):
        values = [row[j] for row in b.counts]
        colour = PALETTE[j % len(PALETTE)]
        ax.barh(range(n), values, left=left, height=0.7, color=colour, label=column)
        left = [a + v for a, v in zip(left, values, strict=True)]
    ax.set_yticks(list(range(n)), [wrap(d.label) for d in data.drivers])
    ax.invert_yaxis()
    ax.set_xlabel("Segments coded")
    ax.legend(title=b.dimension, loc="lower right", frameon=False, fontsize=7)
    return fig


def cooccurrence_chart(data: ReportData) -> bytes:
    """Heatmap: segments carrying both drivers (the diagonal, one driver, is greyed)."""
    return _render(_draw_heatmap, data)


def _draw_heatmap(data: ReportData) -> Any:
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.ticker import MaxNLocator

    co = data.cooccurrence
    n = len(co.codes)
    m = np.array(co.segments, dtype=float).reshape(n, n)
    np.fill_diagonal(m, np.nan)
    fig = _figure(min(max(0.28 * n + 0.4, 2.5), WIDTH_IN * 0.7))
    ax = fig.add_subplot()
    cmap = colormaps["Blues"].with_extremes(bad="#e6e6e6")
    image = ax.imshow(m, cmap=cmap, vmin=0, aspect="auto")  # "auto": the layout fits labels
    _annotate(ax, m)
    names = [wrap(f"{i}. {label}", 34) for i, label in enumerate(co.labels, 1)]
    ax.set_yticks(range(n), names, fontsize=7.5)
    ax.set_xticks(range(n), [str(i) for i in range(1, n + 1)], fontsize=7.5)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.7, label="Segments with both drivers")
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def _annotate(ax: Any, m: Any) -> None:
    """Write each non-zero count in its cell, white on dark cells."""
    import numpy as np

    known = m[~np.isnan(m)]
    top = max(float(known.max()) if known.size else 0.0, 1.0)
    for (i, j), value in np.ndenumerate(m):
        if value > 0:  # NaN (the diagonal) compares False
            colour = "white" if value > top * 0.6 else "black"
            ax.text(j, i, f"{int(value)}", ha="center", va="center", fontsize=7, color=colour)


def all_charts(data: ReportData) -> dict[str, bytes]:
    """The report's charts by name (none for an empty report)."""
    if data.empty:
        return {}
    charts = {
        "drivers": drivers_chart(data),
        "region": breakdown_chart(data, data.by_region),
        "group": breakdown_chart(data, data.by_group),
    }
    if len(data.drivers) > 1:
        charts["cooccurrence"] = cooccurrence_chart(data)
    return charts
