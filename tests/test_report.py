"""The briefing report (HTML and DOCX): counts as in the CSV, diverse quotes, escaping,
empty selections, method notes, and no participant name anywhere."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from helpers import DEMO_CORPUS, copy_project, loaded_after
from qualcode.errors import InputError
from qualcode.exports.report import build_report, group_kind, render_docx, render_html, write_report
from qualcode.exports.report.charts import all_charts
from qualcode.exports.report.quotes import (
    ELLIPSIS,
    MAX_CHARS,
    MIN_CHARS,
    is_facilitator,
    pick_rows,
    shorten,
)
from qualcode.exports.rows import COUNTED, export_csv
from qualcode.review import decisions as review
from qualcode.review.selection import STATUSES, Selection
from qualcode.store import Store

HOSTILE = "<script>alert(1)</script> We are afraid to walk home after dark\x07 near the bazaar."
HOSTILE_TITLE = '<img src=x onerror="alert(2)"> Focus group'
SECTIONS = [
    "Key findings",
    "Drivers ranked",
    "Drivers by region",
    "Drivers by participant group",
    "Drivers raised together",
    "Emergent themes",
    "Quotes per driver",
    "Method notes",
    "Appendix: codebook",
]


@dataclass
class Project:
    store: Store
    hostile_segment: int


@pytest.fixture(scope="module")
def project(processed_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The demo corpus processed with the fake embedder; two coders' decisions; one
    quoted segment's text and one transcript title replaced by hostile markup."""
    store = copy_project(processed_demo, tmp_path_factory.mktemp("report") / "project")
    sugg = store.analysis.suggestions()
    for s in sugg[:30]:
        review.record(store, s.segment_id, s.code_id, "accept", "ann")
    for s in sugg[10:25]:
        action = "reject" if s.segment_id % 3 == 0 else "accept"
        review.record(store, s.segment_id, s.code_id, action, "bo")
    review.record(store, sugg[40].segment_id, sugg[40].code_id, "reject", "ann")
    review.record(store, sugg[41].segment_id, "returnees", "add", "ann")
    quoted = build_report(store).quotes[0].quotes[0].segment_id
    store.db.execute("UPDATE segments SET text = ? WHERE id = ?", [HOSTILE, quoted])
    store.db.execute("UPDATE transcripts SET title = ? WHERE id = 2", [HOSTILE_TITLE])
    yield Project(store, quoted)
    store.close()


@pytest.fixture(scope="module")
def written(project: Project, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_report(project.store, tmp_path_factory.mktemp("out"))


def csv_rows(store: Store, tmp_path: Path, selection: Selection | None = None) -> list[dict]:
    path = tmp_path / "coded.csv"
    export_csv(store, path, selection)
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def counted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r["status"] in COUNTED]


def test_counts_equal_the_csv_rows_of_the_same_selection(project: Project, tmp_path: Path) -> None:
    rows = counted(csv_rows(project.store, tmp_path))
    data = build_report(project.store)
    assert {d.code: d.segments for d in data.drivers} == dict(Counter(r["code"] for r in rows))
    per_code = {d.code: d.transcripts for d in data.drivers}
    assert per_code == {
        c: len({r["transcript_id"] for r in rows if r["code"] == c}) for c in per_code
    }
    cells = Counter((r["code"], r["region"]) for r in rows)
    b = data.by_region
    for driver, counts in zip(data.drivers, b.counts, strict=True):
        assert dict(zip(b.columns, counts, strict=True)) == {
            region: cells[(driver.code, region)] for region in b.columns
        }
    kinds = Counter(group_kind(r["group"]) for r in rows)
    assert dict(zip(data.by_group.columns, data.by_group.totals, strict=True)) == dict(kinds)
    assert data.method.counted == len(rows) == sum(d.segments for d in data.drivers)


def test_a_selection_with_rejected_pairs_still_counts_only_applying_codes(
    project: Project, tmp_path: Path
) -> None:
    everything = Selection(statuses=STATUSES)
    rows = csv_rows(project.store, tmp_path, everything)
    data = build_report(project.store, everything)
    assert data.method.status_counts == {s: Counter(r["status"] for r in rows)[s] for s in STATUSES}
    assert data.method.status_counts["rejected"] > 0
    assert data.method.counted == len(counted(rows))


def test_drivers_are_ranked_by_segments_and_by_transcripts(project: Project) -> None:
    data = build_report(project.store)
    keys = [(-d.segments, -d.transcripts, d.code) for d in data.drivers]
    assert keys == sorted(keys) and len(keys) > 5
    by_t = [(-d.transcripts, -d.segments, d.code) for d in data.by_transcripts]
    assert by_t == sorted(by_t)
    assert data.drivers[0].label in data.findings[0]


