"""``qualcode show``: a transcript turn by turn with each segment's codes, or a segment
in context with its codes' states; clear exit codes otherwise."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from qualcode.cli import app
from qualcode.review import decisions
from qualcode.review.show import transcript_view
from qualcode.store import Store

runner = CliRunner()


def test_a_transcript_reads_turn_by_turn_with_codes(demo_store: Store) -> None:
    view = transcript_view(demo_store, 1)
    stored = demo_store.transcripts.transcript(1)["text"]
    assert view.meta["title"] and view.turns
    for turn in view.turns:
        assert all(s.turn_index == turn.index for s in turn.segments)
        assert all(stored[s.char_start : s.char_end] == s.text for s in turn.segments)
    path = str(demo_store.path.parent)
    out = runner.invoke(app, ["show", "1", "-p", path])
    assert out.exit_code == 0, out.output
    first = view.turns[0].segments[0]
    assert f"[{first.id}] {first.text[:40]}" in out.output
    assert "Moderator:" in out.output or f"{view.turns[0].speaker}:" in out.output


def test_a_segment_shows_its_context_and_decisions(demo_store: Store) -> None:
    seg = demo_store.segments.segments(1)[3]
    decisions.record(demo_store, seg.id or 0, "gender_norms", "add", "cem", "memo here")
    out = runner.invoke(app, ["show", "--segment", str(seg.id), "-p", str(demo_store.path.parent)])
    assert out.exit_code == 0, out.output
    assert f"[{seg.id}]" in out.output and "gender_norms" in out.output
    assert "added" in out.output and "memo here" in out.output and "cem" in out.output


def test_show_needs_one_target_and_an_existing_one(tmp_path: Path) -> None:
    project = tmp_path / "p"
    Store(project, create=True).close()
    assert runner.invoke(app, ["show", "-p", str(project)]).exit_code == 2
    missing = runner.invoke(app, ["show", "7", "-p", str(project)])
    assert missing.exit_code == 3 and "No transcript with id 7" in missing.output
    assert "Traceback" not in missing.output
