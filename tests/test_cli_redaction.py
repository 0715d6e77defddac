"""The redaction commands: key, redactions list/add/release/reveal/log, eval-redaction."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qualcode.cli import app

runner = CliRunner()
TEXT = (
    "Moderator: Who decides about the wedding?\n"
    "Bahor: My neighbour Zuhra decided. Zuhraning husband is in Russia.\n"
    "P2: Bahor is right.\n"
)


def _invoke(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def _project(tmp_path: Path, key: Path | None = None) -> Path:
    proj = tmp_path / "p"
    _invoke("init", str(proj), "--set", "redact_layers=patterns,known")
    src = tmp_path / "fg.txt"
    src.write_text(TEXT, encoding="utf-8")
    extra = ["--key-file", str(key)] if key else []
    _invoke("ingest", str(src), "-p", str(proj), *extra)
    return proj


def test_review_commands_add_release_and_reveal_with_a_key(tmp_path: Path) -> None:
    key = tmp_path / "secret.key"
    _invoke("key", "new", str(key))
    assert "already exists" in _invoke("key", "new", str(key), code=2)
    proj = _project(tmp_path, key)
    listed = _invoke("redactions", "list", "1", "-p", str(proj))
    assert "[PERSON_1]" in listed and "Bahor" not in listed
    out = _invoke(
        "redactions", "add", "1", "Zuhra", "--no-refresh", "-p", str(proj), "--key-file", str(key)
    )
    assert "Redacted 2 occurrence(s) as [PERSON_2]" in out
    revealed = _invoke("redactions", "reveal", "1", "-p", str(proj), "--key-file", str(key))
    assert "[PERSON_1]\tBahor" in revealed and "Zuhra" in revealed
    out = _invoke(
        "redactions",
        "release",
        "1",
        "[PERSON_1]",
        "--no-refresh",
        "-p",
        str(proj),
        "--key-file",
        str(key),
    )
    assert "2 occurrence(s) restored" in out
    log = _invoke("redactions", "log", "1", "-p", str(proj))
    assert "add" in log and "release" in log and "Zuhra" not in log and "Bahor" not in log


def test_review_commands_map_errors_to_exit_codes(tmp_path: Path) -> None:
    proj = _project(tmp_path)
    assert "No transcript with id 9" in _invoke("redactions", "list", "9", "-p", str(proj), code=3)
    out = _invoke("redactions", "release", "1", "[PERSON_1]", "-p", str(proj), code=2)
    assert "--as TEXT" in out
    bad_key = tmp_path / "bad.key"
    bad_key.write_text("not a key")
    out = _invoke("redactions", "reveal", "1", "-p", str(proj), "--key-file", str(bad_key), code=2)
    assert "bad.key does not hold a valid key" in out
    out = _invoke("redactions", "add", "1", "Nobody", "-p", str(proj), code=3)
    assert "Nobody" not in out


def test_eval_redaction_reports_recall_per_type_and_the_leak_rate(tmp_path: Path) -> None:
    text = "My neighbour Zuhra called from +998 90 123 45 67."
    doc = {
        "id": "d1",
        "participants": [],
        "turns": [{"speaker": "P1", "text": text}],
        "spans": [
            {"turn": 0, "start": 13, "end": 18, "label": "PERSON"},
            {"turn": 0, "start": 30, "end": 47, "label": "PHONE"},
        ],
    }
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    out = _invoke("eval-redaction", str(path), "--layers", "patterns,known", "--ablation")
    assert "PERSON" in out and "leaking a person name: 1 of 1" in out
    full = _invoke("eval-redaction", str(path))
    assert "leaking a person name: 0 of 1" in full
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    assert "set.jsonl, line 1" in _invoke("eval-redaction", str(path), code=2)


def test_eval_redaction_counts_keep_spans_wrongly_redacted_per_kind(tmp_path: Path) -> None:
    text = "Участковый Рустам пришёл. Qozon uzoq."
    doc = {
        "id": "k1",
        "participants": [],
        "turns": [{"speaker": "Ведущая", "text": text}],
        "spans": [{"turn": 0, "start": 11, "end": 17, "label": "PERSON"}],
        "keep": [
            {"turn": 0, "field": "text", "start": 0, "end": 10, "kind": "role"},
            {"turn": 0, "field": "speaker", "start": 0, "end": 7, "kind": "role"},
            {"turn": 0, "field": "text", "start": 26, "end": 31, "kind": "region"},
        ],
    }
    path = tmp_path / "keep.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    out = _invoke("eval-redaction", str(path), "--layers", "patterns,known,unknown")
    assert "keep spans wrongly redacted: 0 of 3 (region 0 of 1, role 0 of 2)" in out
    from qualcode.redact.evaluate import EvalReport, _score_keep, load_eval_set
    from qualcode.redact.evaluate import GoldSpan as Span

    report = EvalReport()
    _score_keep(load_eval_set(path)[0], [Span(0, "text", 5, 12, "PERSON")], report)
    assert report.keep == {"role": [1, 2], "region": [0, 1]}
