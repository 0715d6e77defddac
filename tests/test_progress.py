"""Progress reports (qualcode.progress): the pipeline's stages, the CLI's display."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import HashEmbedder, copy_project
from qualcode.cli.main import app
from qualcode.cli.progress import PlainLines
from qualcode.pipeline import run
from qualcode.pipeline.components import default_components
from qualcode.progress import tracker
from qualcode.settings import Settings

Reports = list[tuple[str, int, "int | None"]]


def recorder() -> tuple[Reports, Any]:
    seen: Reports = []
    return seen, lambda stage, done, total: seen.append((stage, done, total))


def test_a_stage_reports_its_start_each_advance_and_its_end() -> None:
    seen, report = recorder()
    with tracker(report).stage("redact", total=3) as step:
        step.advance(2)
        step.advance()
    with tracker(report).stage("load model"):
        pass
    assert seen == [
        ("redact", 0, 3),
        ("redact", 2, 3),
        ("redact", 3, 3),
        ("redact", 3, 3),
        ("load model", 0, None),
        ("load model", 0, 0),
    ]
    assert tracker(True) is tracker(None)  # a flag alone shows nothing from the library


def test_process_reports_its_stages_in_order_with_counts_that_only_grow(
    processed_demo: Path, tmp_path: Path
) -> None:
    store = copy_project(processed_demo, tmp_path / "p")
    store.db.execute("DELETE FROM embeddings")  # so that the embed stage has work
    seen, report = recorder()
    parts = default_components(Settings.from_strings({}), HashEmbedder())
    run.process(store, parts=parts, refit_topics=True, progress=report)
    stages = list(dict.fromkeys(s for s, _, _ in seen))
    assert stages == ["segment", "embed", "topics", "suggest"]
    for name in stages:
        counts = [d for s, d, _ in seen if s == name]
        assert counts == sorted(counts)
    embed = [(d, t) for s, d, t in seen if s == "embed"]
    assert embed[0][0] == 0 and embed[-1][0] == embed[-1][1] > 100
    topics = [(d, t) for s, d, t in seen if s == "topics"]  # reduce, cluster, words,
    assert [d for d, _ in topics] == [0, 1, 2, 3, 4, 5, 5]  # topics, stored; then its end
    assert {t for _, t in topics} == {5}


def _project(processed_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(processed_demo, tmp_path / "p").close()
    parts = default_components(Settings.from_strings({}), HashEmbedder())
    monkeypatch.setattr(run, "components_for", lambda store: parts)
    return tmp_path / "p"


def test_cli_process_shows_stage_lines_and_none_with_no_progress(
    processed_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proj = _project(processed_demo, tmp_path, monkeypatch)
    shown = CliRunner().invoke(app, ["process", "-p", str(proj)])
    assert shown.exit_code == 0, shown.output
    for stage in ("segment", "embed", "topics", "suggest"):
        assert f"{stage}: started" in shown.output and f"{stage}: done (" in shown.output
    quiet = CliRunner().invoke(app, ["process", "-p", str(proj), "--no-progress"])
    assert quiet.exit_code == 0, quiet.output
    assert "started" not in quiet.output and ": done (" not in quiet.output


def test_redactions_release_reports_its_progress(
    processed_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.redact.review import list_redactions
    from qualcode.store import Store

    proj = _project(processed_demo, tmp_path, monkeypatch)
    store = Store(proj)
    pseudonym = list_redactions(store, 1)[0].pseudonym
    store.close()
    args = ["redactions", "release", "1", pseudonym, "--as", "Someone", "-p", str(proj)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "release: started" in result.output and "release: done (" in result.output
    assert "suggest: done (" in result.output  # the refresh after it too
    assert "Someone" not in result.output


def test_plain_lines_show_a_stage_at_most_every_so_often() -> None:
    lines: list[str] = []
    plain = PlainLines(lines.append, every=3600)
    for done in range(0, 11):
        plain("embed", done, 10)
    assert lines[0] == "embed: started, 10 to do" and lines[-1].startswith("embed: done (10 / 10")
    assert len(lines) == 2


@pytest.mark.parametrize("decisions", [0, 6], ids=["zero-shot", "learned"])
def test_suggest_counts_the_segments_it_scores_and_its_chunks_change_nothing(
    processed_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, decisions: int
) -> None:
    from qualcode.coding import apply
    from qualcode.review.decisions import record

    def suggested(name: str, progress: Any = None) -> tuple[str, list[Any]]:
        store = copy_project(processed_demo, tmp_path / name)
        store.db.execute("DELETE FROM stages")  # suggest runs again
        for seg in [s.id or 0 for s in store.segments.segments()][:decisions]:
            record(store, seg, "unemployment", "accept" if seg % 2 else "reject", "cem")
        parts = default_components(Settings.from_strings({}), HashEmbedder())
        how = run.process(store, parts=parts, progress=progress).suggestions
        return how, sorted(store.analysis.suggestions(), key=lambda s: (s.segment_id, s.code_id))

    whole = suggested("whole")
    assert ("learned from decisions" in whole[0]) == bool(decisions)
    monkeypatch.setattr(apply, "CHUNK", 7)
    seen, report = recorder()
    assert suggested("chunked", report) == whole
    counts = [(d, t) for s, d, t in seen if s == "suggest"]
    total = counts[0][1]
    assert total is not None and total > 100
    assert [d for d, _ in counts[:4]] == [0, 7, 14, 21] and counts[-1] == (total, total)
