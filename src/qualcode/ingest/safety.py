"""Defences against files that are too big, binary, oddly encoded or zip bombs.

Every error names the file and the limit; none quotes the file's content.
"""

from __future__ import annotations

import codecs
import io
import stat
import zipfile
from pathlib import Path

from charset_normalizer import from_bytes

from qualcode.errors import IngestError

MAX_ZIP_UNCOMPRESSED = 200_000_000  # bytes, all members of a .docx / .xlsx together
MAX_ZIP_RATIO = 100  # uncompressed / compressed, for members above MAX_ZIP_RATIO_FLOOR
MAX_ZIP_RATIO_FLOOR = 2_000_000  # bytes; small members may compress as well as they like
MAX_ZIP_MEMBERS = 10_000
MAX_CONTROL_CHAR_SHARE = 0.01  # of characters; more and the "text" is binary data

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def human_size(n: int) -> str:
    """``20000000`` -> ``"20.0 MB"`` (decimal units, as file managers show them)."""
    units = ("bytes", "KB", "MB", "GB")
    value, i = float(n), 0
    while value >= 1000 and i < len(units) - 1:
        value, i = value / 1000, i + 1
    return f"{n} bytes" if i == 0 else f"{value:.1f} {units[i]}"


def _stat_regular(path: Path, source: str) -> int:
    """The size of ``path``, which must be an existing regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError(f"{source}: file not found.") from None
    except OSError as exc:
        raise IngestError(f"{source}: cannot read the file ({exc.strerror}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{source}: is a folder, not a transcript file.")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(f"{source}: is not a regular file.")
    return info.st_size


def _too_big(source: str, size: int, max_bytes: int) -> IngestError:
    return IngestError(
        f"{source}: the file is {human_size(size)}, over the {human_size(max_bytes)} limit "
        "for one transcript.",
        hint="Split it into smaller files or raise the limit (max_bytes).",
    )


def read_limited(path: Path, max_bytes: int, source: str | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them; errors call
    the file ``source`` (default: its path)."""
    source = source or str(path)
    size = _stat_regular(path, source)
    if size > max_bytes:
        raise _too_big(source, size, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise IngestError(f"{source}: cannot read the file ({exc.strerror}).") from None
    if len(data) > max_bytes:
        raise _too_big(source, len(data), max_bytes)
    return data


def _not_text(source: str) -> IngestError:
    return IngestError(
        f"{source}: does not look like a text file (binary data or an unknown encoding).",
        hint="Save it as UTF-8 text (in Word: File > Save As > Plain Text, UTF-8).",
    )


def _decode_bytes(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise _not_text(source) from None
    if b"\x00" in data:
        raise _not_text(source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise _not_text(source)
    return str(best)


def decode_text(data: bytes, source: str) -> str:
    """Text from bytes: a BOM (UTF-8/16/32), else UTF-8, else a detected legacy encoding.

    Legacy encodings (cp1251 Cyrillic, cp1252, KOI8-R ...) are detected with
    charset-normalizer.  NUL bytes or many control characters mean binary data:
    IngestError.  Line endings come back as ``"\\n"``; a leading BOM is removed.
    """
    text = _decode_bytes(data, source).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    if "\x00" in text or controls > max(1, len(text) * MAX_CONTROL_CHAR_SHARE):
        raise _not_text(source)
    return text


def _zip_members(data: bytes, source: str, kind: str, required: str) -> list[zipfile.ZipInfo]:
    not_office = IngestError(
        f"{source}: is not a valid {kind} file (not a readable zip archive).",
        hint=f"Open it in its application and save it again as {kind}.",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise not_office from None
    if required not in {member.filename for member in members}:
        raise not_office
    if len(members) > MAX_ZIP_MEMBERS:
        raise IngestError(f"{source}: has {len(members)} parts, over {MAX_ZIP_MEMBERS}.")
    return members


def check_zip(
    data: bytes,
    source: str,
    *,
    kind: str,
    required_member: str,
    max_total: int = MAX_ZIP_UNCOMPRESSED,
    max_ratio: float = MAX_ZIP_RATIO,
    ratio_floor: int = MAX_ZIP_RATIO_FLOOR,
) -> None:
    """Check an Office file (a zip archive) before a library unpacks it.

    It must be a readable zip holding ``required_member``, with at most ``max_total``
    bytes uncompressed and no member above ``ratio_floor`` bytes compressed more than
    ``max_ratio`` to 1 (zip bombs).  The sizes are those the archive declares;
    Python's zipfile never inflates a member past its declared size.
    """
    members = _zip_members(data, source, kind, required_member)
    total = sum(member.file_size for member in members)
    if total > max_total:
        raise IngestError(
            f"{source}: unpacks to {human_size(total)}, over the {human_size(max_total)} "
            f"limit for a {kind} file (possibly a zip bomb)."
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > ratio_floor and ratio > max_ratio:
            raise IngestError(
                f"{source}: a part of the {kind} file is compressed {ratio:.0f} to 1, "
                f"over the {max_ratio:.0f} to 1 limit (possibly a zip bomb)."
            )
