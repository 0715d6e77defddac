"""Analyst tables (CSV and XLSX): one row per coded segment, the code-by-transcript
matrix and frequencies by region and group, all filtered by one Selection."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qualcode.errors import InputError
from qualcode.exports.outputs import write_exports, write_one
from qualcode.exports.tables import build_tables
from qualcode.review import decisions as review
from qualcode.review.coded import coded_rows
from qualcode.review.selection import Selection
from qualcode.store import Store


@pytest.fixture
def project(demo_store: Store) -> Store:
    return demo_store


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_matrix_marks_each_code_present_in_a_transcript(project: Store) -> None:
    rows = list(coded_rows(project))
    matrix = build_tables(project)[1].as_dicts()
    present = {(r["transcript_id"], r["code"]) for r in rows}
    codes = {r["code"] for r in rows}
    assert len(matrix) == len({r["transcript_id"] for r in rows})
    for line in matrix:
        for code in codes:
            assert line[code] == int((line["transcript_id"], code) in present)


def test_frequencies_add_up_to_the_coded_rows(project: Store) -> None:
    rows = list(coded_rows(project))
    _, _, by_region, by_group = build_tables(project)
    totals = Counter(r["code"] for r in rows)
    for table, field in ((by_region, "region"), (by_group, "group")):
        for line in table.as_dicts():
            assert line["total"] == totals[line["code"]]
            counts = Counter(r[field] for r in rows if r["code"] == line["code"])
            assert all(line[k or "(none)"] == n for k, n in counts.items())
    ranked = [line["total"] for line in by_region.as_dicts()]
    assert ranked == sorted(ranked, reverse=True)


def test_region_code_and_status_filters_narrow_every_table(project: Store) -> None:
    region = project.transcripts.transcripts()[0]["region"]
    some = next(iter(coded_rows(project)))
    review.record(project, some["segment_id"], some["code"], "accept", "ann")
    sel = Selection(regions=(region,))
    assert {r["region"] for r in coded_rows(project, sel)} == {region}
    accepted = list(coded_rows(project, Selection(statuses=("accepted",))))
    assert [(r["segment_id"], r["code"]) for r in accepted] == [(some["segment_id"], some["code"])]
    assert {r["code"] for r in coded_rows(project, Selection(codes=(some["code"],)))} == {
        some["code"]
    }


def test_a_parent_code_selects_its_sub_codes(project: Store) -> None:
    parents = {r["id"]: r["parent"] for r in project.codebook.code_records()}
    child, parent = next((c, p) for c, p in parents.items() if p)
    rows = list(coded_rows(project, Selection(codes=(parent,))))
    assert {r["code"] for r in rows} <= {parent, *(c for c, p in parents.items() if p == parent)}
    assert all(r["code_path"].startswith(parent) for r in rows)
    child_rows = [r for r in coded_rows(project) if r["code"] == child]
    assert all(r["code_path"] == f"{parent}/{child}" for r in child_rows)


def test_xlsx_holds_the_same_tables_and_keeps_formulas_as_text(
    project: Store, tmp_path: Path
) -> None:
    seg = project.segments.segments()[0]
    project.db.execute("UPDATE segments SET text = ? WHERE id = ?", ['=HYPERLINK("x")\x01', seg.id])
    review.record(project, seg.id or 0, "unemployment", "add", "ann")
    path = write_one(project, "xlsx", tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Coded segments",
        "Code x transcript",
        "Codes by region",
        "Codes by group",
        "Memos",
        "About",
    ]
    sheet = wb["Coded segments"]
    header = [c.value for c in sheet[1]]
    assert sheet.max_row - 1 == len(list(coded_rows(project)))
    texts = [row[header.index("text")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("x")' in texts  # text as it is: no formula, no control character
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_csv_export_writes_four_tables_that_agree(project: Store, tmp_path: Path) -> None:
    paths = write_exports(project, ["csv"], tmp_path, Selection(groups=("women 18-30",)))
    assert [p.name for p in paths] == [
        "coded_segments.csv",
        "code_transcript_matrix.csv",
        "codes_by_region.csv",
        "codes_by_group.csv",
    ]
    segments, matrix, _, by_group = (_csv(p) for p in paths)
    assert {r["group"] for r in segments} == {"women 18-30"}
    assert sum(int(r["total"]) for r in by_group) == len(segments)
    assert len(matrix) == len({r["transcript_id"] for r in segments})


def test_bad_filters_and_formats_are_named(project: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Unknown review status"):
        Selection.parse({"statuses": "accepted,approved"})
    with pytest.raises(InputError, match=r"date_from: not a date"):
        Selection.parse({"date_from": "14/05/2023"})
    with pytest.raises(InputError, match="Unknown filter speaker"):
        Selection.parse({"speaker": "x"})
    out = tmp_path / "out"
    with pytest.raises(InputError, match="'pdf'"):
        write_exports(project, ["csv", "pdf"], out)
    with pytest.raises(InputError, match="whole project"):
        write_exports(project, ["json"], out, Selection(regions=("Namangan",)))
    assert not out.exists()  # nothing half-written


def test_a_failed_xlsx_write_leaves_the_earlier_file(
    project: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    path = write_one(project, "xlsx", out)
    before = path.read_bytes()

    def broken(*_: object, **__: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        write_one(project, "xlsx", out)
    assert path.read_bytes() == before
    assert [p.name for p in out.iterdir()] == [path.name]
