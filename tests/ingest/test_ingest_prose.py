"""Files without speaker labels (field notes, summaries, reports): paragraphs of one
unnamed speaker, with a notice; names in them are still redacted at ingest."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript
from qualcode.ingest.labels import match_label
from qualcode.ingest.roles import PROSE_LABEL, is_role_label, names_nobody
from qualcode.pipeline.ingest import ingest_paths
from qualcode.records import Turn
from qualcode.redact import RuleRedactor
from qualcode.store import Store

NOTES = """# Field notes, Kosonsoy district

We came to the makhalla office at ten.
The rais was away, so his deputy met us.

Women said the new bus route helps them reach the bazaar.

---

Next visit: the school.
"""
INVENTED = "Oydinoy Sharofiddinova"  # an invented name, declared nowhere


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_txt_without_labels_is_read_as_paragraphs(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "fieldnotes.txt", NOTES))
    assert transcript.turns == (
        Turn(
            PROSE_LABEL,
            "We came to the makhalla office at ten. The rais was away, so his deputy met us.",
        ),
        Turn(PROSE_LABEL, "Women said the new bus route helps them reach the bazaar."),
        Turn(PROSE_LABEL, "Next visit: the school."),
    )
    assert transcript.notices == (
        f"{tmp_path / 'fieldnotes.txt'}: no speaker labels found; read as 3 paragraphs of "
        "one unnamed speaker, 'Text'.",
    )


def test_the_notice_never_quotes_the_text(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "n.txt", f"{INVENTED} went to Osh.\n"))
    assert len(transcript.notices) == 1
    assert "Oydinoy" not in transcript.notices[0] and "Osh" not in transcript.notices[0]


def test_md_without_labels_drops_front_matter_and_headings(tmp_path: Path) -> None:
    text = "---\ntitle: Summary\n---\n## Interview summary\n\nShe runs a small bakery.\n"
    transcript = read_transcript(_write(tmp_path, "summary.md", text))
    assert transcript.fmt == "text"
    assert transcript.turns == (Turn(PROSE_LABEL, "She runs a small bakery."),)
    assert transcript.notices[0].endswith("read as 1 paragraph of one unnamed speaker, 'Text'.")


def test_docx_without_labels_is_read_by_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Report: water in Pop district", level=1)
    document.add_paragraph("Water comes two hours a day.")
    document.add_paragraph("")
    paragraph = document.add_paragraph("The pump broke in March")
    paragraph.add_run().add_break()
    paragraph.add_run("and nobody repaired it.")
    path = tmp_path / "report.docx"
    document.save(str(path))
    transcript = read_transcript(path)
    assert transcript.fmt == "docx"
    assert transcript.turns == (
        Turn(PROSE_LABEL, "Water comes two hours a day."),
        Turn(PROSE_LABEL, "The pump broke in March and nobody repaired it."),
    )
    assert transcript.notices == (
        f"{path}: no speaker labels found; read as 2 paragraphs of one unnamed speaker, 'Text'.",
    )


def test_a_labelled_file_keeps_its_speakers_and_has_no_notice(tmp_path: Path) -> None:
    text = "Osh, 3 June\n\nModerator: Who decides?\nP1: The elders.\n"
    transcript = read_transcript(_write(tmp_path, "fg.txt", text))
    assert [t.speaker for t in transcript.turns] == ["Moderator", "P1"]
    assert transcript.notices == ()


@pytest.mark.parametrize(
    ("name", "text"),
    [("empty.txt", ""), ("blank.txt", "  \n\t\n \n"), ("heads.md", "---\na: b\n---\n# Title\n")],
)
def test_a_file_without_text_is_still_refused(tmp_path: Path, name: str, text: str) -> None:
    with pytest.raises(IngestError, match=rf"{name}: no speaker turns found"):
        read_transcript(_write(tmp_path, name, text))


def test_the_prose_label_names_nobody_and_is_no_dash_label() -> None:
    assert names_nobody(PROSE_LABEL)
    assert not is_role_label(PROSE_LABEL)
    assert match_label("Text - the report continues here") is None


def test_redaction_keeps_the_label_and_removes_an_undeclared_name(tmp_path: Path) -> None:
    text = f"We met the nurse at the clinic.\n\n{INVENTED} said the doctor comes once a week.\n"
    raw = read_transcript(_write(tmp_path, "visit.txt", text))
    doc = RuleRedactor().redact(raw)
    assert [t.speaker for t in doc.turns] == [PROSE_LABEL, PROSE_LABEL]
    joined = " ".join(t.text for t in doc.turns)
    assert "Oydinoy" not in joined and "Sharofiddinova" not in joined
    assert "said the doctor comes once a week" in joined


def test_ingest_stores_prose_redacted_with_exact_offsets(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", f"{INVENTED} sells bread.\n\nHer son works in Kazan.\n")
    report = ingest_paths(store, [path])
    assert report.errors == [] and len(report.added) == 1
    assert report.notices == [
        f"{path}: no speaker labels found; read as 2 paragraphs of one unnamed speaker, 'Text'."
    ]
    stored = store.transcripts.transcript(report.added[0])["text"]
    assert "Oydinoy" not in stored and "Sharofiddinova" not in stored
    turns = store.transcripts.turns(report.added[0])
    assert [t["speaker"] for t in turns] == [PROSE_LABEL, PROSE_LABEL]
    for t in turns:
        assert stored[t["char_start"] : t["char_end"]] == t["text"]
    assert stored.startswith(f"{PROSE_LABEL}: [PERSON_1]")
    assert stored.endswith(f"\n{PROSE_LABEL}: Her son works in Kazan.")
