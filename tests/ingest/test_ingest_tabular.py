"""CSV and Excel transcripts: column mapping, times, merging, limits."""

from __future__ import annotations

import datetime as dt
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript, tabular
from qualcode.records import Turn

FIXTURES = Path(__file__).parent / "fixtures"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx(path: Path, rows: list[list[object]], first_sheet: str = "Transcript") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = first_sheet
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_csv_fixture_mapping_times_and_merging() -> None:
    transcript = read_transcript(FIXTURES / "turns.csv")
    assert transcript.fmt == "csv"
    assert transcript.turns == (
        Turn("Moderator", "Welcome everyone. Let us begin.", 1.0, 5.0),
        Turn(
            "Dilnoza",
            "I think the makhalla should help, but it does not. And the khokimiyat is far away.",
            6.0,
            12.0,
        ),
        Turn("P2", "Yes.", 75.0, 83.5),
    )


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("speaker;text", "Moderator;Salom"),
        ("Who\tSaid", "Moderator\tSalom"),
        ("NAME|MESSAGE", "Moderator|Salom"),
        ("participant,transcript,timestamp", 'Moderator,Salom,"00:00:01,450"'),
    ],
)
def test_csv_delimiters_and_synonyms(tmp_path: Path, header: str, row: str) -> None:
    turns = read_transcript(_write(tmp_path, "t.csv", f"{header}\n{row}\n")).turns
    assert [(t.speaker, t.text) for t in turns] == [("Moderator", "Salom")]


def test_csv_time_range_and_excel_sep_line(tmp_path: Path) -> None:
    text = "sep=;\nTime;Speaker;Text\n00:01:23 - 00:01:30;MODERATOR;Salom\n"
    assert read_transcript(_write(tmp_path, "t.csv", text)).turns == (
        Turn("Moderator", "Salom", 83.0, 90.0),
    )


def test_csv_utf16_excel_export(tmp_path: Path) -> None:
    text = "Speaker\tText\r\nДилноза\tМахалля помогла.\r\n"
    turns = read_transcript(_write(tmp_path, "t.csv", text, "utf-16")).turns
    assert turns == (Turn("Дилноза", "Махалля помогла."),)


def test_unmapped_columns_are_listed(tmp_path: Path) -> None:
    path = _write(tmp_path, "cols.csv", "Timecode,Person,Words\n0:01,Dilnoza,Salom\n")
    with pytest.raises(IngestError) as err:
        read_transcript(path)
    message = str(err.value)
    assert "cols.csv: cannot find the speaker and text columns" in message
    assert "columns found: 'Timecode', 'Person', 'Words'" in message
    assert "Rename them to 'speaker' and 'text'" in message
    assert "Dilnoza" not in message


def test_headerless_file_does_not_leak_its_first_row(tmp_path: Path) -> None:
    text = "Dilnoza,Salom\nModerator,Welcome\nDilnoza,Yes\n"
    with pytest.raises(IngestError, match=r"does not look like a header row") as err:
        read_transcript(_write(tmp_path, "raw.csv", text))
    assert "Dilnoza" not in str(err.value)


def test_first_row_with_sentences_is_not_quoted(tmp_path: Path) -> None:
    text = 'Dilnoza,"I think the makhalla should help."\n'
    with pytest.raises(IngestError, match=r"does not look like a header row") as err:
        read_transcript(_write(tmp_path, "raw.csv", text))
    assert "Dilnoza" not in str(err.value)


def test_bad_time_names_row_and_column(tmp_path: Path) -> None:
    text = "start,speaker,text\n00:00:01,Moderator,Hi\nlater,Dilnoza,Salom\n"
    with pytest.raises(IngestError, match=r"t.csv: row 3, start column: not a time") as err:
        read_transcript(_write(tmp_path, "t.csv", text))
    assert "Dilnoza" not in str(err.value)


def test_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_ROWS", 3)
    text = "speaker,text\n" + "P1,yes\n" * 4
    with pytest.raises(IngestError, match=r"t.csv: has more than 3 rows"):
        read_transcript(_write(tmp_path, "t.csv", text))


def test_field_size_limit(tmp_path: Path) -> None:
    text = 'speaker,text\nDilnoza,"' + "x" * 200_000 + '"\n'
    with pytest.raises(IngestError, match=r"t.csv: line \d+: not valid CSV") as err:
        read_transcript(_write(tmp_path, "t.csv", text))
    assert "Dilnoza" not in str(err.value)


