"""The command line maps library errors to exit codes and messages naming the culprit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import DEMO_CORPUS, DRIVERS, loaded_after
from qualcode.cli import app

runner = CliRunner()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_init_and_ingest_with_metadata_options(tmp_path: Path) -> None:
    proj = tmp_path / "p"
    _ok("init", str(proj), "--set", "n_topics=5")
    src = tmp_path / "fg.txt"
    shutil.copy(DEMO_CORPUS / "jizzakh_women.txt", src)
    out = _ok(
        "ingest",
        str(src),
        "-p",
        str(proj),
        "--region",
        "Jizzakh",
        "--group",
        "women",
        "--participant",
        "Dilfuza",
    )
    assert "Ingested 1" in out
    assert "Kept region/district names from the metadata: Jizzakh;" in out
    assert "already present 1" in _ok("ingest", str(src), "-p", str(proj))


def test_ingest_notes_without_speaker_labels_prints_a_notice(tmp_path: Path) -> None:
    proj = tmp_path / "p"
    _ok("init", str(proj))
    notes = tmp_path / "fieldnotes.txt"
    notes.write_text("Oydinoy Sharofiddinova runs the bakery.\n\nBread costs more now.\n")
    result = runner.invoke(app, ["ingest", str(notes), "-p", str(proj), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "Ingested 1" in result.stdout
    assert result.stderr == (
        f"Note: {notes}: no speaker labels found; read as 2 paragraphs of one unnamed "
        "speaker, 'Text'.\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    result = runner.invoke(app, ["ingest", str(empty), "-p", str(proj)])
    assert result.exit_code == 2 and "empty.txt: no speaker turns found" in result.stderr


def test_ingest_says_districts_are_redacted_when_asked(tmp_path: Path) -> None:
    proj = tmp_path / "p"
    _ok("init", str(proj), "--set", "redact_districts=true")
    src = tmp_path / "fg.txt"
    shutil.copy(DEMO_CORPUS / "jizzakh_women.txt", src)
    out = _ok("ingest", str(src), "-p", str(proj), "--region", "Jizzakh", "--district", "Zomin")
    assert "names from the metadata: Jizzakh; districts are redacted" in out
    from qualcode.store import Store

    row = Store(proj).transcripts.transcripts()[0]
    assert row["region"] == "Jizzakh" and row["district"] != "Zomin"


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["summary", "-p", "{tmp}/missing"], 3, "qualcode init"),
        (["init", "{tmp}/p", "--set", "colour=blue"], 2, "colour=blue"),
        (["init", "{tmp}/p", "--set", "segment_max_chars=many"], 2, "segment_max_chars"),
        (["init", "{tmp}/p", "--set", "redact_districts=yes"], 2, "redact_districts"),
        (["init", "{tmp}/p", "--set", "topic_outlier_floor=1.5"], 2, "topic_outlier_floor"),
        (["ingest", "{tmp}/notes.pdf", "-p", "{tmp}/p"], 2, "notes.pdf"),
        (["ingest", "{corpus}/namangan_men.csv", "-p", "{tmp}/p", "--date", "soon"], 2, "date"),
        (["process", "-p", "{tmp}/p", "--codebook", "{tmp}/bad.yaml"], 2, "bad.yaml"),
        (
            [
                "suggest",
                "--codebook",
                str(DRIVERS),
                "--input",
                "{tmp}/t.txt",
                "--output",
                "{tmp}/o.jsonl",
            ],
            2,
            "t.txt",
        ),
    ],
)
def test_errors_exit_non_zero_naming_the_culprit(
    tmp_path: Path, args: list[str], code: int, needle: str
) -> None:
    _ok("init", str(tmp_path / "p"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.yaml").write_text("codes: [{id: x}]")
    (tmp_path / "t.txt").write_text("id,text\n1,hello")
    args = [a.format(tmp=tmp_path, corpus=DEMO_CORPUS) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_suggest_codes_any_text_list_with_the_real_model(tmp_path: Path) -> None:
    src = tmp_path / "answers.csv"
    src.write_text(
        "id,text\n"
        "a1,My husband went to Russia for work and sends money; call me on +998 90 111 22 33\n"
        "a2,The wedding and the qalin put our family in debt for years\n"
        "a3,I like green tea\n"
    )
    out = tmp_path / "s.jsonl"
    _ok("suggest", "--codebook", str(DRIVERS), "--input", str(src), "--output", str(out))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    by_id = {r["id"]: [s["code"] for s in r["suggestions"]] for r in rows}
    assert by_id["a1"][0] == "labour_migration"
    assert by_id["a2"][0] == "wedding_costs"
    assert by_id["a3"] == []
    assert all(0 <= s["score"] <= 1 for r in rows for s in r["suggestions"])
    _ok(
        "suggest",
        "--codebook",
        str(DRIVERS),
        "--input",
        str(src),
        "--output",
        str(tmp_path / "s.csv"),
    )
    assert (tmp_path / "s.csv").read_text().startswith("id,code,score,evidence")


@pytest.mark.slow
def test_suggest_learns_first_from_a_labelled_file(tmp_path: Path) -> None:
    """A local term the codebook does not know ('osh' feasts) is learned from examples."""
    labelled = tmp_path / "coded.jsonl"
    rows = [
        ("We had to cook osh for five hundred people, my father borrowed for it.", "wedding_costs"),
        ("Osh for the whole makhalla costs more than a year of wages.", "wedding_costs"),
        ("The osh morning alone took all the money my brother sent.", "wedding_costs"),
        ("For the osh they slaughtered two cows, we are still paying.", "wedding_costs"),
        ("The road to the school is broken and dark at night.", "services_infrastructure"),
        ("There is no gas in winter and the power goes off.", "services_infrastructure"),
        ("The clinic has no doctor, we go to the district.", "services_infrastructure"),
        ("Water comes two hours a day in our street.", "services_infrastructure"),
    ]
    labelled.write_text(
        "\n".join(
            json.dumps({"id": f"l{i}", "text": t, "codes": [c]}) for i, (t, c) in enumerate(rows)
        )
    )
    src = tmp_path / "answers.jsonl"
    src.write_text(json.dumps({"id": "q1", "text": "Families sell a cow to pay for the osh."}))
    out = tmp_path / "s.jsonl"
    args = ["suggest", "--codebook", str(DRIVERS), "--input", str(src), "--output", str(out)]
    _ok(*args, "--labelled", str(labelled))
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    first = row["suggestions"][0]
    assert first["code"] == "wedding_costs"
    assert first["evidence"][0].startswith("like confirmed: ")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "t", "codes": ["no_such_code"]}))
    result = runner.invoke(app, [*args, "--labelled", str(bad)])
    assert result.exit_code == 2 and "no_such_code" in result.output


@pytest.mark.parametrize("command", [["process"], ["themes", "refit"]])
def test_processing_an_empty_project_says_to_ingest_first(
    tmp_path: Path, command: list[str]
) -> None:
    _ok("init", str(tmp_path / "p"))
    result = runner.invoke(app, [*command, "-p", str(tmp_path / "p")])
    assert result.exit_code == 4, result.output  # ConflictError: see errors.py
    assert "no segments yet: ingest transcripts first" in result.output
    assert "Traceback" not in result.output


def test_help_loads_no_store_or_model_library() -> None:
    """``qualcode --help`` lists the commands without the store (sqlite-utils, numpy)."""
    assert loaded_after("import qualcode.cli", ("qualcode.store", "numpy", "torch")) == []
