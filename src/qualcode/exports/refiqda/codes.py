"""Codes as REFI-QDA ``<Code>`` elements and back.

A REFI-QDA code has a name, a GUID and one plain-text ``<Description>``.  qualcode's
definition, inclusion, exclusion, examples and keywords go into that description as
readable sections (``Definition: ...``, ``Examples:`` with ``- `` items ...), ending with
``qualcode id: <id>`` so a round trip keeps the id.  :func:`parse_description` reads
those sections back; a description in any other form becomes the definition.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lxml import etree

from qualcode.codebook.load import ID_PATTERN
from qualcode.exports.refiqda.common import guid, sub, text_child
from qualcode.review.selection import Selection
from qualcode.store import Store
from qualcode.store.codebook_history import code_content

_TEXT_SECTIONS = (
    ("Definition", "definition"),
    ("Inclusion", "inclusion"),
    ("Exclusion", "exclusion"),
)
_LIST_SECTIONS = (("Examples", "examples"), ("Keywords", "keywords"))
_ID_SECTION = "qualcode id"
_HEADERS = dict(_TEXT_SECTIONS) | dict(_LIST_SECTIONS) | {_ID_SECTION: "id"}
_HEADER_RE = re.compile(rf"^({'|'.join(map(re.escape, _HEADERS))}):[ \t]*", re.MULTILINE)
MAX_ID = 64


def code_guid(code_id: str) -> str:
    return guid("code", code_id)


def describe_code(code: Mapping[str, Any]) -> str:
    """A code's fields as the readable sections of a REFI-QDA description."""
    parts = [f"{title}: {code[key]}" for title, key in _TEXT_SECTIONS if code.get(key)]
    for title, key in _LIST_SECTIONS:
        if code.get(key):
            parts.append(f"{title}:\n" + "\n".join(f"- {item}" for item in code[key]))
    parts.append(f"{_ID_SECTION}: {code['id']}")
    return "\n\n".join(parts)


def parse_description(text: str) -> dict[str, Any]:
    """The fields written by :func:`describe_code`; another tool's free text (not starting
    with ``Definition:``) is the definition."""
    text = text.strip()
    if not text.startswith("Definition:"):
        return {"definition": text} if text else {}
    found: dict[str, Any] = {}
    pieces = _HEADER_RE.split(text)[1:]
    for title, body in zip(pieces[::2], pieces[1::2], strict=True):
        key = _HEADERS[title]
        is_list = key in ("examples", "keywords")
        found[key] = _items(body) if is_list else body.strip()
    return found


def _items(body: str) -> list[str]:
    """``- item`` lines; a line without the dash continues the item before it."""
    items: list[str] = []
    for line in body.strip().splitlines():
        if line.startswith("- ") or not items:
            items.append(line.removeprefix("- "))
        elif line.strip():
            items[-1] += "\n" + line
    return [i.strip() for i in items if i.strip()]


def codes_element(parent: etree._Element, ns: str, codes: Sequence[Mapping[str, Any]]) -> int:
    """Append ``<Codes>`` holding ``codes`` nested by parent (a code whose parent is not
    among them is top-level); return how many were written."""
    ids = {c["id"] for c in codes}
    children: dict[str | None, list[Mapping[str, Any]]] = {}
    for code in codes:
        parent_id = code.get("parent") if code.get("parent") in ids else None
        children.setdefault(parent_id, []).append(code)
    holder = sub(parent, ns, "Codes")
    written: set[str] = set()
    # top-level codes first, then any code caught in a parent cycle (never in a valid
    # codebook) as top-level too
    for code in [*children.get(None, []), *codes]:
        if code["id"] not in written:
            _append_code(holder, ns, code, children, written)
    return len(written)


def _append_code(
    holder: etree._Element,
    ns: str,
    code: Mapping[str, Any],
    children: Mapping[str | None, list[Mapping[str, Any]]],
    written: set[str],
) -> None:
    written.add(code["id"])
    label = str(code.get("label") or code["id"])
    element = sub(holder, ns, "Code", guid=code_guid(code["id"]), name=label, isCodable="true")
    text_child(element, ns, "Description", describe_code(code))
    for child in children.get(code["id"], []):
        if child["id"] not in written:
            _append_code(element, ns, child, children, written)


def project_codes(
    store: Store, selection: Selection | None = None, also: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """The current codebook's codes the selection keeps (in codebook order), then any
    code in ``also`` (e.g. a retired code a coding names) that is not among them."""
    sel = selection or Selection()
    records = {r["id"]: r for r in store.codebook.code_records()}
    parents = {code_id: r["parent"] for code_id, r in records.items()}
    active = store.codebook.current_codebook_content()["codes"]
    chosen = [dict(c) for c in active if sel.keeps_code(c["id"], parents)]
    have = {c["id"] for c in chosen}
    for code_id in dict.fromkeys(also):
        if code_id not in have and code_id in records:
            chosen.append({"id": code_id} | code_content(records[code_id]))
            have.add(code_id)
    return chosen


class IdMaker:
    """Lower_snake ids derived from code names, unique among those already taken."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)
        self._next: dict[str, int] = {}  # the next suffix to try per base: no rescans

    def new(self, name: str, fallback: str) -> str:
        """An id for a code called ``name``: accents dropped, ``code_<fallback>`` when
        nothing Latin is left, ``_2``, ``_3`` ... when taken."""
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or f"code_{fallback}"
        if not base[0].isalpha() or len(base) < 2:
            base = f"code_{base}"
        base = base[: MAX_ID - 7].rstrip("_")
        candidate, n = base, self._next.get(base, 2)
        while candidate in self.taken:
            candidate, n = f"{base}_{n}", n + 1
        self._next[base] = n
        self.taken.add(candidate)
        return candidate


def valid_id(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(ID_PATTERN, value) is not None
