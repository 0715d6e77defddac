"""Editing a project's codebook with history: versions, locking, merges, the pipeline."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from helpers import DRIVERS
from qualcode.codebook.edit import (
    add_code,
    code_at,
    code_history,
    edit_code,
    get_code,
    list_codes,
    merge_codes,
    restore_code,
    retire_code,
)
from qualcode.codebook.load import dump_codebook, load_codebook
from qualcode.codebook.merges import resolve_code, resolve_events
from qualcode.codebook.project import use_codebook
from qualcode.errors import CodebookError, ConflictError, InputError, NotFoundError
from qualcode.records import Code, RedactedTranscript, RedactedTurn, TranscriptMeta
from qualcode.review import decisions as review
from qualcode.review.decisions import resolved_state
from qualcode.segment.sentences import SentenceSegmenter
from qualcode.store import Store
from qualcode.store.codebook_history import CodeChange, code_content
from qualcode.store.migrations import migrations
from qualcode.text import layout, text_hash

NEW = Code("youth_sport", "Youth sport", "Sport and clubs for young people.", keywords=("Gym",))


@pytest.fixture
def book(store: Store) -> Store:
    """The drivers codebook loaded through the pipeline, and two segments to decide on."""
    turns = (RedactedTurn("P1", "We need jobs."), RedactedTurn("P2", "Weddings cost a lot."))
    doc = RedactedTranscript("f.txt", "text", "h", turns, TranscriptMeta(title="t"), ())
    text, spans = layout(doc.turns)
    tid = store.transcripts.add_transcript(doc, text, spans)
    segs = SentenceSegmenter().segment(tid, text, spans, ["P1", "P2"])
    store.segments.add_segments(segs, [text_hash(s.text) for s in segs])
    use_codebook(store, DRIVERS)
    return store


def _actions(store: Store, code_id: str) -> list[tuple[int, str, str]]:
    return [(v.version, v.action, v.status) for v in code_history(store, code_id)]


def test_loading_a_codebook_records_version_1_of_every_code(book: Store) -> None:
    states = list_codes(book)
    assert len(states) == 13 and {s.version for s in states} == {1}
    first = code_history(book, "unemployment")
    assert [(v.version, v.action, v.user) for v in first] == [(1, "add", "codebook file")]
    assert first[0].code == get_code(book, "unemployment").code


def test_add_edit_retire_restore_each_make_a_version(book: Store) -> None:
    added = add_code(book, NEW, "ann", note="new theme")
    assert (added.version, added.status, added.code.keywords) == (1, "active", ("gym",))
    edited = edit_code(book, "youth_sport", {"label": "Youth and sport"}, "bob", 1)
    assert edited.version == 2 and get_code(book, "youth_sport").code.label == "Youth and sport"
    assert retire_code(book, "youth_sport", "ann", "rarely used").status == "retired"
    assert restore_code(book, "youth_sport", "bob", expected_version=3).version == 4
    assert _actions(book, "youth_sport") == [
        (1, "add", "active"),
        (2, "edit", "active"),
        (3, "retire", "retired"),
        (4, "restore", "active"),
    ]
    history = code_history(book, "youth_sport")
    assert [v.user for v in history] == ["ann", "bob", "ann", "bob"]
    assert history[0].code.label == "Youth sport" and history[2].note == "rarely used"


def test_an_edit_that_changes_nothing_writes_nothing(book: Store) -> None:
    state = edit_code(book, "unemployment", {"keywords": ["jobless"]}, "ann", 1)
    assert edit_code(book, "unemployment", {"keywords": ("Jobless",)}, "ann", 2) == state
    assert len(code_history(book, "unemployment")) == 2


def test_a_stale_expected_version_is_a_conflict_naming_the_current_version(book: Store) -> None:
    edit_code(book, "unemployment", {"label": "Jobs"}, "ann", expected_version=1)
    with pytest.raises(ConflictError, match="version 2"):
        edit_code(book, "unemployment", {"label": "Work"}, "bob", expected_version=1)
    with pytest.raises(ConflictError, match="version 2"):
        retire_code(book, "unemployment", "bob", expected_version=1)
    assert get_code(book, "unemployment").code.label == "Jobs"
    assert len(code_history(book, "unemployment")) == 2


def test_the_store_refuses_a_change_built_on_a_version_another_writer_replaced(
    book: Store,
) -> None:
    """Two writers both read version 1; the second one's write is refused atomically."""
    content = code_content(book.codebook.code_record("unemployment") or {})
    late = CodeChange("unemployment", "edit", content, "active", 2, "bob", "2030-01-01T00:00:00")
    edit_code(book, "unemployment", {"label": "Jobs"}, "ann", 1)
    codebooks = book.db.execute("SELECT count(*) FROM codebooks").fetchone()[0]
    with pytest.raises(ConflictError, match="expected_version=2"):
        book.codebook.write_code_change(late)
    assert [v.user for v in code_history(book, "unemployment")] == ["codebook file", "ann"]
    assert book.db.execute("SELECT count(*) FROM codebooks").fetchone()[0] == codebooks


