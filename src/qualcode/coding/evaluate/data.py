"""Labelled sets for coding evaluation: JSONL ``{"id", "text", "codes": [...]}`` or CSV
with ``id``, ``text`` and ``codes`` (separated by ``;``)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qualcode.errors import InputError


@dataclass(frozen=True)
class LabelledText:
    id: str
    text: str
    codes: tuple[str, ...]


def load_labelled(path: Path, code_ids: list[str]) -> list[LabelledText]:
    if not path.is_file():
        raise InputError(f"Labelled set {path} not found.", hint="Give a .jsonl or .csv file.")
    rows = _read(path)
    out = []
    for n, row in enumerate(rows, 1):
        codes = row.get("codes", [])
        if isinstance(codes, str):
            codes = [c.strip() for c in codes.split(";") if c.strip()]
        if "text" not in row or not str(row["text"]).strip():
            raise InputError(f"{path.name}, row {n}: no text.", hint="Each row needs id and text.")
        bad = [c for c in codes if c not in code_ids]
        if bad:
            raise InputError(
                f"{path.name}, row {n}: code(s) {', '.join(bad)} are not in the codebook.",
                hint="Use the codebook's code ids.",
            )
        out.append(LabelledText(str(row.get("id", n)), str(row["text"]), tuple(codes)))
    return out


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


def gold_matrix(items: list[LabelledText], code_ids: list[str]) -> np.ndarray:
    index = {c: j for j, c in enumerate(code_ids)}
    Y = np.zeros((len(items), len(code_ids)), dtype=np.int8)
    for i, item in enumerate(items):
        for c in item.codes:
            Y[i, index[c]] = 1
    return Y
