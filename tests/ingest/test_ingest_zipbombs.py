"""Zip bombs in .docx and .xlsx files: refused while inflating, in bounded memory, with
an error that names the file (base name only), the limit and what to do."""

from __future__ import annotations

import io
import json
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from itertools import chain, repeat
from pathlib import Path

import docx
import openpyxl
import pytest

from qualcode.errors import IngestError, InputError
from qualcode.ingest import read_transcript, tabular
from qualcode.ingest.safety import MAX_ZIP_MEMBER_BYTES, ZipLimits, check_zip

DOCUMENT = "word/document.xml"
SHEETS = ("xl/worksheets/",)
MB = 1_000_000
SRC = Path(__file__).resolve().parents[2] / "src"


def _blank_docx_parts() -> dict[str, bytes]:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_zip(path: Path, parts: dict[str, bytes], big: str, content: Iterable[bytes]) -> Path:
    """A zip of ``parts`` whose member ``big`` is streamed from ``content``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            if name != big:
                archive.writestr(name, data)
        with archive.open(big, "w") as member:
            for chunk in content:
                member.write(chunk)
    return path


def _document(body: Iterable[bytes]) -> Iterator[bytes]:
    """word/document.xml with the chunks of ``body`` inside <w:body>."""
    head, _, tail = _blank_docx_parts()[DOCUMENT].partition(b"<w:body>")
    yield head + b"<w:body>"
    yield from body
    yield tail


def _noisy(megabytes: int, wrap: bytes, noise: int) -> Iterator[bytes]:
    """``megabytes`` MB of 40 XML items of 25 KB per MB (``wrap % text``), each text
    ``noise`` random bytes (as hex) then a run of one letter; the period is longer than
    deflate's 32 KB window, so every MB compresses like the first."""
    rng = random.Random(0)
    size = MB // 40 - len(wrap % b"")
    texts = [(b"P1: " + rng.randbytes(noise).hex().encode()).ljust(size, b"a") for _ in range(40)]
    chunk = b"".join(wrap % text for text in texts)
    assert len(chunk) == MB
    return repeat(chunk, megabytes)


def _text_bomb(path: Path, megabytes: int, *, noise: int = 380) -> Path:
    """A .docx whose document.xml is ``megabytes`` MB of paragraphs; by default they
    compress about 40 to 1, inside the 100 to 1 ratio limit, like the reviewed bomb
    (195 MB at 39 to 1)."""
    paragraphs = _noisy(megabytes, b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>", noise)
    return _write_zip(path, _blank_docx_parts(), DOCUMENT, _document(paragraphs))


def _paragraph_bomb(path: Path, megabytes: int) -> Path:
    """``megabytes`` MB of empty paragraphs with random ids: 38,000 XML elements a MB,
    compressing about 5 to 1."""
    rng = random.Random(0)
    chunk = b"".join(
        b'<w:p w:rsidR="%s"/>' % rng.randbytes(4).hex().encode() for _ in range(38_000)
    )
    body = repeat(chunk.ljust(MB, b" "), megabytes)
    return _write_zip(path, _blank_docx_parts(), DOCUMENT, _document(body))


def _patch_sizes(data: bytes, member: str, declared: int, crc: int | None) -> bytes:
    """``data`` with ``member``'s uncompressed size (and CRC) in its local and central
    headers replaced: a header that lies."""
    out, name = bytearray(data), member.encode()
    for signature, name_len_at, name_at, crc_at, size_at in (
        (b"PK\x03\x04", 26, 30, 14, 22),
        (b"PK\x01\x02", 28, 46, 16, 24),
    ):
        at = out.find(signature)
        while at != -1:
            (length,) = struct.unpack_from("<H", out, at + name_len_at)
            if out[at + name_at : at + name_at + length] == name:
                struct.pack_into("<I", out, at + size_at, declared)
                if crc is not None:
                    struct.pack_into("<I", out, at + crc_at, crc)
            at = out.find(signature, at + 4)
    return bytes(out)


def _lying_docx(path: Path, real_megabytes: int, *, prefix_crc: bool) -> Path:
    """A .docx whose document.xml declares 4 KB but inflates to ``real_megabytes`` MB
    (compressing some 200 to 1); with ``prefix_crc`` the CRC matches the first 4 KB, so
    a reader stopping at the declared size finds nothing wrong."""
    _text_bomb(path, real_megabytes, noise=0)
    crc = None
    if prefix_crc:
        with zipfile.ZipFile(path) as archive, archive.open(DOCUMENT) as member:
            crc = zlib.crc32(member.read(4096))
    path.write_bytes(_patch_sizes(path.read_bytes(), DOCUMENT, 4096, crc))
    return path


def _refused(path: Path) -> str:
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert isinstance(err.value, IngestError)
    message = str(err.value)
    assert message.startswith(f"{path.name}: ")
    assert str(path.parent) not in message  # no server path
    return message


def test_a_part_past_the_member_limit_is_refused(tmp_path: Path) -> None:
    path = _text_bomb(tmp_path / "fg.docx", 60)
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo(DOCUMENT)
        assert 20 < member.file_size / member.compress_size < 100
    message = _refused(path)
    assert "a part of this .docx file unpacks to more than 50.0 MB, the limit for one part" in (
        message
    )
    assert "Split the document into smaller files, or save it as plain text (.txt)" in message


def test_empty_paragraphs_past_the_element_limit_are_refused(tmp_path: Path) -> None:
    message = _refused(_paragraph_bomb(tmp_path / "fg.docx", 30))
    assert "holds more than 750,000 XML elements and attributes, the limit for a .docx file" in (
        message
    )
    assert "zip bomb" in message and "Split the document" in message


def test_the_total_limit_counts_every_part(tmp_path: Path) -> None:
    parts = _blank_docx_parts()
    path = _write_zip(tmp_path / "fg.docx", parts, "word/media/a.bin", [bytes(400_000)])
    limits = ZipLimits(total_bytes=300_000, ratio=1e6)
    with pytest.raises(IngestError, match=r"^fg.docx: unpacks to more than 300.0 KB in all"):
        check_zip(
            path.read_bytes(), str(path), kind=".docx", required_member=DOCUMENT, limits=limits
        )


@pytest.mark.parametrize(
    ("prefix_crc", "why"),
    [
        (True, "a part is damaged"),  # the full stream does not match the CRC
        (False, "a part unpacks to a size other than its header declares"),
    ],
)
def test_a_header_that_lies_about_the_size_is_refused(
    tmp_path: Path, prefix_crc: bool, why: str
) -> None:
    path = _lying_docx(tmp_path / "fg.docx", 2, prefix_crc=prefix_crc)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(DOCUMENT).file_size == 4096
    message = _refused(path)
    assert f"fg.docx: is not a valid .docx file ({why})" in message
    assert "Open it in Word and save it again, or save it as plain text (.txt)" in message


def test_a_lying_header_over_the_limit_is_refused_at_the_limit(tmp_path: Path) -> None:
    message = _refused(_lying_docx(tmp_path / "fg.docx", 60, prefix_crc=True))
    assert "unpacks to more than 50.0 MB, the limit for one part" in message


def test_a_part_compressed_as_office_never_does_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fg.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in _blank_docx_parts().items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_BZIP2)
    message = _refused(path)
    assert "a part is encrypted or compressed in a way Office never uses" in message


