"""The analyst notebook runs on a fresh export and reproduces the report's main tables.

It is executed here with nbclient (Jupyter's own executor), so it cannot rot: a change
to the export's columns or to the report's counting that the notebook does not follow
fails this test."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from helpers import REPO
from qualcode.exports.outputs import write_exports
from qualcode.exports.report.data import build_report
from qualcode.review import decisions as review
from qualcode.review.selection import Selection
from qualcode.store import Store

NOTEBOOK = REPO / "notebooks" / "briefing_tables.ipynb"


def test_notebook_reproduces_the_report_tables(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = demo_store
    first = store.analysis.suggestions()[0]
    review.record(store, first.segment_id, first.code_id, "reject", "ann")
    review.record(store, first.segment_id, "returnees", "add", "ann")
    sel = Selection(regions=("Namangan", "Jizzakh"))
    export = tmp_path / "export"
    write_exports(store, ["csv"], export, sel)
    monkeypatch.setenv("QUALCODE_EXPORT", str(export))

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()

    tables = json.loads((export / "notebook_tables.json").read_text())
    report = build_report(store, sel)
    assert [(d["code"], d["segments"], d["transcripts"]) for d in tables["drivers"]] == [
        (d.code, d.segments, d.transcripts) for d in report.drivers
    ]
    for b, name in ((report.by_region, "by_region"), (report.by_group, "by_group")):
        for driver, counts in zip(report.drivers, b.counts, strict=True):
            assert [tables[name][driver.code].get(c, 0) for c in b.columns] == list(counts)
    co = report.cooccurrence
    for i, code in enumerate(co.codes):
        assert [tables["cooccurrence"][code][c] for c in co.codes] == list(co.segments[i])
    assert (export / "notebook_drivers.png").read_bytes()[:4] == b"\x89PNG"