def test_a_region_filter_changes_the_counts(project: Project, tmp_path: Path) -> None:
    only = Selection(regions=("Namangan",))
    data = build_report(project.store, only)
    rows = counted(csv_rows(project.store, tmp_path, only))
    assert data.transcripts == 3 and data.by_region.columns == ("Namangan",)
    assert {d.code: d.segments for d in data.drivers} == dict(Counter(r["code"] for r in rows))
    assert data.method.counted < build_report(project.store).method.counted
    assert "regions: Namangan" in data.selection


def test_quotes_come_from_distinct_transcripts_when_possible(
    project: Project, tmp_path: Path
) -> None:
    """Every transcript where a participant (not the facilitator) said something long
    enough on the driver gets a quote before any transcript gets a second."""
    rows = counted(csv_rows(project.store, tmp_path))
    data = build_report(project.store, n_quotes=3)
    for dq in data.quotes:
        eligible = {
            r["transcript"]
            for r in rows
            if r["code"] == dq.code and len(r["text"]) >= MIN_CHARS
            and not is_facilitator(r["speaker"])
        }  # fmt: skip
        where = [q.transcript for q in dq.quotes]
        assert 1 <= len(where) <= 3
        assert len(set(where)) >= min(len(where), len(eligible)), (dq.code, where)
        for q in dq.quotes:
            assert q.text and q.region and q.group and q.speaker and len(q.text) <= MAX_CHARS


def row(tid: int, speaker: str, score: float, seg: int, status: str = "suggested") -> dict:
    text = f"segment {seg} " + "words that make this long enough to quote " * 2
    return {"transcript_id": tid, "speaker": speaker, "score": score, "segment_id": seg,
            "status": status, "text": text}  # fmt: skip


def test_quote_picking_prefers_new_transcripts_then_new_speakers() -> None:
    rows = [row(1, "P1", 0.9, 1), row(1, "P1", 0.8, 2), row(1, "P2", 0.7, 3), row(2, "P1", 0.5, 4)]
    rows += [row(3, "Moderator", 0.99, 5), row(3, "P4", 0.1, 6, "accepted")]
    rows.append({**row(4, "P9", 1.0, 7), "text": "Yes."})  # too short
    picked = [r["segment_id"] for r in pick_rows(rows, 5)]
    assert picked == [6, 1, 4, 3, 2]  # accepted first; one per transcript; new speaker
    assert pick_rows([{**rows[-1]}], 2)[0]["segment_id"] == 7  # nothing longer: kept


def test_long_quotes_are_cut_at_a_word_with_an_ellipsis() -> None:
    text = "word " * 200
    out = shorten(text)
    assert out.endswith(ELLIPSIS) and len(out) <= MAX_CHARS and "wor…" not in out


def test_hostile_transcript_text_is_escaped_in_the_html(project: Project) -> None:
    html = render_html(build_report(project.store))
    assert "<script>" not in html and "alert(1)" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "default-src 'none'" in html  # no script could run even if escaping failed


def test_html_is_self_contained_with_sections_in_order(written: list[Path]) -> None:
    html = written[0].read_text(encoding="utf-8")
    where = [html.index(f">{s}") for s in SECTIONS]
    assert where == sorted(where)
    assert html.count('src="data:image/png;base64,') == 4
    assert not re.search(r'(src|href)="(https?:)?//', html) and "<link" not in html
    assert "break-before: page" in html and "size: A4" in html