def test_code_history_is_append_only(book: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        book.db.execute("UPDATE code_history SET note = 'rewritten'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        book.db.execute("DELETE FROM code_history")


def test_retired_and_merged_codes_are_left_out_of_the_pipelines_codebook(book: Store) -> None:
    retire_code(book, "unemployment", "ann")
    merge_codes(book, "wedding_costs", "gender_norms", "ann")
    add_code(book, NEW, "ann")
    for path in (None, DRIVERS):  # the stored codebook, and the file loaded again
        ids = {c.id for c in use_codebook(book, path).codes}
        assert "unemployment" not in ids and "wedding_costs" not in ids
        assert "gender_norms" in ids
    assert get_code(book, "unemployment").status == "retired"  # the file did not revive it
    assert get_code(book, "youth_sport").status == "retired"  # the file lacks it


def test_loading_the_file_again_versions_the_changes_it_makes(book: Store) -> None:
    edit_code(book, "unemployment", {"definition": "Lack of work."}, "ann", 1)
    assert use_codebook(book, None).get("unemployment").definition == "Lack of work."  # type: ignore[union-attr]
    use_codebook(book, DRIVERS)
    last = code_history(book, "unemployment")[-1]
    assert (last.version, last.action, last.user) == (3, "edit", "codebook file")
    assert last.code.definition != "Lack of work."


def test_a_code_a_file_dropped_comes_back_when_a_file_lists_it_again(
    book: Store, tmp_path: Path
) -> None:
    drivers = load_codebook(DRIVERS)
    smaller = tmp_path / "smaller.yaml"
    kept = tuple(c for c in drivers.codes if c.id != "returnees")
    dump_codebook(replace(drivers, codes=kept), smaller)
    assert "returnees" not in {c.id for c in use_codebook(book, smaller).codes}
    assert "returnees" in {c.id for c in use_codebook(book, DRIVERS).codes}
    assert _actions(book, "returnees") == [
        (1, "add", "active"),
        (2, "retire", "retired"),
        (3, "restore", "active"),
    ]


def test_merged_decisions_count_for_the_target_without_rewriting_the_log(book: Store) -> None:
    review.record(book, 1, "wedding_costs", "accept", "ann")
    review.record(book, 2, "wedding_costs", "add", "ann")
    review.record(book, 2, "gender_norms", "reject", "bob")  # later: wins for segment 2
    logged = book.review.review_events()
    merged = merge_codes(book, "wedding_costs", "gender_norms", "ann", expected_version=1)
    assert (merged.status, merged.merged_into, merged.version) == ("merged", "gender_norms", 2)
    assert resolve_code(book)["wedding_costs"] == "gender_norms"
    assert resolved_state(book) == {
        (1, "gender_norms"): "accepted",
        (2, "gender_norms"): "rejected",
    }
    assert book.review.review_events() == logged  # the log is untouched
    rows = resolve_events(logged, resolve_code(book))
    assert rows[0]["logged_code_id"] == "wedding_costs" and rows[0]["code_id"] == "gender_norms"
    restore_code(book, "wedding_costs", "ann")  # undoing the merge un-resolves
    assert resolved_state(book) == review.current_state(logged)


def test_merges_resolve_through_chains(book: Store) -> None:
    merge_codes(book, "wedding_costs", "gender_norms", "ann")
    merge_codes(book, "gender_norms", "girls_education", "ann")
    resolved = resolve_code(book)
    assert resolved["wedding_costs"] == resolved["gender_norms"] == "girls_education"
    assert resolved["unemployment"] == "unemployment"


def test_code_at_gives_the_definition_in_force_when_a_decision_was_made(book: Store) -> None:
    old = get_code(book, "unemployment").code.definition
    review.record(book, 1, "unemployment", "accept", "ann")
    decided_at = book.review.review_events()[-1]["at"]
    edit_code(book, "unemployment", {"definition": "Lack of paid work."}, "ann", 1)
    assert code_at(book, "unemployment", decided_at).code.definition == old
    assert code_at(book, "unemployment", datetime.now(UTC)).version == 2
    with pytest.raises(NotFoundError, match="did not exist yet"):
        code_at(book, "unemployment", datetime.now(UTC) - timedelta(days=3650))
    with pytest.raises(InputError, match="ISO 8601"):
        code_at(book, "unemployment", "yesterday")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s: add_code(s, {"id": "x_y", "label": "", "definition": "d"}, "ann"), "label"),
        (lambda s: add_code(s, {"id": "Bad-Id", "label": "l", "definition": "d"}, "ann"), "id"),
        (lambda s: add_code(s, {"id": "no_def", "label": "l"}, "ann"), "definition"),
        (lambda s: edit_code(s, "unemployment", {"defintion": "d"}, "ann", 1), "defintion"),
        (lambda s: edit_code(s, "unemployment", {"parent": "nope"}, "ann", 1), "parent"),
        (lambda s: edit_code(s, "unemployment", {"examples": 3}, "ann", 1), "examples"),
        (
            lambda s: edit_code(s, "services_infrastructure", {"parent": "gbv_services"}, "a", 1),
            "parent",
        ),
    ],
)
def test_invalid_codes_are_refused_naming_the_field(book: Store, call, field: str) -> None:  # type: ignore[no-untyped-def]
    before = book.db.execute("SELECT count(*) FROM code_history").fetchone()[0]
    with pytest.raises(CodebookError, match=f"field '{field}'"):
        call(book)
    assert book.db.execute("SELECT count(*) FROM code_history").fetchone()[0] == before


