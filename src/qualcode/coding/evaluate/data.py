"""Labelled sets for coding evaluation: JSONL ``{"id", "text", "codes": [...]}`` or CSV
with ``id``, ``text`` and ``codes`` (separated by ``;``).

Optional fields: ``codes_second``, a second human coder's codes for the same text (the
human-human agreement is the ceiling the report shows), and ``source``, the transcript a
text comes from: texts of one source, in file order, are each other's neighbouring turns
(the context a coder sees)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qualcode.coding.context import neighbour_mean
from qualcode.errors import InputError


@dataclass(frozen=True)
class LabelledText:
    id: str
    text: str
    codes: tuple[str, ...]
    second: tuple[str, ...] | None = None
    source: str | None = None


def load_labelled(path: Path, code_ids: list[str]) -> list[LabelledText]:
    if not path.is_file():
        raise InputError(f"Labelled set {path} not found.", hint="Give a .jsonl or .csv file.")
    rows = _read(path)
    out = []
    for n, row in enumerate(rows, 1):
        if "text" not in row or not str(row["text"]).strip():
            raise InputError(f"{path.name}, row {n}: no text.", hint="Each row needs id and text.")
        codes = _codes(row.get("codes", []), code_ids, f"{path.name}, row {n}")
        second = row.get("codes_second")
        if second is not None:
            second = _codes(second, code_ids, f"{path.name}, row {n}, codes_second")
        source = str(row["source"]) if row.get("source") else None
        out.append(LabelledText(str(row.get("id", n)), str(row["text"]), codes, second, source))
    return out


def _codes(value: object, code_ids: list[str], where: str) -> tuple[str, ...]:
    codes = [c.strip() for c in value.split(";")] if isinstance(value, str) else value
    if not isinstance(codes, list):
        raise InputError(f"{where}: codes must be a list.", hint='Write "codes": ["id", ...].')
    bad = [str(c) for c in codes if c not in code_ids]
    if bad:
        raise InputError(
            f"{where}: code(s) {', '.join(bad)} are not in the codebook.",
            hint="Use the codebook's code ids.",
        )
    return tuple(str(c) for c in codes if str(c).strip())


def _read(path: Path) -> list[dict]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                raise InputError(f"{path.name}, line {n}: not JSON.") from None
    return rows


def gold_matrix(items: list[LabelledText], code_ids: list[str], second: bool = False) -> np.ndarray:
    """(n, n_codes) of 0/1; with ``second``, the second coder's, and -1 on rows the second
    coder did not code."""
    index = {c: j for j, c in enumerate(code_ids)}
    Y = np.zeros((len(items), len(code_ids)), dtype=np.int8)
    for i, item in enumerate(items):
        codes = item.second if second else item.codes
        if codes is None:
            Y[i] = -1
        for c in codes or ():
            Y[i, index[c]] = 1
    return Y


def neighbour_context(items: list[LabelledText], X: np.ndarray) -> np.ndarray | None:
    """Per text, the mean vector of the texts before and after it from the same source;
    None when the set names no sources."""
    if not any(i.source for i in items):
        return None
    return neighbour_mean([i.source for i in items], X)
