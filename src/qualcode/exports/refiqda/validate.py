"""Read REFI-QDA files safely and check them against the vendored 1.0 schemas.

Input from other tools is hostile until checked: files over :data:`MAX_INPUT_BYTES`
are refused unread, XML is parsed with entity resolution, DTD loading and network
access off (no XXE, no billion laughs), and a document that declares a DTD at all is
refused (REFI-QDA files never need one).  Every error names the file and, where there
is one, the line.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path
from typing import Literal

from lxml import etree

from qualcode.errors import InputError, PipelineError
from qualcode.exports.refiqda.common import QDC_NS, QDE_NS

MAX_INPUT_BYTES = 20 * 1024 * 1024
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
PROJECT_ENTRY = "project.qde"
Kind = Literal["qdc", "qde", "qdpx"]
_ROOTS = {"qdc": (QDC_NS, "CodeBook", "Codebook.xsd"), "qde": (QDE_NS, "Project", "Project.xsd")}
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_WHAT = {"qdc": "REFI-QDA codebook", "qde": "REFI-QDA project"}


@cache
def schema(kind: Literal["qdc", "qde"]) -> etree.XMLSchema:
    """The compiled schema for a ``.qdc`` or a ``project.qde`` (our own trusted file)."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / _ROOTS[kind][2])))


def _too_big(source: str) -> InputError:
    return InputError(
        f"{source} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; qualcode refuses "
        "REFI-QDA files that large.",
        hint="Export a smaller file from the other tool (the codebook only, or fewer "
        "documents) and try again.",
    )


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``, refused unread when over :data:`MAX_INPUT_BYTES`."""
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise _too_big(str(path))
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path} not found.", hint="Check the path.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a file.", hint="Give the file.") from None
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from None
    if len(data) > MAX_INPUT_BYTES:
        raise _too_big(str(path))
    return data


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _dtd_refused(source: str) -> InputError:
    return InputError(
        f"{source} declares a DTD (<!DOCTYPE ...>); REFI-QDA files never do, and qualcode "
        "does not load DTDs or expand entities.",
        hint="Export the file again from the QDA program, unchanged.",
    )


def _declares_dtd(data: bytes) -> bool:
    """A ``<!DOCTYPE`` before the root element (ASCII-compatible encodings; the parsed
    document is checked again, whatever its encoding)."""
    root = _ROOT_START.search(data)
    return b"<!DOCTYPE" in (data[: root.start()] if root else data)


def parse_xml(data: bytes, source: str) -> etree._ElementTree:
    """Parse untrusted XML; a syntax error or any DTD is an InputError naming ``source``."""
    if _declares_dtd(data):
        raise _dtd_refused(source)
    try:
        tree = etree.parse(io.BytesIO(data), _safe_parser())
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        raise InputError(
            f"{source} is not well-formed XML ({line}{exc.msg}).",
            hint="Check it is a REFI-QDA file exported by a QDA program, not damaged or "
            "another kind of file.",
        ) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _dtd_refused(source)
    return tree


def check_tree(tree: etree._ElementTree, kind: Literal["qdc", "qde"], source: str) -> None:
    """Refuse a document whose root is not the ``kind``'s, or that breaks its schema
    (the first schema error, with its line)."""
    ns, name, _ = _ROOTS[kind]
    root = tree.getroot()
    if root.tag != f"{{{ns}}}{name}":
        raise InputError(
            f"{source} (line {root.sourceline}): the root element is {root.tag!r}, not a "
            f"{_WHAT[kind]} <{name}> in namespace {ns}.",
            hint="Check you chose the right file and that it is REFI-QDA 1.0.",
        )
    checker = schema(kind)
    if not checker.validate(tree):
        err = checker.error_log[0]
        message = err.message.replace(f"{{{ns}}}", "")
        raise InputError(
            f"{source} is not a valid {_WHAT[kind]} (line {err.line}: {message}).",
            hint="Export it again from the QDA program, or fix the line named.",
        )


def project_entry(qdpx: Path | bytes, source: str) -> bytes:
    """The ``project.qde`` inside a ``.qdpx`` (a ZIP, of any size: the sources are not
    read), refused when over the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(qdpx) if isinstance(qdpx, bytes) else qdpx) as archive:
            info = archive.getinfo(PROJECT_ENTRY)
            if info.file_size > MAX_INPUT_BYTES:
                raise _too_big(f"{source}:{PROJECT_ENTRY}")
            with archive.open(info) as handle:
                qde = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{source} not found.", hint="Check the path.") from None
    except (zipfile.BadZipFile, KeyError, IsADirectoryError):
        raise InputError(
            f"{source} is not a REFI-QDA project: a .qdpx is a ZIP holding {PROJECT_ENTRY}.",
            hint="Check you chose the right file.",
        ) from None
    if len(qde) > MAX_INPUT_BYTES:
        raise _too_big(f"{source}:{PROJECT_ENTRY}")
    return qde


def validate(source: Path | bytes, kind: Kind, *, name: str | None = None) -> None:
    """Check a ``.qdc``, a ``project.qde`` or a ``.qdpx`` (its ``project.qde``), as a path
    or bytes, against the REFI-QDA 1.0 schema; an InputError names the file (``name`` for
    bytes), the line and the first problem."""
    if kind not in ("qdc", "qde", "qdpx"):
        raise InputError(f"Unknown REFI-QDA file kind {kind!r}; use qdc, qde or qdpx.")
    name = name or ("(data)" if isinstance(source, bytes) else str(source))
    if kind == "qdpx":
        qde = project_entry(source if isinstance(source, bytes) else Path(source), name)
        name = f"{name}:{PROJECT_ENTRY}"
        check_tree(parse_xml(qde, name), "qde", name)
        return
    data = source if isinstance(source, bytes) else read_limited(Path(source))
    check_tree(parse_xml(data, name), kind, name)


def check_own_output(data: bytes, kind: Kind, path: Path) -> None:
    """The exporters' self-check: output that breaks the schema is a bug, reported as
    such and never written."""
    try:
        validate(data, kind, name=f"the generated {kind} document")
    except InputError as exc:
        raise PipelineError(
            f"The REFI-QDA export to {path} did not pass the schema check, so nothing was "
            f"written: {exc.message}",
            hint="This is a bug in qualcode; please report it with the message above.",
        ) from None