def test_refused_changes(book: Store) -> None:
    with pytest.raises(NotFoundError, match="no_such_code"):
        edit_code(book, "no_such_code", {"label": "x"}, "ann", 1)
    with pytest.raises(ConflictError, match="already exists"):
        add_code(book, Code("unemployment", "Jobs", "Work."), "ann")
    with pytest.raises(InputError, match="id cannot change"):
        edit_code(book, "unemployment", {"id": "jobs"}, "ann", 1)
    with pytest.raises(InputError, match="into itself"):
        merge_codes(book, "unemployment", "unemployment", "ann")
    retire_code(book, "returnees", "ann")
    with pytest.raises(InputError, match="'returnees' is retired"):
        merge_codes(book, "unemployment", "returnees", "ann")
    with pytest.raises(ConflictError, match="already retired"):
        retire_code(book, "returnees", "ann")
    with pytest.raises(ConflictError, match="restore it"):
        edit_code(book, "returnees", {"label": "x"}, "ann", 2)
    with pytest.raises(InputError, match="parent of 'gbv_services'"):
        retire_code(book, "services_infrastructure", "ann")
    with pytest.raises(InputError, match="user"):
        retire_code(book, "unemployment", "  ")


def test_the_migration_records_existing_codes(tmp_path: Path) -> None:
    path = tmp_path / "qualcode.db"
    db = Database(path)
    migrations.apply(db, stop_before="m009_codebook_history")
    content = {"name": "Old", "version": "1", "codes": [{"id": "kept"}]}
    db["codebooks"].insert(
        {
            "name": "Old",
            "version": "1",
            "content": json.dumps(content),
            "loaded_at": "2024-01-01T00:00:00+00:00",
        }
    )
    for code_id in ("kept", "dropped"):
        db["codes"].insert({"id": code_id, "label": code_id, "definition": "d", "examples": "[]"})
    db.close()
    store = Store(tmp_path)
    try:
        assert _actions(store, "kept") == [(1, "add", "active")]
        assert _actions(store, "dropped") == [(1, "add", "active"), (2, "retire", "retired")]
        assert code_at(store, "kept", "2024-06-01T00:00:00+00:00").code.keywords == ()
        assert get_code(store, "dropped").status == "retired"
    finally:
        store.close()


def test_exports_count_decisions_on_a_merged_code_for_its_target_and_retired_codes_refuse_new_ones(
    tmp_path: Path,
) -> None:
    from helpers import one_segment_project

    store = one_segment_project(Store(tmp_path, create=True))
    review.record(store, 1, "unemployment", "accept", "ann")
    merge_codes(store, "unemployment", "labour_migration", "rita")
    assert review.decisions(store)[(1, "labour_migration")]["status"] == "accepted"
    with pytest.raises(InputError, match="retired or merged"):
        review.record(store, 1, "unemployment", "reject", "ann")
