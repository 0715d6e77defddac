"""`qualcode demo` end to end with the real embedding model and BERTopic."""

from __future__ import annotations

import csv
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from helpers import DEMO_CORPUS
from qualcode.cli import app
from qualcode.exports.refiqda import validate
from qualcode.exports.rows import COUNTED
from qualcode.exports.summary import summarise
from qualcode.store import Store


@pytest.mark.slow
def test_demo_runs_twice_identically_and_its_summary_matches_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = CliRunner().invoke(app, ["demo", "--out", str(out), "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "Ingested 9 new transcripts" in first.output
    store = Store(out / "demo-project")
    topics, sugg = store.topics.topics(), store.analysis.suggestions()
    assert len(topics) >= 5 and len(sugg) > 100

    second = CliRunner().invoke(app, ["demo", "--out", str(out), "--no-progress"])
    assert second.exit_code == 0, second.output
    assert "Ingested 0 new transcripts (9 already present)" in second.output
    assert "embedded 0" in second.output and "topics: skipped" in second.output
    assert store.topics.topics() == topics and store.analysis.suggestions() == sugg

    with (out / "coded_segments.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["status"] in COUNTED]
    s = summarise(store)
    assert s.by_code == dict(Counter(r["code"] for r in rows))
    # the untranslated Russian/Uzbek transcript is coded too, in its own languages
    spoken = Counter(r["segment_language"] for r in rows if r["source"] == "fergana_women.txt")
    assert spoken["ru"] >= 10 and spoken["uz"] >= 10, spoken
    assert s.by_code_region == dict(Counter((r["code"], r["region"]) for r in rows))
    for code, n in list(s.by_code.items())[:3]:
        assert str(n) in first.output and code in first.output

    files = [
        out / "coded_segments.csv",
        out / "project.json",
        out / "demo-project" / "qualcode.log",
    ]
    for meta_file in DEMO_CORPUS.glob("*.meta.yaml"):
        meta = yaml.safe_load(meta_file.read_text())
        for name in [*meta["participants"], meta["facilitator"]]:
            if " " in name:  # full names: never in any output
                for f in files:
                    assert name not in f.read_text(encoding="utf-8"), (name, f.name)


def _gold_names() -> list[str]:
    names: list[str] = []
    for f in DEMO_CORPUS.glob("NAMES_part*.yaml"):
        for entry in yaml.safe_load(f.read_text()).values():
            names += entry["names"] + entry.get("contacts", [])
    return sorted(set(names))


@pytest.mark.slow
def test_no_name_from_the_demo_corpus_is_in_the_database_exports_or_logs(tmp_path: Path) -> None:
    """Every name form and contact in the gold lists, in any transcript, is gone from
    the SQLite file (WAL checkpointed), the CSV, the JSON dump and the log."""
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["demo", "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    store = Store(out / "demo-project")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    texts = {f.name: _text(f) for f in out.iterdir() if f.is_file()}
    texts["qualcode.db"] = _text(out / "demo-project" / "qualcode.db")
    texts["qualcode.log"] = _text(out / "demo-project" / "qualcode.log")
    assert {"report.html", "report.docx", "project.qdpx", "qualcode-tables.xlsx"} <= set(texts)
    texts["stdout"] = result.output
    leaks = [
        (name, where)
        for name in _gold_names()
        for where, text in texts.items()
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    assert leaks == []


def _text(path: Path) -> str:
    """A file's text; for a ZIP container (xlsx, docx, qdpx), that of every member."""
    if not zipfile.is_zipfile(path):
        return path.read_bytes().decode("utf-8", "ignore")
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "ignore") for n in z.namelist())


@pytest.mark.slow
def test_the_demo_exports_validate_against_the_refi_qda_schemas(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["demo", "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "refi-qda"
    with zipfile.ZipFile(out / "project.qdpx") as z:
        qde = z.read("project.qde")
    validate(qde, "qde")
    validate(out / "codebook.qdc", "qdc")
    if shared.is_dir():  # and against the copies in ../shared/refi-qda themselves
        from lxml import etree

        for doc, xsd in (
            (qde, "Project.xsd"),
            ((out / "codebook.qdc").read_bytes(), "Codebook.xsd"),
        ):
            schema = etree.XMLSchema(etree.parse(str(shared / xsd)))
            assert schema.validate(etree.fromstring(doc)), schema.error_log
