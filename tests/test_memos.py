"""Memos (issue 17): versions, author-only edits, and memos in the REFI-QDA, XLSX and
report exports; the document's offsets, progress after undo and the code tree, as
library calls on the processed demo project."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from qualcode.errors import InputError, NotFoundError
from qualcode.exports.memo_table import memo_counts
from qualcode.exports.outputs import write_one
from qualcode.exports.refiqda import export_qdpx
from qualcode.exports.refiqda.validate import SCHEMA_DIR
from qualcode.exports.report import build_report
from qualcode.exports.report.html import render_html
from qualcode.project.auth import User
from qualcode.review import codetree, document, memos
from qualcode.review.decisions import record, undo
from qualcode.review.progress import progress
from qualcode.review.selection import Selection
from qualcode.store import Store

P = "{urn:QDA-XML:project:1.0}"
CEM = User(1, "cem", ("coder",))
DINA = User(2, "dina", ("coder",))
RITA = User(3, "rita", ("researcher",))


def _schema() -> etree.XMLSchema:
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "refi-qda" / "Project.xsd"
    path = shared if shared.is_file() else SCHEMA_DIR / "Project.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def test_a_memo_keeps_every_version_and_only_its_author_edits_it(demo_store: Store) -> None:
    m = memos.add_memo(demo_store, "segment", "3", "cem", "first")
    assert (m.version, m.text, m.author) == (1, "first", "cem")
    with pytest.raises(NotFoundError) as err:
        memos.edit_memo(demo_store, m.id, DINA, "secret words")
    assert "secret" not in str(err.value)
    with pytest.raises(NotFoundError):
        memos.edit_memo(demo_store, m.id, RITA, "a researcher may delete, not edit")
    assert memos.edit_memo(demo_store, m.id, CEM, "second").version == 2
    with pytest.raises(NotFoundError):
        memos.delete_memo(demo_store, m.id, DINA)
    memos.delete_memo(demo_store, m.id, RITA)
    assert memos.list_memos(demo_store) == []
    rows = memos.versions(demo_store, m.id)
    assert [(v["text"], v["deleted"], v["by"]) for v in rows] == [
        ("first", 0, "cem"), ("second", 0, "cem"), ("", 1, "rita"),
    ]  # fmt: skip
    assert rows[1]["replaces"] == rows[0]["id"] and rows[2]["replaces"] == rows[1]["id"]
    with pytest.raises(Exception, match="append-only"):
        demo_store.db.execute("UPDATE memo_versions SET text = 'x'")


def test_memo_limits(demo_store: Store) -> None:
    with pytest.raises(InputError) as err:
        memos.add_memo(demo_store, "project", "", "cem", "x" * 5001)
    assert "xxxx" not in str(err.value)
    with pytest.raises(InputError):
        memos.add_memo(demo_store, "project", "1", "cem", "a project memo has no id")
    with pytest.raises(NotFoundError):
        memos.add_memo(demo_store, "transcript", "999", "cem", "no such transcript")
    assert memos.add_memo(demo_store, "segment", " 07 ", "cem", "ok").target_id == "7"


def _memos_on_everything(store: Store) -> dict[str, memos.Memo]:
    code = sorted(store.codebook.code_ids())[0]
    seg = store.segments.segments(2)[1]
    return {
        "project": memos.add_memo(store, "project", "", "rita", "Why we code this way"),
        "transcript": memos.add_memo(store, "transcript", "1", "cem", "Loud room <&>"),
        "segment": memos.add_memo(store, "segment", str(seg.id), "dina", "Irony here"),
        "code": memos.add_memo(store, "code", code, "rita", "Boundary with its sibling"),
    }


def test_the_qdpx_holds_every_memo_as_a_referenced_note(demo_store: Store, tmp_path: Path) -> None:
    made = _memos_on_everything(demo_store)
    seg = demo_store.segments.segments(2)[1]
    counts = export_qdpx(demo_store, tmp_path / "p.qdpx")
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        root = etree.fromstring(archive.read("project.qde"))
    _schema().assertValid(etree.ElementTree(root))
    notes = {n.get("guid"): n for n in root.iter(f"{P}Note")}
    assert counts.notes == len(notes) >= 4
    texts = {n.findtext(f"{P}PlainTextContent") for n in notes.values()}
    assert {m.text for m in made.values()} <= texts
    refs = {r.get("targetGUID"): r.getparent() for r in root.iter(f"{P}NoteRef")}
    by_text = {n.findtext(f"{P}PlainTextContent"): g for g, n in notes.items()}
    assert refs[by_text["Why we code this way"]] is root
    assert refs[by_text["Loud room <&>"]].tag == f"{P}TextSource"
    assert refs[by_text["Boundary with its sibling"]].tag == f"{P}Code"
    selection = refs[by_text["Irony here"]]
    assert selection.tag == f"{P}PlainTextSelection"
    source = selection.getparent()
    text = demo_store.transcripts.transcript(2)["text"]
    assert source.get("guid") and seg.text == text[seg.start : seg.end]
    start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert (start, end) == (seg.start, seg.end)
    users = {u.get("id") for u in root.iter(f"{P}User")}
    assert {"cem", "dina", "rita"} <= users


def test_memos_of_left_out_transcripts_stay_out(demo_store: Store, tmp_path: Path) -> None:
    _memos_on_everything(demo_store)
    sel = Selection(transcripts=(3,))
    export_qdpx(demo_store, tmp_path / "p.qdpx", sel)
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        qde = archive.read("project.qde").decode()
    assert "Loud room" not in qde and "Why we code this way" in qde


def test_the_xlsx_has_a_memos_sheet(demo_store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    made = _memos_on_everything(demo_store)
    path = write_one(demo_store, "xlsx", tmp_path)
    sheet = load_workbook(path)["Memos"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("memo_id", "about", "about_id")
    assert {r[-1] for r in rows[1:]} == {m.text for m in made.values()}


def test_the_report_counts_memos_without_their_text(demo_store: Store) -> None:
    _memos_on_everything(demo_store)
    memos.add_memo(demo_store, "segment", "5", "cem", "Another")
    assert memo_counts(demo_store) == {"project": 1, "transcript": 1, "segment": 2, "code": 1}
    data = build_report(demo_store)
    assert data.method.memos == memo_counts(demo_store)
    html = render_html(data, charts={})
    assert "Memos written during the review: 5" in html and "Irony here" not in html


def test_document_offsets_are_exact_for_every_segment_and_span(demo_store: Store) -> None:
    segs = demo_store.segments.segments(4)
    code = sorted(demo_store.codebook.code_ids())[0]
    for s in segs[:5]:
        record(demo_store, s.id or 0, code, "add", "cem", span=(1, len(s.text) - 1))
    doc = document.document(demo_store, 4, "cem")
    text = doc["text"]
    by_id = {s.id: s.text for s in segs}
    assert len(doc["segments"]) == len(segs)
    assert all(text[s["start"] : s["end"]] == by_id[s["id"]] for s in doc["segments"])
    assert len(doc["spans"]) == 5
    for span in doc["spans"]:
        assert text[span["start"] : span["end"]] == by_id[span["segment_id"]][1:-1]


def test_progress_after_undo_and_tree_counts(demo_store: Store) -> None:
    s = demo_store.analysis.suggestions()[0]
    before = progress(demo_store)
    eid = record(demo_store, s.segment_id, s.code_id, "accept", "cem")
    after = progress(demo_store)
    assert after.segments.decided == before.segments.decided + 1
    assert progress(demo_store, coder="dina").segments.decided == 0
    counts = {n.id: n.count for n in _flat(codetree.code_tree(demo_store))}
    assert counts[s.code_id] == 1
    undo(demo_store, eid, "cem")
    assert progress(demo_store) == before
    assert {n.id: n.count for n in _flat(codetree.code_tree(demo_store))}[s.code_id] == 0


def _flat(nodes: list[codetree.CodeNode]) -> list[codetree.CodeNode]:
    return [m for n in nodes for m in (n, *_flat(n.children))]
