"""WebVTT and SubRip transcripts: voices, label prefixes, merging, malformed files."""

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


def test_vtt_voices_prefixes_and_merging() -> None:
    transcript = read_transcript(FIXTURES / "interview.vtt")
    assert transcript.fmt == "vtt"
    assert transcript.turns == (
        Turn("Moderator", "Good afternoon. Thank you for coming. Shall we start?", 1.0, 7.25),
        # a cue without a speaker continues the previous one; &amp; is decoded
        Turn(
            "Dilnoza", "Yes. The makhalla & the khokimiyat both helped. We went twice.", 8.0, 15.0
        ),
        Turn("Moderator", "And the kelin?", 15.5, 18.0),
    )


def test_srt_prefixes_tags_and_merging() -> None:
    transcript = read_transcript(FIXTURES / "interview.srt")
    assert transcript.fmt == "srt"
    assert transcript.turns == (
        Turn("Moderator", "Welcome to the group.", 1.0, 3.0),
        Turn("P1", "Thank you. The to'y was last week. It cost a lot.", 3.5, 9.2),
        Turn("Moderator", "Who paid?", 70.0, 72.0),
    )


def test_vtt_two_voices_in_one_cue(tmp_path: Path) -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v.loud Moderator>Ready?</v>\n<v P2>Yes!</v>\n"
    turns = read_transcript(_write(tmp_path, "two.vtt", text)).turns
    assert turns == (Turn("Moderator", "Ready?", 1.0, 3.0), Turn("P2", "Yes!", 1.0, 3.0))


def test_leading_cues_without_speaker_are_unknown(tmp_path: Path) -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n(music)\n\n"
        "00:00:02.000 --> 00:00:03.000\n<v Moderator>Hello.\n"
    )
    turns = read_transcript(_write(tmp_path, "u.vtt", text)).turns
    assert [t.speaker for t in turns] == ["Unknown", "Moderator"]


def test_subtitles_without_any_speaker(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nDilnoza went to the makhalla.\n"
    with pytest.raises(IngestError, match=r"anon.srt: no speaker names found") as err:
        read_transcript(_write(tmp_path, "anon.srt", text))
    assert "Dilnoza" not in str(err.value)


def test_cp1251_srt(tmp_path: Path) -> None:
    text = (
        "1\r\n00:00:01,000 --> 00:00:02,000\r\nМодератор: Здравствуйте, как дела у семьи?\r\n\r\n"
        "2\r\n00:00:03,000 --> 00:00:04,000\r\nДилноза: Хорошо, спасибо, махалля помогла.\r\n"
    )
    turns = read_transcript(_write(tmp_path, "ru.srt", text, "cp1251")).turns
    assert [t.speaker for t in turns] == ["Модератор", "Дилноза"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("noheader.vtt", "00:00:01.000 --> 00:00:02.000\nDilnoza: hello\n"),
        ("badtime.vtt", "WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nDilnoza: hello\n"),
        (
            "noblank.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDilnoza: hi\n"
            "00:00:02.000 --> 00:00:03.000\nDilnoza: again\n",
        ),
        ("notsrt.srt", "Dilnoza: hello\nthis is not a subtitle file\n"),
    ],
)
def test_malformed_subtitles(tmp_path: Path, name: str, text: str) -> None:
    with pytest.raises(IngestError, match=rf"{name}: is not a valid") as err:
        read_transcript(_write(tmp_path, name, text))
    assert "Dilnoza" not in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__
