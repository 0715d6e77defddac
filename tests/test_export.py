from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from qualcode.exports.rows import COUNTED, export_csv, export_json
from qualcode.exports.summary import render_summary, summarise
from qualcode.review import decisions as review
from qualcode.review.selection import STATUSES, Selection
from qualcode.store import Store


@pytest.fixture
def processed(demo_store: Store) -> Store:
    return demo_store


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_summary_counts_match_the_exported_csv_after_reviews(
    processed: Store, tmp_path: Path
) -> None:
    first = processed.analysis.suggestions()[0]
    review.record(processed, first.segment_id, first.code_id, "reject", "ann")
    review.record(processed, first.segment_id, "returnees", "add", "ann")
    n = export_csv(processed, tmp_path / "coded.csv", Selection(statuses=STATUSES))
    rows = _read(tmp_path / "coded.csv")
    assert len(rows) == n
    counted = [r for r in rows if r["status"] in COUNTED]
    s = summarise(processed)
    assert s.by_code == dict(Counter(r["code"] for r in counted))
    assert s.by_code_region == dict(Counter((r["code"], r["region"]) for r in counted))
    assert s.by_code_group == dict(Counter((r["code"], r["group"]) for r in counted))
    statuses = {(int(r["segment_id"]), r["code"]): r["status"] for r in rows}
    assert statuses[(first.segment_id, first.code_id)] == "rejected"
    assert statuses[(first.segment_id, "returnees")] == "added"
    assert "Codes by region" in render_summary(s)


def test_csv_rows_carry_metadata_and_exact_offsets(processed: Store, tmp_path: Path) -> None:
    export_csv(processed, tmp_path / "coded.csv")
    row = _read(tmp_path / "coded.csv")[0]
    text = processed.transcripts.transcript(int(row["transcript_id"]))["text"]
    assert text[int(row["char_start"]) : int(row["char_end"])] == row["text"]
    assert row["region"] and row["group"] and row["date"] and row["code_label"]


def test_spreadsheet_formula_injection_is_neutralised(processed: Store, tmp_path: Path) -> None:
    processed.db.execute(
        "UPDATE segments SET text = '=HYPERLINK(\"http://x\")' WHERE id = "
        "(SELECT segment_id FROM suggestions LIMIT 1)"
    )
    export_csv(processed, tmp_path / "coded.csv")
    assert all(not r["text"].startswith("=") for r in _read(tmp_path / "coded.csv"))


def test_json_dump_holds_the_whole_project(processed: Store, tmp_path: Path) -> None:
    export_json(processed, tmp_path / "p.json")
    doc = json.loads((tmp_path / "p.json").read_text())
    assert len(doc["transcripts"]) == 9 and doc["codebook"]["codes"]
    assert len(doc["segments"]) == len(processed.segments.segments())
    assert doc["suggestions"] and doc["topics"]