def test_xlsx_shared_strings_bomb_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["speaker", "text"])
    sheet.append(["Moderator", "Salom"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings = chain([b"<sst>"], _noisy(60, b"<si><t>%s</t></si>", 380), [b"</sst>"])
    path = _write_zip(tmp_path / "fg.xlsx", parts, "xl/sharedStrings.xml", strings)
    message = _refused(path)
    assert "a part of this .xlsx file unpacks to more than 50.0 MB" in message
    assert "Split the workbook into smaller files, or save the transcript sheet as CSV" in message


def test_a_real_document_passes(tmp_path: Path) -> None:
    document = docx.Document()
    for n in range(2_000):
        document.add_paragraph(f"P{n % 9}: a turn of an ordinary focus group, number {n}.")
    path = tmp_path / "fg.docx"
    document.save(str(path))
    assert len(read_transcript(path).turns) == 2_000


# peak RSS from VmHWM: ru_maxrss keeps the parent's peak across fork and exec
_MEASURE = """
import json, re, sys
from pathlib import Path
from qualcode.errors import IngestError
from qualcode.ingest import read_transcript
refused = []
for path in sys.argv[1:]:
    try:
        read_transcript(Path(path))
    except IngestError as err:
        refused.append(str(err))
status = Path("/proc/self/status").read_text()
peak = int(re.search(r"VmHWM:\\s*(\\d+) kB", status)[1]) * 1024
print(json.dumps({"refused": refused, "peak": peak}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_bombs_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Both reviewed bombs, well past the limit, in a fresh process: peak RSS < 500 MB.
    (Before the limits were enforced while inflating: 4.1 GB and 2.3 GB at full size.)"""
    bombs = [
        _text_bomb(tmp_path / "big.docx", 195),
        _lying_docx(tmp_path / "lying.docx", 600, prefix_crc=True),
    ]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *map(str, bombs)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    result = json.loads(done.stdout)
    assert len(result["refused"]) == 2
    assert all(f"more than {MAX_ZIP_MEMBER_BYTES // MB}.0 MB" in m for m in result["refused"])
    assert result["peak"] < 500 * MB


def test_the_node_limit_spares_streamed_worksheets_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl streams the worksheet (its size is bounded by MAX_ROWS), but reads the
    styles and shared strings as a whole."""
    monkeypatch.setattr(tabular, "_XLSX_LIMITS", ZipLimits(xml_nodes=8_000, streamed=SHEETS))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["speaker", "text"])
    for n in range(1_000):  # some 12,000 nodes in the worksheet
        sheet.append([f"P{n % 5}", f"turn {n}"])
    path = tmp_path / "fg.xlsx"
    book.save(path)
    assert len(read_transcript(path).turns) == 1_000
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    styles = [b"<styleSheet>", *[b"<x/>" * 10_000], b"</styleSheet>"]
    _write_zip(path, parts, "xl/styles.xml", styles)
    assert "holds more than 8,000 XML elements and attributes" in _refused(path)
