"""Segments added to a scored project are scored alone: an upload does not re-score
the project, yet each new segment gets what a full re-score would give it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import DEMO_CORPUS, HashEmbedder
from qualcode.coding.apply import new_rows, scored_marker
from qualcode.pipeline.components import default_components
from qualcode.pipeline.ingest import ingest_paths
from qualcode.pipeline.run import process
from qualcode.review.decisions import record
from qualcode.settings import Settings
from qualcode.store import Store

LAST = "tashkent_youth"


def _parts():  # type: ignore[no-untyped-def]
    return default_components(Settings.from_strings({}), embedder=HashEmbedder())


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """The demo corpus without one transcript, and that transcript on its own."""
    first, last = tmp_path / "first", tmp_path / "last"
    shutil.copytree(DEMO_CORPUS, first)
    last.mkdir()
    for path in first.glob(f"{LAST}.*"):
        shutil.move(path, last / path.name)
    shutil.copy(first / "NAMES_part3.yaml", last)
    return first, last


def _by_segment(store: Store) -> dict[int, list[tuple[str, float]]]:
    out: dict[int, list[tuple[str, float]]] = {}
    for s in store.analysis.suggestions():
        out.setdefault(s.segment_id, []).append((s.code_id, s.score))
    return out


def test_a_new_transcript_is_scored_alone(store: Store, corpus: tuple[Path, Path]) -> None:
    ingest_paths(store, [corpus[0]])
    process(store, parts=_parts())
    before = _by_segment(store)
    old_ids = {s.id for s in store.segments.segments()}
    ingest_paths(store, [corpus[1]])
    report = process(store, parts=_parts())
    assert "new segments" in report.suggestions
    after = _by_segment(store)
    assert {k: v for k, v in after.items() if k in old_ids} == before  # untouched
    added = {k: v for k, v in after.items() if k not in old_ids}
    assert added
    store.db.execute("DELETE FROM stages WHERE name LIKE 'suggest%'")  # a full re-score
    full = process(store, parts=_parts())
    assert "new segments" not in full.suggestions
    assert {k: v for k, v in _by_segment(store).items() if k not in old_ids} == added


def test_a_decision_since_the_last_run_rescores_everything(
    store: Store, corpus: tuple[Path, Path]
) -> None:
    ingest_paths(store, [corpus[0]])
    process(store, parts=_parts())
    first = store.segments.segments()[0]
    record(store, first.id or 0, "wedding_costs", "add", "ann")
    ingest_paths(store, [corpus[1]])
    report = process(store, parts=_parts())
    assert "new segments" not in report.suggestions


def test_new_rows_only_when_the_earlier_segments_are_unchanged() -> None:
    ids, hashes = [1, 2, 3], ["a", "b", "c"]
    previous = scored_marker("basis", ids[:2], hashes[:2])
    assert new_rows(previous, "basis", ids, hashes) == [2]
    assert new_rows(previous, "other basis", ids, hashes) is None
    assert new_rows(previous, "basis", ids, ["a", "changed", "c"]) is None  # text rewritten
    assert new_rows(previous, "basis", [2, 3], ["b", "c"]) is None  # a segment deleted
    assert new_rows(None, "basis", ids, hashes) is None
    assert new_rows("garbled", "basis", ids, hashes) is None
