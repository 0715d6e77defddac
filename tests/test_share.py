"""`qualcode redact`: redacted copies in their own formats, readable again by qualcode."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from helpers import DEMO_CORPUS
from qualcode import ingest
from qualcode.cli import app


def _gold() -> dict[str, list[str]]:
    gold: dict[str, list[str]] = {}
    for f in DEMO_CORPUS.glob("NAMES_part*.yaml"):
        for name, entry in yaml.safe_load(f.read_text()).items():
            gold[name] = entry["names"] + entry.get("contacts", [])
    return gold


def test_redacted_copies_keep_format_and_structure_and_leak_nothing(tmp_path: Path) -> None:
    out = tmp_path / "share"
    result = CliRunner().invoke(app, ["redact", str(DEMO_CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name, strings in _gold().items():
        copy = out / name
        assert copy.exists(), name
        original = ingest.read_transcript(DEMO_CORPUS / name)
        again = ingest.read_transcript(copy)  # qualcode reads its own copies back
        assert again.fmt == original.fmt
        assert len(again.turns) == len(original.turns)
        text = "\n".join(f"{t.speaker} {t.text}" for t in again.turns)
        for s in strings:
            assert not re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text), (name, s)
    with (out / "redaction_log.csv").open(newline="") as fh:
        log = list(csv.DictReader(fh))
    assert {r["kind"] for r in log} >= {"PERSON", "PHONE"}
    log_text = (out / "redaction_log.csv").read_text()
    assert not any(s in log_text for strings in _gold().values() for s in strings)


def test_keep_words_and_extra_participants(tmp_path: Path) -> None:
    src = tmp_path / "fg.txt"
    src.write_text("Moderator: Welcome.\nP1: Zamira and I live in Navbahor makhalla.\n")
    out = tmp_path / "o"
    result = CliRunner().invoke(
        app,
        ["redact", str(src), "--out", str(out), "--keep", "Navbahor", "--participant", "Zamira"],
    )
    assert result.exit_code == 0, result.output
    assert (out / "fg.txt").read_text().splitlines()[2] == (
        "P1: [PERSON_1] and I live in Navbahor makhalla."
    )


def test_nothing_to_redact_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["redact", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "No transcripts" in result.output


@pytest.mark.parametrize("bad", ["x.pdf"])
def test_unsupported_file_is_named(tmp_path: Path, bad: str) -> None:
    (tmp_path / bad).write_bytes(b"%PDF")
    result = CliRunner().invoke(app, ["redact", str(tmp_path / bad), "--out", str(tmp_path)])
    assert result.exit_code == 2 and bad in result.output


def test_notes_without_speaker_labels_are_redacted_and_noted(tmp_path: Path) -> None:
    src = tmp_path / "notes.txt"
    src.write_text("Oydinoy Sharofiddinova runs the bakery.\n\nCall +998 90 123 45 67.\n")
    out = tmp_path / "o"
    result = CliRunner().invoke(app, ["redact", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Note: {src}: no speaker labels found; read as 2 paragraphs" in result.stderr
    copy = (out / "notes.txt").read_text()
    assert "Oydinoy" not in copy and "Sharofiddinova" not in copy and "123 45" not in copy
    assert copy.startswith("Text: [PERSON_1]")
    assert [t.speaker for t in ingest.read_transcript(out / "notes.txt").turns] == ["Text"] * 2
