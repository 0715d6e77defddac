"""``render_docx``: the briefing report as a Word document (python-docx).

The same sections as the HTML report.  Headings use Word's built-in Title and Heading
styles, so the navigation pane and a table of contents work; tables have a bold header
row that repeats across pages; charts are pictures 16 cm wide on A4 with 2.5 cm margins.
Text that XML cannot hold (control characters in a transcript) is dropped, never raised.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.exports.report.charts import all_charts
from qualcode.exports.report.contents import Breakdown, ReportData
from qualcode.exports.report.html import STATUS_NAMES, fig, memo_sentence, pct
from qualcode.exports.safefiles import write_atomic, xml_text

if TYPE_CHECKING:
    from docx.document import Document

NOTHING = "Nothing matched this selection."
Charts = dict[str, bytes]


def clean(text: object) -> str:
    return xml_text(text)


def render_docx(data: ReportData, path: Path, charts: Charts | None = None) -> Path:
    """Write the report to ``path`` (a .docx); ``charts`` are drawn if not given."""
    import docx

    pngs = all_charts(data) if charts is None else charts
    doc = docx.Document()
    _setup(doc, data)
    for section in SECTIONS:
        section(doc, data, pngs)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    write_atomic(path, buffer.getvalue())
    return path


def _setup(doc: Document, data: ReportData) -> None:
    from docx.shared import Cm, Pt

    for s in doc.sections:
        s.page_width, s.page_height = Cm(21), Cm(29.7)
        s.left_margin = s.right_margin = Cm(2.5)
        s.top_margin = s.bottom_margin = Cm(2)
    doc.styles["Normal"].font.size = Pt(10)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = data.title, "qualcode", "qualcode"
    props.created = props.modified = datetime.fromisoformat(data.generated)
    props.revision = 1


def para(doc: Document, text: str, style: str | None = None, *, italic: bool = False) -> None:
    run = doc.add_paragraph(style=style).add_run(clean(text))
    run.italic = italic or None


def table(doc: Document, head: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A grid table with a bold header row repeated on each page; numbers right-aligned."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    t = doc.add_table(rows=1, cols=len(head), style="Table Grid")
    for cell, text in zip(t.rows[0].cells, head, strict=True):
        cell.paragraphs[0].add_run(clean(text)).bold = True
    _repeat_header(t.rows[0])
    for values in rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = clean(value)
            if isinstance(value, int | float):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()


def _repeat_header(row: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def picture(doc: Document, png: bytes | None, caption: str) -> None:
    from docx.shared import Cm

    if png:
        doc.add_picture(io.BytesIO(png), width=Cm(16))
        para(doc, caption, "Caption")


def _header(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading(clean(data.title), level=0)
    para(doc, f"Project: {data.project} · Generated: {data.generated}")
    para(doc, f"Selection: {data.selection}")
    para(
        doc,
        f"Covers: {data.transcripts} transcript(s); {data.coded_segments} coded segment(s) "
        f"in {data.coded_transcripts} transcript(s); {data.method.counted} counted pairs.",
    )


def _findings(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading("Key findings", level=1)
    for line in data.findings:
        para(doc, line, "List Bullet")


def _drivers(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading("Drivers ranked", level=1)
    if data.empty:
        return para(doc, NOTHING, italic=True)
    rank_t = {d.code: i + 1 for i, d in enumerate(data.by_transcripts)}
    rows = [
        (i, d.label, d.segments, d.transcripts, rank_t[d.code], d.unreviewed)
        for i, d in enumerate(data.drivers, 1)
    ]
    head = ("Rank", "Driver", "Segments", "Transcripts", "Rank by transcripts", "Unreviewed")
    table(doc, head, rows)
    picture(doc, charts.get("drivers"), "Segments coded per driver.")


def _breakdown(doc: Document, data: ReportData, b: Breakdown) -> None:
    head = ["Driver", *(f"{c} ({n} tr.)" for c, n in zip(b.columns, b.transcripts, strict=True))]
    rows: list[Sequence[object]] = [
        (d.label, *counts) for d, counts in zip(data.drivers, b.counts, strict=True)
    ]
    rows.append(("All counted pairs", *b.totals))
    table(doc, head, rows)


def _regions(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading("Drivers by region", level=1)
    if data.empty:
        return para(doc, NOTHING, italic=True)
    _breakdown(doc, data, data.by_region)
    picture(doc, charts.get("region"), "Segments coded per driver, by region.")


def _groups(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading("Drivers by participant group", level=1)
    if data.empty:
        return para(doc, NOTHING, italic=True)
    para(doc, "Groups are counted by kind; youth groups count as youth whatever their mix.")
    _breakdown(doc, data, data.by_group)
    rows = [(g.raw, g.kind, g.transcripts) for g in data.groups]
    table(doc, ("Group as recorded", "Counted as", "Transcripts"), rows)
    picture(doc, charts.get("group"), "Segments coded per driver, by participant group kind.")


def _cooccurrence(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading("Drivers raised together", level=1)
    pairs = data.cooccurrence.top_pairs
    if not pairs:
        text = NOTHING if data.empty else "No segment carries two drivers in this selection."
        return para(doc, text, italic=True)
    head = ("Driver", "With driver", "Segments with both", "Transcripts with both")
    table(doc, head, [(a, b, n, t) for a, b, n, t in pairs])
    picture(doc, charts.get("cooccurrence"), "Segments coded with both drivers.")


def _themes(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading("Emergent themes", level=1)
    if not data.themes:
        return para(doc, "No emergent topics for this selection.", italic=True)
    para(doc, "Topics found by clustering the segments without the codebook (not reviewed).")
    rows = [(i, ", ".join(t.words), t.size, t.project_size) for i, t in enumerate(data.themes, 1)]
    table(doc, ("#", "Theme (top words)", "Segments in selection", "In project"), rows)


def _quotes(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_heading("Quotes per driver", level=1)
    if data.empty:
        return para(doc, NOTHING, italic=True)
    for dq in data.quotes:
        doc.add_heading(clean(dq.label), level=2)
        for q in dq.quotes:
            para(doc, f"“{q.text}”", "Quote")
            para(doc, f"{q.speaker} · {q.group}, {q.region} · {q.transcript} ({q.status})")


def _method(doc: Document, data: ReportData, charts: Charts) -> None:
    m = data.method
    doc.add_heading("Method notes", level=1)
    doc.add_heading("What was automated", level=2)
    table(doc, ("Step", "What was done"), m.automated)
    doc.add_heading("What people reviewed", level=2)
    para(doc, f"Coders: {', '.join(m.coders) or 'none yet'}. Pairs in this selection:")
    rows = [(STATUS_NAMES.get(s, s), n) for s, n in m.status_counts.items()]
    table(doc, ("Status", "Pairs"), rows)
    if m.unreviewed_share is not None:
        para(
            doc,
            f"{pct(m.unreviewed_share)} of the {m.counted} counted pairs ({m.unreviewed}) have "
            "not been reviewed by any coder. Rejected pairs are never counted.",
        )
    para(doc, memo_sentence(m.memos))
    para(doc, f"Selection: {m.selection}.")
    _agreement(doc, data)


def _agreement(doc: Document, data: ReportData) -> None:
    a = data.method.agreement
    doc.add_heading("Agreement", level=2)
    para(doc, a.statement)
    if not a.available:
        return
    if a.reading:
        para(doc, a.reading)
    rows: list[Sequence[object]] = [(label, *map(fig, ks)) for _, label, ks in a.rows]
    rows.append(("Segments compared", *a.pair_segments))
    table(doc, ("Cohen's kappa per code", *a.pairs), rows)
    para(
        doc,
        f"Krippendorff's alpha, coders only: {fig(a.alpha_humans)}; coders and model: "
        f"{fig(a.alpha_with_model)}.",
    )


def _codebook(doc: Document, data: ReportData, charts: Charts) -> None:
    doc.add_page_break()
    name = f" ({data.codebook_name})" if data.codebook_name else ""
    doc.add_heading(clean(f"Appendix: codebook{name}"), level=1)
    for c in data.codebook:
        doc.add_heading(clean(f"{c.label} ({c.code})"), level=2)
        fields = [("Narrower kind of", c.parent or ""), ("Definition", c.definition)]
        fields += [("Apply when", c.inclusion), ("Do not apply when", c.exclusion)]
        fields += [("Example", f"“{e}”") for e in c.examples]
        for head, value in fields:
            if value:
                p = doc.add_paragraph()
                p.add_run(f"{head}: ").bold = True
                p.add_run(clean(value))
    if not data.codebook:
        para(doc, "The project has no codebook.", italic=True)


SECTIONS: tuple[Callable[[Document, ReportData, Charts], None], ...] = (
    _header,
    _findings,
    _drivers,
    _regions,
    _groups,
    _cooccurrence,
    _themes,
    _quotes,
    _method,
    _codebook,
)
