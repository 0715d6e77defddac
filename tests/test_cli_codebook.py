"""``qualcode codebook check``: a codebook file alone or against a project's segments; exit
code 0 without findings, 1 with, 2 and 3 for errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from helpers import HashEmbedder
from qualcode.cli import app
from test_diagnose import CODES

runner = CliRunner()


@pytest.fixture(autouse=True)
def embedder(monkeypatch: pytest.MonkeyPatch) -> HashEmbedder:
    """Every embedder the command makes is the fast fake one (also the project's)."""
    fake = HashEmbedder()
    monkeypatch.setattr("qualcode.embed.choose.make_embedder", lambda *_, **__: fake)
    return fake


def write_book(path: Path, codes: list[dict[str, Any]]) -> Path:
    path.write_text(yaml.safe_dump({"name": "test", "version": "1", "codes": codes}), "utf-8")
    return path


def check(*args: str) -> Any:
    return runner.invoke(app, ["codebook", "check", *args])


def test_a_codebook_with_problems_prints_findings_and_exits_1(tmp_path: Path) -> None:
    result = check(str(write_book(tmp_path / "book.yaml", CODES)))
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())
    assert "Findings" in out and "Codes" in out
    for needle in ("indistinct", "joblessness", "thin", "stuff", "labour_migration"):
        assert needle in out
    assert "no corpus" in out and "findings." in out


def test_a_sound_codebook_exits_0(tmp_path: Path) -> None:
    result = check(str(write_book(tmp_path / "book.yaml", CODES[2:4])))
    assert result.exit_code == 0, result.output
    assert "No findings." in result.output and "Findings" not in result.output


def test_json_output_carries_findings_and_the_code_summary(tmp_path: Path) -> None:
    result = check(str(write_book(tmp_path / "book.yaml", CODES)), "--json")
    assert result.exit_code == 1
    diagnosis = json.loads(result.output)
    assert {f["kind"] for f in diagnosis["findings"]} == {"indistinct", "thin", "unknown_reference"}
    assert [c["id"] for c in diagnosis["codes"]] == [c["id"] for c in CODES]
    assert diagnosis["segments"] == 0


def test_against_a_project_the_segments_count(processed_demo: Path, tmp_path: Path) -> None:
    from qualcode.store import Store

    project = Path(shutil.copytree(processed_demo, tmp_path / "p"))
    result = check("--project", str(project), "--json")
    assert result.exit_code in (0, 1), result.output
    diagnosis = json.loads(result.output)
    store = Store(project)
    assert diagnosis["segments"] == len(store.segments.segments()) > 30
    assert all(c["share_suggested"] is not None for c in diagnosis["codes"])
    book = write_book(tmp_path / "book.yaml", CODES)
    result = check(str(book), "--project", str(project), "--json")
    assert result.exit_code == 1
    found = {(f["kind"], tuple(f["codes"])) for f in json.loads(result.output)["findings"]}
    assert ("flat", ("astronomy",)) in found  # off-topic for the demo: nothing stands out
    assert ("indistinct", ("unemployment", "joblessness")) in found
    assert store.codebook.current_codebook_content()["name"] != "test"  # the file: not saved


def test_errors_exit_2_and_3(tmp_path: Path) -> None:
    assert check().exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\n", "utf-8")
    assert check(str(bad)).exit_code == 2
    assert check("--project", str(tmp_path / "nowhere")).exit_code == 3
