"""Plain-text and Markdown transcripts, and their encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript
from qualcode.records import Turn

FIXTURES = Path(__file__).parent / "fixtures"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_fixture_with_every_label_form() -> None:
    transcript = read_transcript(FIXTURES / "fg_fergana_women.txt")
    assert transcript.fmt == "text"
    assert transcript.source_name == "fg_fergana_women.txt"
    assert [t.speaker for t in transcript.turns] == [
        "Moderator",
        "Participant 1",
        "Participant 2",
        "P3",
        "Speaker 1",
        "Moderator",
        "Moderator",
        "Dilnoza",
        "Nodira opa",
    ]
    turns = transcript.turns
    # front matter before the first label is not a turn
    assert not any("Fergana" in t.text or "14 May" in t.text for t in turns)
    # wrapped lines are joined with a space
    assert turns[0].text == (
        "Thank you all for coming. Let us start with introductions. "
        "Please say your first name only."
    )
    # bracketed notes stay as written; a note-only line joins the previous turn
    assert turns[1].text.endswith("husband's family. [laughter]")
    assert turns[2].text == "I am Malika. I work at the khokimiyat. [crosstalk]"
    # a blank line starts a new paragraph of the same turn
    assert turns[3].text == (
        "Nodira. I am a kelin in my family.\n"
        "Second paragraph of P3: after the wedding, the to'y, we moved. [pause]"
    )
    assert turns[4].start == 751.0
    assert turns[7].text == "They gave us a note. He said: go to the committee."
    # "Time:" is never a speaker: inside a turn it is part of the text
    assert turns[8].text == (
        "[inaudible 00:14:02] we waited for two months. Time: we met at 5 in the evening."
    )


def test_markdown_front_matter_headings_and_bold_labels() -> None:
    transcript = read_transcript(FIXTURES / "fg_markdown.md")
    assert transcript.fmt == "text"
    assert transcript.turns == (
        Turn("Moderator", "Welcome, everyone."),
        Turn("P1", "Thanks. The makhalla elders decided everything."),
        Turn("Moderator", "What about the to'y costs?"),
        Turn("P2", "Very expensive. [laughter]"),
    )


def test_all_caps_and_title_case_labels_are_one_speaker(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.txt", "MODERATOR: one\nP1: two\nModerator: three\n")
    speakers = {t.speaker for t in read_transcript(path).turns}
    assert speakers == {"Moderator", "P1"}


def test_otter_style_label_lines(tmp_path: Path) -> None:
    text = "Speaker 1  0:03\nHello there.\n\nSpeaker 2  0:10\nHi.\n"
    turns = read_transcript(_write(tmp_path, "otter.txt", text)).turns
    assert turns == (Turn("Speaker 1", "Hello there.", 3.0), Turn("Speaker 2", "Hi.", 10.0))


def test_empty_turns_are_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.txt", "Moderator:\nP1: yes\nP2:   \nP3: no\n")
    assert [t.speaker for t in read_transcript(path).turns] == ["P1", "P3"]


def test_cp1251_cyrillic(tmp_path: Path) -> None:
    text = (
        "Модератор: Здравствуйте, спасибо, что пришли.\r\n"
        "Дилноза: Махалля нам очень помогла, и хокимият тоже.\r\n"
        "Нодира опа: Да, я согласна.\r\n"
    )
    turns = read_transcript(_write(tmp_path, "ru.txt", text, "cp1251")).turns
    assert [t.speaker for t in turns] == ["Модератор", "Дилноза", "Нодира опа"]
    assert turns[1].text == "Махалля нам очень помогла, и хокимият тоже."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_bom_encodings(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "t.txt", "Moderator: Salom\nDilnoza: Ассалому алайкум\n", encoding)
    turns = read_transcript(path).turns
    assert turns == (Turn("Moderator", "Salom"), Turn("Dilnoza", "Ассалому алайкум"))


def test_old_mac_line_endings(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.txt", "Moderator: one\rwrapped\rP1: two\r")
    assert read_transcript(path).turns == (Turn("Moderator", "one wrapped"), Turn("P1", "two"))


def test_decomposed_characters_are_nfc_normalised(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.txt", "Moderator: Сайи\u0306ёра\n")  # й as и + breve
    assert read_transcript(path).turns[0].text == "Саййёра"


def test_binary_junk_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(b"Dilnoza: hello\x00\x01\x02" * 50)
    with pytest.raises(IngestError, match=r"junk.txt: does not look like a text file") as err:
        read_transcript(path)
    assert "Dilnoza" not in str(err.value)


def test_no_labels_is_read_as_prose(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", "Dilnoza said the makhalla helped.\nThen we left.\n")
    transcript = read_transcript(path)
    assert transcript.turns == (Turn("Text", "Dilnoza said the makhalla helped. Then we left."),)
    assert transcript.notices and "Dilnoza" not in transcript.notices[0]


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"empty.md: no speaker turns found") as err:
        read_transcript(_write(tmp_path, "empty.md", ""))
    assert "Moderator:" in str(err.value)  # the hint shows the expected form
