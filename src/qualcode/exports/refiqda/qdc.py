"""REFI-QDA codebooks (``.qdc``): export the project's codebook, read one from another
tool (NVivo, ATLAS.ti, MAXQDA ...) as a qualcode codebook, and add its codes to a project.

Reading is hostile-input safe (see :mod:`qualcode.exports.refiqda.validate`): size limit, no
DTDs or entities, schema-checked before anything is taken from it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from qualcode.codebook.edit import add_code
from qualcode.codebook.load import codebook_to_dict, parse_codebook
from qualcode.errors import InputError
from qualcode.exports.refiqda.codes import (
    IdMaker,
    codes_element,
    parse_description,
    project_codes,
    valid_id,
)
from qualcode.exports.refiqda.common import ORIGIN, QDC_NS, serialise
from qualcode.exports.refiqda.validate import check_own_output, check_tree, parse_xml, read_limited
from qualcode.exports.safefiles import write_atomic
from qualcode.review.selection import Selection
from qualcode.store import Store

NO_DESCRIPTION = "(No description in the imported REFI-QDA codebook; write a definition.)"
UNNAMED = "Unnamed code"
MAX_CODES = 5000
_CODE = f"{{{QDC_NS}}}Code"
_DESCRIPTION = f"{{{QDC_NS}}}Description"


def export_qdc(store: Store, path: Path, selection: Selection | None = None) -> int:
    """Write the project's current codebook (the codes ``selection`` keeps, nested by
    parent) as a REFI-QDA ``.qdc``; return the number of codes."""
    path = Path(path)
    codes = project_codes(store, selection)
    if not codes:
        raise InputError(
            f"No codes to export to {path}: the project has no codebook, or the selection "
            "keeps none of its codes.",
            hint="Load a codebook (`qualcode process --codebook FILE`) or widen the selection.",
        )
    root = etree.Element(f"{{{QDC_NS}}}CodeBook", nsmap={None: QDC_NS}, origin=ORIGIN)
    count = codes_element(root, QDC_NS, codes)
    data = serialise(root)
    check_own_output(data, "qdc", path)
    write_atomic(path, data)
    return count


def read_qdc(path: Path) -> dict[str, Any]:
    """A ``.qdc`` as qualcode codebook content (what ``parse_codebook`` accepts): ids
    from the names (or from a qualcode export's ``qualcode id``), hierarchy as ``parent``,
    descriptions as definitions."""
    path = Path(path)
    data = read_limited(path)
    if data.startswith(b"PK\x03\x04"):
        raise InputError(
            f"{path} is a ZIP archive (a .qdpx project?), not a .qdc codebook.",
            hint="Export the codebook alone, as .qdc, from the other program.",
        )
    tree = parse_xml(data, str(path))
    check_tree(tree, "qdc", str(path))
    root = tree.getroot()
    origin = root.get("origin")
    content = {
        "name": path.stem or "Imported codebook",
        "version": "1",
        "description": f"Imported from the REFI-QDA codebook {path.name}"
        + (f" (made by {origin})." if origin else "."),
        "codes": _codes(root, str(path)),
    }
    return codebook_to_dict(parse_codebook(content, source=str(path)))


def _collect(
    holder: etree._Element, parent: int | None, out: list[tuple[etree._Element, int | None]]
) -> None:
    """Every ``<Code>`` under ``holder``, depth first, with its parent's position in
    ``out`` (lxml's depth limit bounds the recursion)."""
    for element in holder.iterchildren(_CODE):
        out.append((element, parent))
        _collect(element, len(out) - 1, out)


def _codes(root: etree._Element, source: str) -> list[dict[str, Any]]:
    found: list[tuple[etree._Element, int | None]] = []
    for holder in root.iterchildren(f"{{{QDC_NS}}}Codes"):
        _collect(holder, None, found)
    if len(found) > MAX_CODES:
        raise InputError(
            f"{source} holds {len(found)} codes; qualcode imports at most {MAX_CODES}.",
            hint="Split the codebook in the other program and import the parts.",
        )
    fields = [_fields(element) for element, _ in found]
    ids = _assign_ids(fields, [element.get("guid", "") for element, _ in found])
    return [
        {"id": ids[i], "label": f.get("label") or UNNAMED, "definition": NO_DESCRIPTION}
        | {k: v for k, v in f.items() if k not in ("id", "label") and v}
        | {"parent": None if parent is None else ids[parent]}
        for i, (f, (_, parent)) in enumerate(zip(fields, found, strict=True))
    ]


def _fields(element: etree._Element) -> dict[str, Any]:
    """A ``<Code>``'s name and what its description holds (see ``parse_description``)."""
    description = element.find(_DESCRIPTION)
    text = description.text if description is not None and description.text else ""
    return parse_description(text) | {"label": " ".join((element.get("name") or "").split())}


def _assign_ids(fields: list[dict[str, Any]], guids: list[str]) -> list[str]:
    """Each code's id: the ``qualcode id`` a qualcode export wrote, when valid and unique;
    else one derived from the name, made unique with a suffix."""
    explicit: dict[int, str] = {}
    maker = IdMaker()
    for i, f in enumerate(fields):
        if valid_id(f.get("id")) and f["id"] not in maker.taken:
            explicit[i] = f["id"]
            maker.taken.add(f["id"])
    return [
        explicit.get(i)
        or maker.new(f.get("label") or UNNAMED, re.sub(r"[^0-9a-f]", "", guids[i].lower())[:8])
        for i, f in enumerate(fields)
    ]


def import_qdc(store: Store, path: Path, user: str) -> list[str]:
    """Add the codes of a ``.qdc`` to the project's codebook (``codebook.edit.add_code``,
    so each gets a history entry by ``user``).  Codes whose id the project already has
    (in any state) are skipped; a skipped code's children attach to the project's code
    of that id when it is active, else become top-level.  All or nothing; returns the
    ids added."""
    path = Path(path)
    codes = read_qdc(path)["codes"]
    existing = {r["id"] for r in store.codebook.code_records()}
    active = {c["id"] for c in store.codebook.current_codebook_content()["codes"]}
    new = [c for c in codes if c["id"] not in existing]
    usable = active | {c["id"] for c in new}
    new = [c | {"parent": c["parent"] if c["parent"] in usable else None} for c in new]
    note = f"imported from {path.name}"
    with store.atomic():
        for code in new:
            add_code(store, code, user, note=note)
    return [c["id"] for c in new]