def docx_text(path: Path) -> str:
    doc = docx.Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_docx_opens_with_headings_tables_and_pictures(written: list[Path]) -> None:
    assert [p.suffix for p in written] == [".html", ".docx"]
    doc = docx.Document(str(written[1]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[:-1] == SECTIONS[:-1]
    assert headings[-1].startswith("Appendix: codebook (")
    assert len(doc.inline_shapes) == 4
    assert doc.tables[0].rows[0].cells[1].text == "Driver"
    assert "alert(1)" in docx_text(written[1])  # hostile text kept as plain text


def gold_names() -> list[str]:
    names: list[str] = []
    for f in DEMO_CORPUS.glob("NAMES_part*.yaml"):
        for entry in yaml.safe_load(f.read_text()).values():
            names += entry["names"] + entry.get("contacts", [])
    return sorted(set(names))


def test_no_original_name_is_in_the_html_or_docx(written: list[Path]) -> None:
    html = written[0].read_text(encoding="utf-8")
    texts = {
        "html": re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", html),
        "docx": docx_text(written[1]),
    }
    leaks = [
        (name, where)
        for name in gold_names()
        for where, text in texts.items()
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    assert leaks == []


def test_a_selection_matching_nothing_gives_a_valid_report_saying_so(
    project: Project, tmp_path: Path
) -> None:
    nowhere = Selection(regions=("Atlantis",))
    data = build_report(project.store, nowhere)
    assert data.empty and data.drivers == () and data.method.unreviewed_share is None
    assert "No transcript matches this selection" in data.findings[0]
    paths = write_report(project.store, tmp_path / "brief.html", nowhere)
    html = paths[0].read_text(encoding="utf-8")
    assert "No transcript matches" in html and "Nothing matched this selection" in html
    assert "<img" not in html and "regions: Atlantis" in html
    assert "No transcript matches" in docx_text(paths[1])
    unused = build_report(project.store, Selection(codes=("violent_groups",), statuses=("added",)))
    assert unused.empty and unused.transcripts == 9 and "nothing to report" in unused.findings[0]


def test_method_notes_report_the_unreviewed_share(project: Project, tmp_path: Path) -> None:
    rows = counted(csv_rows(project.store, tmp_path))
    m = build_report(project.store).method
    unreviewed = sum(r["status"] == "suggested" for r in rows)
    assert m.unreviewed == unreviewed and m.unreviewed_share == unreviewed / len(rows)
    assert 0 < m.unreviewed_share < 1 and m.coders == ("ann", "bo")
    assert m.status_counts["added"] == 1
    assert "too few" in m.agreement.statement and m.agreement.pairs[-1] == "ann~bo"
    assert [step for step, _ in m.automated] == [
        "Redaction", "Segmentation", "Embeddings", "Topic model", "Code suggestions"
    ]  # fmt: skip
    assert "test-hash|fp32" in dict(m.automated)["Embeddings"]
    html = render_html(build_report(project.store))
    assert f"{m.unreviewed_share:.0%} of the {m.counted} counted pairs" in html


def test_charts_are_deterministic_pngs_without_metadata(project: Project) -> None:
    data = build_report(project.store)
    first, second = all_charts(data), all_charts(data)
    assert first == second and set(first) == {"drivers", "region", "group", "cooccurrence"}
    for png in first.values():
        assert png.startswith(b"\x89PNG") and b"matplotlib" not in png


@pytest.mark.parametrize(
    ("group", "kind"),
    [
        ("women 18-30", "women"),
        ("men 30-60", "men"),
        ("youth 18-25 (mixed)", "youth"),
        ("mixed 30-50", "mixed"),
        ("women and men", "mixed"),
        ("ayollar 25-45", "women"),
        ("Erkaklar", "men"),
        ("yoshlar 16-24", "youth"),
        ("женщины 30-55", "women"),
        ("Мужчины", "men"),
        ("молодёжь", "youth"),
        ("teachers", "other"),
        ("", "other"),
        (None, "other"),
    ],
)
def test_group_kind(group: str | None, kind: str) -> None:
    assert group_kind(group) == kind


def test_report_paths_and_formats(project: Project, tmp_path: Path) -> None:
    data = build_report(project.store, Selection(regions=("Jizzakh",)))
    assert render_docx(data, tmp_path / "a" / "x.docx", {}).exists()
    only = write_report(project.store, tmp_path / "b", Selection(regions=("x",)), ("docx",))
    assert only == [tmp_path / "b" / "report.docx"]
    with pytest.raises(InputError, match="pdf"):
        write_report(project.store, tmp_path, formats=("pdf",))


def test_importing_the_report_package_loads_no_heavy_library() -> None:
    assert loaded_after("import qualcode.exports.report", ("matplotlib", "docx", "jinja2")) == []


def test_quotes_vary_by_language_where_they_can() -> None:
    from qualcode.exports.report.quotes import pick_rows

    def row(i: int, tid: int, lang: str, score: float) -> dict[str, object]:
        text = f"Segment {i} says enough about the driver to be quoted in a report."
        return {"segment_id": i, "transcript_id": tid, "speaker": f"P{i}", "status": "suggested",
                "score": score, "text": text, "segment_language": lang}  # fmt: skip

    rows = [row(1, 1, "en", 0.9), row(2, 2, "en", 0.8), row(3, 3, "ru", 0.5), row(4, 4, "uz", 0.4)]
    assert [r["segment_id"] for r in pick_rows(rows, 3)] == [1, 3, 4]