def test_header_only_is_empty(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"no speaker turns found"):
        read_transcript(_write(tmp_path, "t.csv", "speaker,text\n,\n"))


def test_xlsx_with_time_cells(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "fg.xlsx",
        [
            ["Start", "Speaker", "Text", "End"],
            [dt.time(0, 0, 1), "Moderator", "Welcome.", dt.time(0, 0, 3, 250_000)],
            [None, None, None, None],
            [83.5, "Dilnoza", "The makhalla helped.", "00:01:30"],
            ["00:01:30", "Dilnoza", "Twice.", dt.timedelta(seconds=95)],
            [100, 42, "A number as speaker.", None],
        ],
    )
    transcript = read_transcript(path)
    assert transcript.fmt == "xlsx"
    assert transcript.turns == (
        Turn("Moderator", "Welcome.", 1.0, 3.25),
        Turn("Dilnoza", "The makhalla helped. Twice.", 83.5, 95.0),
        Turn("42", "A number as speaker.", 100.0, None),
    )


def test_xlsx_unmapped_columns(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "bad.xlsx", [["A", "B", "C"], ["Dilnoza", "Salom", "x"]])
    with pytest.raises(IngestError, match=r"columns found: 'A', 'B', 'C'") as err:
        read_transcript(path)
    assert "Dilnoza" not in str(err.value)


def test_fake_xlsx(tmp_path: Path) -> None:
    path = _write(tmp_path, "fake.xlsx", "speaker,text\nDilnoza,Salom\n")
    with pytest.raises(IngestError, match=r"fake.xlsx: is not a valid .xlsx file") as err:
        read_transcript(path)
    assert "Dilnoza" not in str(err.value)


def test_map_columns() -> None:
    cols = tabular.map_columns(["End Time", "Speaker_Name", "utterance", "Start-Time"])
    assert cols == tabular.ColumnMap(speaker=1, text=2, start=3, end=0)
    assert tabular.map_columns(["speaker", "notes"]) is None


def test_xlsx_errors_use_spreadsheet_row_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A3"], sheet["B3"], sheet["C3"] = "start", "speaker", "text"
    sheet["A4"], sheet["B4"], sheet["C4"] = "later", "Dilnoza", "Salom"
    book.save(tmp_path / "offset.xlsx")
    with pytest.raises(IngestError, match=r"offset.xlsx: row 4, start column") as err:
        read_transcript(tmp_path / "offset.xlsx")
    assert "Dilnoza" not in str(err.value)


def _cache_formula_values(path: Path, values: dict[str, str]) -> Path:
    """Save ``values`` with the formulas of those cells, as Excel would (openpyxl
    writes formulas without a saved value)."""
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        pattern = rf'<c r="{ref}"><f>(.*?)</f><v></v></c>'
        cached = rf'<c r="{ref}" t="str"><f>\1</f><v>{value}</v></c>'
        sheet, found = re.subn(pattern, cached, sheet)
        assert found == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_xlsx_formula_without_saved_value_never_merges_turns(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "fg.xlsx",
        [
            ["speaker", "text"],
            ["Dilnoza", "I agree."],
            ['="P"&"7"', "Another person's turn."],
            ['="P"&"8"', "And a third person's."],
            [None, "Said on."],
            ["Dilnoza", '=UPPER("no")'],
            ["Dilnoza", "Yes."],
        ],
    )
    transcript = read_transcript(path)
    assert transcript.turns == (
        Turn("Dilnoza", "I agree."),
        Turn("Unknown", "Another person's turn."),
        Turn("Unknown", "And a third person's."),
        Turn("Unknown", "Said on."),
        Turn("Dilnoza", "Yes."),
    )
    assert transcript.notices == (
        "fg.xlsx: 3 cells hold a formula with no saved value and were skipped: "
        "Transcript!A3 (speaker), Transcript!A4 (speaker), Transcript!B6 (text). A row whose "
        "speaker was skipped is a turn of 'Unknown' of its own. Open the workbook in Excel "
        "and save it (Excel saves the formulas' values), or paste the formulas as values.",
    )


def test_xlsx_formula_reads_as_its_saved_value(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["speaker", "text"],
        ["Dilnoza", "I agree."],
        ['="P"&"7"', '="Ha"&"."'],
        ["Moderator", '=UPPER("no")'],
    ]
    path = _cache_formula_values(_xlsx(tmp_path / "fg.xlsx", rows), {"A3": "P7", "B3": "Ha."})
    transcript = read_transcript(path)
    assert transcript.turns == (
        Turn("Dilnoza", "I agree."),
        Turn("P7", "Ha."),
    )
    assert transcript.notices == (
        "fg.xlsx: Transcript!B4 (text) holds a formula with no saved value; it was skipped. "
        "Open the workbook in Excel and save it (Excel saves the formulas' values), or paste "
        "the formulas as values.",
    )


