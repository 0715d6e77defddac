"""The public interface: dispatch, file errors, limits, hashing, finding files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from qualcode.errors import IngestError, QualcodeError
from qualcode.ingest import SUPPORTED_SUFFIXES, find_transcripts, read_transcript
from qualcode.ingest.safety import decode_text, human_size

FIXTURES = Path(__file__).parent / "fixtures"


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".docx", ".vtt", ".srt", ".csv", ".xlsx")


def test_result_fields(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "FG 1.TXT"
    path.parent.mkdir()
    data = b"Moderator: Salom\n"
    path.write_bytes(data)
    transcript = read_transcript(path)
    assert transcript.source_name == "FG 1.TXT"  # the name only, no folders
    assert transcript.fmt == "text"
    assert transcript.content_hash == hashlib.sha256(data).hexdigest()
    assert transcript.meta.title == "FG 1"


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "fg1.pdf"
    path.write_bytes(b"%PDF-1.4 Dilnoza")
    with pytest.raises(IngestError, match=r"fg1.pdf: unsupported file type '.pdf'") as err:
        read_transcript(path)
    assert ".docx" in str(err.value) and ".xlsx" in str(err.value)
    assert err.value.exit_code == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nowhere.txt: file not found"):
        read_transcript(tmp_path / "nowhere.txt")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "looks_like.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match=r"looks_like.txt: is a folder"):
        read_transcript(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match=r"pipe.txt: is not a regular file"):
        read_transcript(fifo)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Moderator: Salom\n")
    path.chmod(0)
    with pytest.raises(IngestError, match=r"locked.txt: cannot read the file"):
        read_transcript(path)


def test_oversize_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Dilnoza: " + "makhalla " * 200)
    with pytest.raises(IngestError, match=r"big.txt: the file is 1.8 KB, over the 1.0 KB") as e:
        read_transcript(path, max_bytes=1000)
    assert "Dilnoza" not in str(e.value)
    assert read_transcript(path, max_bytes=2000).turns


def test_human_size() -> None:
    assert [human_size(n) for n in (999, 1000, 20_000_000, 3 * 10**9)] == [
        "999 bytes",
        "1.0 KB",
        "20.0 MB",
        "3.0 GB",
    ]


def test_control_characters_mean_binary() -> None:
    with pytest.raises(IngestError, match=r"x.txt: does not look like a text file"):
        decode_text(b"Moderator: \x01\x02\x03\x04\x05\x06", "x.txt")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.txt", b"Dilnoza \x00 makhalla"),
        ("a.docx", b"Dilnoza: not a zip"),
        ("a.xlsx", b"Dilnoza: not a zip"),
        ("a.vtt", b"Dilnoza: no header"),
        ("a.srt", b"Dilnoza: no cues"),
        ("a.csv", b"Dilnoza,Salom\nDilnoza,Yes\n"),
        ("a.md", b"Dilnoza \x01\x02\x03 makhalla"),
    ],
)
def test_errors_never_quote_the_transcript(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(QualcodeError) as err:
        read_transcript(path)
    assert name in str(err.value)
    assert "Dilnoza" not in str(err.value)
    assert "makhalla" not in str(err.value)


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        (".txt", b"Salom \x00 makhalla"),
        (".docx", b"not a zip"),
        (".xlsx", b"not a zip"),
        (".vtt", b"no header"),
        (".srt", b"no cues"),
        (".csv", b"a,b\n1,2\n"),
        (".txt", b"   \n\n"),
        (".txt", b"x" * 200),
    ],
    ids=["binary", "docx", "xlsx", "vtt", "srt", "csv", "empty", "oversize"],
)
def test_errors_call_the_file_by_the_name_given(tmp_path: Path, suffix: str, data: bytes) -> None:
    """An upload is kept under a server-side name: its errors say the user's name for it."""
    path = tmp_path / "uploads" / f"4e4cae52071e{suffix}"
    path.parent.mkdir()
    path.write_bytes(data)
    with pytest.raises(QualcodeError) as err:
        read_transcript(path, max_bytes=100, name=f"minutes{suffix}")
    assert str(err.value).startswith(f"minutes{suffix}: ")
    assert "uploads" not in str(err.value) and "4e4cae52071e" not in str(err.value)


def test_a_notice_calls_the_file_by_the_name_given(tmp_path: Path) -> None:
    path = tmp_path / "4e4cae52071e.txt"
    path.write_text("We met at the school.\n\nThe roof leaks.\n")
    notices = read_transcript(path, name="notes.txt").notices
    assert len(notices) == 1 and notices[0].startswith("notes.txt: no speaker labels")


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Moderator: Salom\n")
    return path


def test_find_transcripts_in_a_folder(tmp_path: Path) -> None:
    for name in [
        "b.docx",
        "a.txt",
        "notes.pdf",
        "a.txt.meta.yaml",
        "a.meta.json",
        "b.meta.yml",
        ".hidden.txt",
        "~$b.docx",
        "sub/c.VTT",
        "sub/deeper/d.csv",
        ".git/e.txt",
    ]:
        _touch(tmp_path / name)
    found = find_transcripts([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt",
        "b.docx",
        "sub/c.VTT",
        "sub/deeper/d.csv",
    ]


def test_find_transcripts_files_and_duplicates(tmp_path: Path) -> None:
    a = _touch(tmp_path / "a.md")
    b = _touch(tmp_path / "x" / "b.srt")
    assert find_transcripts([b, tmp_path, a]) == [b, a]


def test_find_transcripts_rejects_unsupported_and_missing(tmp_path: Path) -> None:
    pdf = _touch(tmp_path / "fg.pdf")
    with pytest.raises(IngestError, match=r"fg.pdf: unsupported file type"):
        find_transcripts([pdf])
    with pytest.raises(IngestError, match=r"gone: no such file or folder"):
        find_transcripts([tmp_path / "gone"])


def test_fixtures_folder_reads_end_to_end() -> None:
    paths = find_transcripts([FIXTURES])
    assert {p.suffix for p in paths} == {".txt", ".md", ".vtt", ".srt", ".csv"}
    for path in paths:
        assert read_transcript(path).turns
