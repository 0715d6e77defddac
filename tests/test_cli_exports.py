"""``qualcode export`` and ``qualcode report`` from the command line, with filters."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import DEMO_CORPUS, HashEmbedder
from qualcode.cli import app
from qualcode.config import Settings, default_components
from qualcode.pipeline import ingest_paths, process
from qualcode.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-exports") / "project"
    store = Store(root, create=True)
    ingest_paths(store, [DEMO_CORPUS])
    process(store, parts=default_components(Settings.from_strings({}), HashEmbedder()))
    store.close()
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "p"))


def test_export_writes_filtered_tables(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["export", "-p", str(project), "--out", str(out), "-f", "csv,xlsx"]
    result = runner.invoke(app, [*args, "--region", "Namangan", "--status", "suggested"])
    assert result.exit_code == 0, result.output
    assert (out / "qualcode-tables.xlsx").exists()
    with (out / "coded_segments.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["region"] for r in rows} == {"Namangan"}
    assert {r["status"] for r in rows} == {"suggested"}


def test_export_defaults_to_csv_xlsx_and_json(project: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-p", str(project), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert {p.name for p in (tmp_path / "o").iterdir()} >= {
        "coded_segments.csv",
        "qualcode-tables.xlsx",
        "project.json",
    }


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--status", "approved"], "approved"),
        (["--from", "May 2023"], "May 2023"),
        (["-f", "pdf"], "pdf"),
    ],
)
def test_bad_export_options_exit_2_naming_the_value(
    project: Path, tmp_path: Path, extra: list[str], needle: str
) -> None:
    result = runner.invoke(app, ["export", "-p", str(project), "--out", str(tmp_path), *extra])
    assert result.exit_code == 2
    assert needle in result.output