def test_xlsx_formula_notice_quotes_the_sheet_and_lists_ten_cells(tmp_path: Path) -> None:
    rows: list[list[object]] = [["speaker", "text"], ["P1", "Salom."]]
    rows += [["P1", f'=UPPER("{n}")'] for n in range(12)]
    transcript = read_transcript(_xlsx(tmp_path / "fg.xlsx", rows, first_sheet="Group 1"))
    (notice,) = transcript.notices
    assert "12 cells hold a formula" in notice
    assert "'Group 1'!B3 (text), " in notice and "'Group 1'!B12 (text) and 2 more." in notice
    assert "turn of 'Unknown'" not in notice


def test_xlsx_formulas_in_other_columns_are_not_reported(tmp_path: Path) -> None:
    rows: list[list[object]] = [["speaker", "text", "words"], ["P1", "Salom.", "=LEN(B2)"]]
    transcript = read_transcript(_xlsx(tmp_path / "fg.xlsx", rows))
    assert transcript.turns == (Turn("P1", "Salom."),)
    assert transcript.notices == ()


def test_corrupt_xlsx_names_the_file_only(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "fg.xlsx", [["speaker", "text"], ["Dilnoza", "Salom"]])
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row>Dilnoza"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(IngestError) as err:
        read_transcript(path)
    assert str(err.value).startswith("fg.xlsx: cannot read the Excel workbook: ")
    assert "Dilnoza" not in str(err.value) and str(tmp_path) not in str(err.value)


def test_xlsx_of_formulas_only_says_why_it_has_no_turns(tmp_path: Path) -> None:
    rows: list[list[object]] = [["speaker", "text"], ["P1", '=UPPER("a")']]
    with pytest.raises(IngestError) as err:
        read_transcript(_xlsx(tmp_path / "fg.xlsx", rows))
    message = str(err.value)
    assert "fg.xlsx: no speaker turns found." in message
    assert "fg.xlsx: Transcript!B2 (text) holds a formula with no saved value" in message


def test_xlsx_text_that_starts_with_equals_is_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Лист1"
    sheet.append(["speaker", "text"])
    sheet.append(["P1", None])
    sheet["B2"] = "= not a formula, a quote"
    sheet["B2"].data_type = "s"  # as Excel stores '= typed with a leading apostrophe
    sheet.append(["P2", "=UPPER(B2)"])
    book.save(tmp_path / "fg.xlsx")
    transcript = read_transcript(tmp_path / "fg.xlsx")
    assert transcript.turns == (Turn("P1", "= not a formula, a quote"),)
    assert transcript.notices[0].startswith(
        "fg.xlsx: Лист1!B3 (text) holds a formula with no saved value; it was skipped."
    )


def test_csv_that_defeats_the_sniffer_is_read_quickly(tmp_path: Path) -> None:
    """csv.Sniffer's regexes are quadratic or worse: this 20 KB file took 18 s."""
    path = _write(tmp_path, "q.csv", "speaker,text\n" + '\n"' * 10_000)
    began = time.monotonic()
    with pytest.raises(IngestError):
        read_transcript(path)
    assert time.monotonic() - began < 3


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_csv_whose_first_row_is_long_keeps_its_delimiter(tmp_path: Path, delimiter: str) -> None:
    """The sniffed sample (2,000 characters) ends inside the first row."""
    long = "word, " * 1_000
    text = f"speaker{delimiter}text\nP1{delimiter}{long}\nP2{delimiter}Salom, opa.\n"
    turns = read_transcript(_write(tmp_path, "t.csv", text)).turns
    assert [(t.speaker, t.text) for t in turns] == [("P1", long.strip()), ("P2", "Salom, opa.")]


def test_xlsx_header_below_blank_rows_keeps_every_column(tmp_path: Path) -> None:
    rows: list[list[object]] = [["  "], [None, None, None], ["speaker", "text", "start"]]
    rows += [["P1"], ["P2", "Salom.", "00:00:02", "beyond the header"]]
    transcript = read_transcript(_xlsx(tmp_path / "fg.xlsx", rows))
    assert transcript.turns == (Turn("P2", "Salom.", 2.0),)
