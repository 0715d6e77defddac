"""The codebook as a tree (sub-codes under their parent) with each code's colour and how
many segments it is applied to now (accepted or added, from the folded log)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from qualcode.review.progress import current_pairs
from qualcode.store import Store

# Paul Tol's "muted" scheme: told apart with any of the common colour-vision deficiencies
PALETTE = (
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
    "#882255", "#44AA99", "#999933", "#AA4499",
)  # fmt: skip
APPLIED = ("accepted", "added")


@dataclass
class CodeNode:
    id: str
    label: str
    colour: str
    definition: str
    inclusion: str
    exclusion: str
    example: str
    count: int
    children: list[CodeNode] = field(default_factory=list)


def code_tree(store: Store, coder: str | None = None) -> list[CodeNode]:
    """The active codes as a forest, in codebook order.  A code's colour is the one its
    codebook gives, else the palette's by its position among every code ever loaded (so
    it never changes when codes are added or retired).  ``coder``: blind coding."""
    records = store.codebook.code_records()
    given = _given_colours(store)
    counts = Counter(code for (_, code), s in current_pairs(store, coder).items() if s in APPLIED)
    nodes = {
        r["id"]: _node(r, given.get(r["id"]) or PALETTE[i % len(PALETTE)], counts[r["id"]])
        for i, r in enumerate(records)
        if r["status"] == "active"
    }
    roots = []
    for r in records:
        node, parent = nodes.get(r["id"]), r["parent"]
        if node is None:
            continue
        if parent in nodes and parent != r["id"]:
            nodes[parent].children.append(node)
        else:
            roots.append(node)
    return roots


def _node(r: dict[str, Any], colour: str, count: int) -> CodeNode:
    examples = json.loads(r["examples"] or "[]")
    return CodeNode(
        r["id"], r["label"], colour, r["definition"] or "", r["inclusion"] or "",
        r["exclusion"] or "", examples[0] if examples else "", count,
    )  # fmt: skip


def _given_colours(store: Store) -> dict[str, str]:
    """Colours the loaded codebook gives (``colour`` or ``color`` on a code), if any."""
    content = store.codebook.codebook_content() or {}
    codes = content.get("codes") if isinstance(content, dict) else None
    out = {}
    for c in codes if isinstance(codes, list) else []:
        colour = isinstance(c, dict) and (c.get("colour") or c.get("color"))
        if isinstance(colour, str) and _is_hex(colour):
            out[str(c.get("id"))] = colour
    return out


def _is_hex(colour: str) -> bool:
    digits = colour[1:]
    return (
        colour.startswith("#")
        and len(digits) in (3, 6)
        and all(ch in "0123456789abcdefABCDEF" for ch in digits)
    )
