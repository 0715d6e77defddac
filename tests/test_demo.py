"""`qualcode demo` end to end with the real embedding model and BERTopic."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from helpers import DEMO_CORPUS
from qualcode.cli import app
from qualcode.export import COUNTED
from qualcode.store import Store
from qualcode.summary import summarise


@pytest.mark.slow
def test_demo_runs_twice_identically_and_its_summary_matches_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = CliRunner().invoke(app, ["demo", "--out", str(out), "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "Ingested 8 new transcripts" in first.output
    store = Store(out / "demo-project")
    topics, sugg = store.topics(), store.suggestions()
    assert len(topics) >= 5 and len(sugg) > 100

    second = CliRunner().invoke(app, ["demo", "--out", str(out), "--no-progress"])
    assert second.exit_code == 0, second.output
    assert "Ingested 0 new transcripts (8 already present)" in second.output
    assert "embedded 0" in second.output and "topics: skipped" in second.output
    assert store.topics() == topics and store.suggestions() == sugg

    with (out / "coded_segments.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["status"] in COUNTED]
    s = summarise(store)
    assert s.by_code == dict(Counter(r["code"] for r in rows))
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
