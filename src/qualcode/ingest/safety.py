"""Defences against files that are too big, binary, oddly encoded or zip bombs.

Every error names the file and the limit; none quotes the file's content.  The errors
about Office files (zip archives) name the file by its base name only: the path may be
a server's upload folder.
"""

from __future__ import annotations

import codecs
import copy
import io
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePath

from charset_normalizer import from_bytes

from qualcode.errors import IngestError

MAX_ZIP_MEMBER_BYTES = 50_000_000  # bytes one member of a .docx / .xlsx unpacks to
MAX_ZIP_TOTAL_BYTES = 100_000_000  # bytes all members of a .docx / .xlsx unpack to
# XML elements and attributes in all members together: python-docx keeps a part's
# whole tree in memory, a few hundred bytes a node (950,000 empty paragraphs: 548 MB
# peak; at this limit about 420 MB).  An empty document's own parts hold ~50,000; a
# long real transcript adds tens of thousands.
MAX_ZIP_XML_NODES = 750_000
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


def display_name(source: str) -> str:
    """The base name of ``source``, as errors about a user's file show it."""
    return PurePath(source).name or source


@dataclass(frozen=True)
class ZipLimits:
    """What an Office file (a zip archive) may unpack to: bytes per member and in all,
    XML elements and attributes in all (except in members under ``streamed``, which the
    library reads as a stream, not a tree), members, and the compression ratio of
    members above ``ratio_floor`` bytes."""

    member_bytes: int = MAX_ZIP_MEMBER_BYTES
    total_bytes: int = MAX_ZIP_TOTAL_BYTES
    xml_nodes: int = MAX_ZIP_XML_NODES
    members: int = MAX_ZIP_MEMBERS
    ratio: float = MAX_ZIP_RATIO
    ratio_floor: int = MAX_ZIP_RATIO_FLOOR
    streamed: tuple[str, ...] = ()  # member name prefixes


_CHUNK = 64 * 1024  # bytes inflated at a time while checking
_OFFICE_COMPRESSION = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_ENCRYPTED = 0x1  # general purpose flag bit 0
_NOUNS = {".docx": "document", ".xlsx": "workbook"}
_SMALLER = {
    ".docx": "Split the document into smaller files, or save it as plain text (.txt) and "
    "ingest that.",
    ".xlsx": "Split the workbook into smaller files, or save the transcript sheet as CSV "
    "and ingest that.",
}
_RESAVE = {
    ".docx": "Open it in Word and save it again, or save it as plain text (.txt) and ingest that.",
    ".xlsx": "Open it in Excel and save it again, or save the transcript sheet as CSV and "
    "ingest that.",
}
# zipfile, zlib and the archive's own damage raise these while a member is inflated
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)


class _ZipCheck:
    """One pass over an archive, inflating every member in chunks and counting."""

    def __init__(self, source: str, kind: str, limits: ZipLimits) -> None:
        self.name, self.kind, self.limits = display_name(source), kind, limits
        self.total = 0
        self.nodes = 0

    def invalid(self, why: str) -> IngestError:
        return IngestError(
            f"{self.name}: is not a valid {self.kind} file ({why}).",
            hint=_RESAVE.get(self.kind, f"Save it again as {self.kind}."),
        )

    def too_big(self, what: str) -> IngestError:
        noun = _NOUNS.get(self.kind, "file")
        return IngestError(
            f"{self.name}: {what} (a zip bomb, or a {noun} too large to read safely).",
            hint=_SMALLER.get(self.kind, "Split it into smaller files."),
        )

    def open(self, data: bytes) -> zipfile.ZipFile:
        try:
            return zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise self.invalid("not a readable zip archive") from None

    def members(self, archive: zipfile.ZipFile, required: str) -> list[zipfile.ZipInfo]:
        members = archive.infolist()
        if required not in {member.filename for member in members}:
            raise self.invalid(f"no {required} part")
        if len(members) > self.limits.members:
            raise IngestError(
                f"{self.name}: has {len(members):,} parts, over the {self.limits.members:,} "
                f"limit for a {self.kind} file.",
                hint=_SMALLER.get(self.kind, "Split it into smaller files."),
            )
        return members

    def inflate(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
        """Inflate ``member`` in chunks, discarding them, and check what came out.

        The member is read to the end of its compressed data, whatever size its header
        declares: zipfile's ``read()`` inflates all of a member's compressed data at once
        and only then cuts it to the declared size, so a header that lies about the size
        would let a library inflate gigabytes.
        """
        if member.compress_type not in _OFFICE_COMPRESSION or member.flag_bits & _ENCRYPTED:
            raise self.invalid("a part is encrypted or compressed in a way Office never uses")
        probe = copy.copy(member)
        # read on past a lying header, and past the limit by more than one chunk: at the
        # declared size zipfile checks the CRC, which the cut-off data would fail
        probe.file_size = self.limits.member_bytes + _CHUNK + 1
        size = 0
        tree = not member.filename.startswith(self.limits.streamed)
        with archive.open(probe) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                self.count(chunk, size, tree)
        if size != member.file_size:
            raise self.invalid("a part unpacks to a size other than its header declares")
        ratio = size / max(member.compress_size, 1)
        if size > self.limits.ratio_floor and ratio > self.limits.ratio:
            raise self.too_big(
                f"a part of this {self.kind} file is compressed {ratio:.0f} to 1, over the "
                f"{self.limits.ratio:.0f} to 1 limit"
            )

    def count(self, chunk: bytes, member_size: int, tree: bool) -> None:
        """Count ``chunk`` (of a member read as a tree, with ``tree``) and check."""
        limits = self.limits
        self.total += len(chunk)
        if tree:  # an upper bound: start tags ("<" not followed by "/", "!" or "?") and
            # attribute values (="..." or ='...'), which text may hold too
            self.nodes += chunk.count(b"<") - sum(map(chunk.count, (b"</", b"<!", b"<?")))
            self.nodes += chunk.count(b'="') + chunk.count(b"='")
        if member_size > limits.member_bytes:
            raise self.too_big(
                f"a part of this {self.kind} file unpacks to more than "
                f"{human_size(limits.member_bytes)}, the limit for one part"
            )
        if self.total > limits.total_bytes:
            raise self.too_big(
                f"unpacks to more than {human_size(limits.total_bytes)} in all, the limit "
                f"for a {self.kind} file"
            )
        if self.nodes > limits.xml_nodes:
            raise self.too_big(
                f"holds more than {limits.xml_nodes:,} XML elements and attributes, the "
                f"limit for a {self.kind} file"
            )


def check_zip(
    data: bytes,
    source: str,
    *,
    kind: str,
    required_member: str,
    limits: ZipLimits | None = None,
) -> None:
    """Check an Office file (a zip archive) before a library unpacks it.

    It must be a readable zip holding ``required_member``.  Every member is inflated
    here, in chunks and discarded, so the checks count the bytes that really come out,
    not the sizes the archive declares: each member within ``limits.member_bytes``, all
    together within ``limits.total_bytes`` and ``limits.xml_nodes``, no member above
    ``limits.ratio_floor`` bytes compressed more than ``limits.ratio`` to 1, and every
    member exactly as big as its header says (so the library, which trusts the header,
    inflates no more than was counted here).  Memory stays at the file plus one chunk.
    Raises :class:`IngestError` naming the file (base name) and the limit.
    """
    check = _ZipCheck(source, kind, limits or ZipLimits())
    with check.open(data) as archive:
        for member in check.members(archive, required_member):
            try:
                check.inflate(archive, member)
            except _DAMAGED:
                raise check.invalid("a part is damaged") from None
