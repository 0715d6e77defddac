"""Word transcripts: labelled paragraphs, transcript tables, and hostile files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript
from qualcode.ingest.safety import ZipLimits, check_zip
from qualcode.records import Turn


def _table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def _save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def test_labelled_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Focus group 2: Samarkand, men 30-50", level=1)
    document.add_paragraph("Date: 3 June 2023")
    document.add_paragraph("MODERATOR - Who decides about the to'y?")
    document.add_paragraph("Participant 4 (M, 41): The family and the makhalla.")
    document.add_paragraph("Also the elders, the oqsoqol. [laughter]")
    document.add_paragraph("[00:05:10] P5: My kelin's family paid.")
    paragraph = document.add_paragraph("Dilnoza: first line")
    paragraph.add_run().add_break()
    paragraph.add_run("soft-wrapped line")
    transcript = read_transcript(_save(document, tmp_path / "fg2.docx"))
    assert transcript.fmt == "docx"
    assert transcript.turns == (
        Turn("Moderator", "Who decides about the to'y?"),
        Turn(
            "Participant 4",
            "The family and the makhalla.\nAlso the elders, the oqsoqol. [laughter]",
        ),
        Turn("P5", "My kelin's family paid.", 310.0),
        Turn("Dilnoza", "first line soft-wrapped line"),
    )


def test_table_with_header_row(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Transcript exported 2023-05-14")
    _table(
        document,
        [
            ["Time", "Speaker", "Text"],
            ["00:00:01", "Moderator", "Welcome."],
            ["00:00:04", "Moderator", "Let us begin."],
            ["1:23", "Dilnoza", "The khokimiyat helped."],
            ["1:30", "", "But only once."],
            ["2:00", "Moderator", "  "],
        ],
    )
    transcript = read_transcript(_save(document, tmp_path / "export.docx"))
    assert transcript.turns == (
        Turn("Moderator", "Welcome. Let us begin.", 1.0),
        Turn("Dilnoza", "The khokimiyat helped. But only once.", 83.0),
    )


def test_headerless_tables_and_metadata_table(tmp_path: Path) -> None:
    document = docx.Document()
    _table(document, [["Date", "14 May 2023"], ["Location", "Fergana"]])  # ignored
    _table(document, [["Moderator:", "Hello."], ["P1:", "Salom."]])
    _table(document, [["00:01:00", "P2", "Yes."], ["00:01:05", "P1", "No."]])
    document.add_paragraph("Moderator: Thank you.")
    transcript = read_transcript(_save(document, tmp_path / "tables.docx"))
    assert transcript.turns == (
        Turn("Moderator", "Hello."),
        Turn("P1", "Salom."),
        Turn("P2", "Yes.", 60.0),
        Turn("P1", "No.", 65.0),
        Turn("Moderator", "Thank you."),
    )


def test_bad_time_in_table_names_table_and_row(tmp_path: Path) -> None:
    document = docx.Document()
    rows = [["Time", "Speaker", "Text"], ["", "", ""], ["soon", "Dilnoza", "Hello."]]
    _table(document, rows)
    with pytest.raises(IngestError, match=r"t.docx: table 1, row 3, start column") as err:
        read_transcript(_save(document, tmp_path / "t.docx"))
    assert "Dilnoza" not in str(err.value)


def test_docx_without_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Field notes", level=1)
    document.add_paragraph("   ")
    with pytest.raises(IngestError, match=r"headings.docx: no speaker turns found"):
        read_transcript(_save(document, tmp_path / "headings.docx"))


def test_fake_docx_that_is_text(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("Dilnoza: this is really a text file\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"fake.docx: is not a valid .docx file") as err:
        read_transcript(path)
    assert "Dilnoza" not in str(err.value)


def test_zip_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "Dilnoza")
    with pytest.raises(IngestError, match=r"other.docx: is not a valid .docx file"):
        read_transcript(path)


def test_corrupt_document_xml(tmp_path: Path) -> None:
    path = _save(docx.Document(), tmp_path / "corrupt.docx")
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["word/document.xml"] = b"<w:document>Dilnoza: unclosed"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(IngestError) as err:
        read_transcript(path)
    assert str(err.value) == (
        "corrupt.docx: cannot read the Word document: a part is not well-formed XML. Open it "
        "in Word and save it again, or save it as plain text (.txt) and ingest that."
    )


def _replace_parts(path: Path, parts: dict[str, bytes | None]) -> Path:
    """The .docx at ``path`` with ``parts`` replaced (None: removed)."""
    with zipfile.ZipFile(path) as src:
        old = {name: src.read(name) for name in src.namelist()}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in (old | parts).items():
            if data is not None:
                archive.writestr(name, data)
    return path


def test_docx_missing_a_part_says_so(tmp_path: Path) -> None:
    path = _replace_parts(
        _save(docx.Document(), tmp_path / "parts.docx"), {"word/styles.xml": None}
    )
    with pytest.raises(
        IngestError, match=r"^parts.docx: cannot read the Word document: a part it "
    ):
        read_transcript(path)


def test_docx_past_the_xml_parsers_limits_says_so(tmp_path: Path) -> None:
    path = _save(docx.Document(), tmp_path / "long.docx")
    with zipfile.ZipFile(path) as src:
        head, _, tail = src.read("word/document.xml").partition(b"<w:body>")
    run = b"<w:p><w:r><w:t>P1: " + b"".join(b"%08d " % n for n in range(1_200_000)) + b"</w:t>"
    _replace_parts(path, {"word/document.xml": head + b"<w:body>" + run + b"</w:r></w:p>" + tail})
    with pytest.raises(
        IngestError, match=r"long.docx: .*: a part goes past the XML parser's limits"
    ):
        read_transcript(path)


def _zip_bomb(path: Path, member_bytes: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/image1.bin", "w") as member:
            chunk = bytes(1_000_000)
            for _ in range(member_bytes // len(chunk)):
                member.write(chunk)
    return path


def test_zip_bomb_compression_ratio(tmp_path: Path) -> None:
    path = _zip_bomb(tmp_path / "bomb.docx", 5_000_000)  # 5 MB of zeros, ~5 KB packed
    assert path.stat().st_size < 50_000
    with pytest.raises(IngestError, match=r"bomb.docx: .* compressed \d+ to 1.*zip bomb"):
        read_transcript(path)


def test_zip_bomb_total_size(tmp_path: Path) -> None:
    data = _zip_bomb(tmp_path / "big.docx", 3_000_000).read_bytes()
    limits = ZipLimits(total_bytes=2_000_000, ratio=10_000)
    with pytest.raises(IngestError, match=r"big.docx: unpacks to more than 2.0 MB in all"):
        check_zip(
            data, "big.docx", kind=".docx", required_member="word/document.xml", limits=limits
        )
    # under the default 100 MB total it passes (when the ratio check allows it)
    limits = ZipLimits(ratio=10_000)
    check_zip(data, "big.docx", kind=".docx", required_member="word/document.xml", limits=limits)


def test_styles_are_resolved_once_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-docx scans every style to resolve one paragraph's style; doing that per
    paragraph took minutes on a file of 50,000 empty paragraphs."""
    document = docx.Document()
    document.add_heading("Focus group 1", level=1)
    for n in range(300):
        document.add_paragraph(f"P{n % 7}: yes.")
    path = _save(document, tmp_path / "long.docx")
    calls = 0
    default = docx.styles.styles.Styles.default

    def counting(self: docx.styles.styles.Styles, style_type: object) -> object:
        nonlocal calls
        calls += 1
        return default(self, style_type)  # type: ignore[arg-type]

    monkeypatch.setattr(docx.styles.styles.Styles, "default", counting)
    assert len(read_transcript(path).turns) == 300
    assert calls <= 2


def test_unknown_style_id_reads_as_the_default_style(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Subtitle text", style="Subtitle")
    document.add_paragraph("Moderator: Salom.")
    kept = document.add_paragraph("P1: Va alaykum.")
    kept._p.style = "NoSuchStyle"  # python-docx reads it as the default style
    turns = read_transcript(_save(document, tmp_path / "styles.docx")).turns
    assert turns == (Turn("Moderator", "Salom."), Turn("P1", "Va alaykum."))
