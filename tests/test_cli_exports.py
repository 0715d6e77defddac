"""``qualcode export`` and ``qualcode report`` from the command line, with filters."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualcode.cli import app

runner = CliRunner()


@pytest.fixture
def project(processed_demo: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(processed_demo, tmp_path / "p"))


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
        (["--status", "approved"], "review status"),  # the field, never the value typed
        (["--from", "May 2023"], "date_from"),
        (["-f", "pdf"], "pdf"),
    ],
)
def test_bad_export_options_exit_2_naming_the_field(
    project: Path, tmp_path: Path, extra: list[str], needle: str
) -> None:
    result = runner.invoke(app, ["export", "-p", str(project), "--out", str(tmp_path), *extra])
    assert result.exit_code == 2
    assert needle in result.output


def test_report_writes_html_and_docx_for_a_filter(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    result = runner.invoke(
        app, ["report", "-p", str(project), "--out", str(out), "--group", "women 18-30"]
    )
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"report.html", "report.docx"}
    assert "women 18-30" in (out / "report.html").read_text(encoding="utf-8")
    bad = runner.invoke(app, ["report", "-p", str(project), "--out", str(out), "-f", "qdpx"])
    assert bad.exit_code == 2 and "qdpx" in bad.output


def test_a_codebook_exported_as_qdc_imports_into_another_project(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    assert (
        runner.invoke(app, ["export", "-p", str(project), "--out", str(out), "-f", "qdc"]).exit_code
        == 0
    )
    other = tmp_path / "other"
    assert runner.invoke(app, ["init", str(other)]).exit_code == 0
    result = runner.invoke(
        app, ["codebook", "import-qdc", str(out / "codebook.qdc"), "-p", str(other)]
    )
    assert result.exit_code == 0, result.output
    assert "Added 13 codes" in result.output and "wedding_costs" in result.output
    again = runner.invoke(
        app, ["codebook", "import-qdc", str(out / "codebook.qdc"), "-p", str(other)]
    )
    assert "Added 0 codes" in again.output
    broken = tmp_path / "broken.qdc"
    broken.write_text("<CodeBook>", encoding="utf-8")
    result = runner.invoke(app, ["codebook", "import-qdc", str(broken), "-p", str(other)])
    assert result.exit_code == 2 and "broken.qdc" in result.output
