"""Code any list of texts (open-ended survey answers, notes) outside a project.

Input: CSV or JSONL with an ``id`` and a ``text`` column.  The texts are redacted before
anything is embedded, by default with every layer of the rule redactor (``names``):
contacts, and every capitalised name-like word, public figures and named programmes
included.  ``contacts`` redacts only phones, emails, URLs, IDs and the other patterns,
so the names the codes are about stay; ``none`` embeds the texts as written.  Output: JSONL
``{"id": ..., "suggestions": [{"code": ..., "score": ..., "evidence": [...]}]}`` or CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qualcode.coding.evaluate.data import LabelledText
from qualcode.coding.learn import LearningSuggester
from qualcode.coding.suggest import Suggester
from qualcode.embed.encoder import Embedder
from qualcode.errors import ConfigError, InputError
from qualcode.exports.rows import csv_safe_cell
from qualcode.records import Codebook, RawTranscript, TranscriptMeta, Turn
from qualcode.redact import RuleRedactor
from qualcode.settings import TEXT_REDACTION_LAYERS, TextRedaction

MAX_INPUT_BYTES = 100_000_000


@dataclass(frozen=True)
class TextItem:
    id: str
    text: str


def read_texts(path: Path) -> list[TextItem]:
    if not path.is_file():
        raise InputError(f"{path}: no such file.", hint="Give a CSV or JSONL file.")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise InputError(f"{path}: larger than {MAX_INPUT_BYTES // 1_000_000} MB.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _read_csv(path)
    elif suffix in (".jsonl", ".ndjson"):
        rows = _read_jsonl(path)
    else:
        raise InputError(
            f"{path}: unsupported input type '{suffix}'.",
            hint="Use .csv or .jsonl with 'id' and 'text' columns.",
        )
    items = [_item(path, n, row) for n, row in enumerate(rows, start=1)]
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        if item.id in seen:
            raise InputError(
                f"{path}, record {n}: the id '{item.id}' is used twice.",
                hint="Give every text its own id.",
            )
        seen.add(item.id)
    return items


def _read_csv(path: Path) -> list[dict[str, object]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = {"id", "text"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(
                f"{path}: missing column(s) {sorted(missing)}; columns found: {reader.fieldnames}.",
                hint="Name the columns 'id' and 'text'.",
            )
        return list(reader)


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    rows = []
    with path.open(encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}, line {n}: not valid JSON ({err.msg}).") from None
            if not isinstance(obj, dict):
                raise InputError(f"{path}, line {n}: expected an object with id and text.")
            rows.append(obj)
    return rows


def _item(path: Path, n: int, row: dict[str, object]) -> TextItem:
    if row.get("id") in (None, "") or not isinstance(row.get("text"), str):
        raise InputError(f"{path}, record {n}: needs a non-empty 'id' and a text 'text'.")
    return TextItem(str(row["id"]), str(row["text"]))


def redact_texts(items: Sequence[TextItem], redact: TextRedaction = "names") -> list[str]:
    """The texts as they will be embedded: ``redact`` is ``names`` (every default layer:
    contacts, names, places), ``contacts`` (the patterns layer only: phones, emails,
    URLs, IDs, ...) or ``none`` (as written)."""
    layers = TEXT_REDACTION_LAYERS.get(redact)
    if layers is None:
        raise ConfigError(
            f"Unknown text redaction {redact!r}.",
            hint="Choose among: " + ", ".join(TEXT_REDACTION_LAYERS) + ".",
        )
    texts = [i.text or " " for i in items]
    if not layers:
        return texts
    raw = RawTranscript(
        "texts", "list", "", tuple(Turn("R", t) for t in texts), TranscriptMeta(title="texts")
    )
    return [t.text for t in RuleRedactor(layers=layers).redact(raw).turns]


def suggest_texts(
    items: Sequence[TextItem],
    codebook: Codebook,
    suggester: Suggester,
    embedder: Embedder,
    labelled: Sequence[LabelledText] = (),
    redact: TextRedaction = "names",
) -> dict[str, list[dict[str, object]]]:
    """Suggestions per item id; with ``labelled`` texts (gold codes), a
    ``learn.LearningSuggester`` first learns from them.  ``redact``: see
    :func:`redact_texts`; it applies to the labelled texts too."""
    texts = redact_texts(items, redact)
    vectors = embedder.encode(texts, progress=False)
    model: Any = (
        _learn(codebook, suggester, embedder, labelled, vectors, redact, texts)
        if labelled
        else suggester.fit(codebook)
    )
    suggestions = model.suggest(range(len(items)), texts, vectors)
    out: dict[str, list[dict[str, object]]] = {i.id: [] for i in items}
    for s in suggestions:
        out[items[s.segment_id].id].append(
            {"code": s.code_id, "score": s.score, "evidence": list(s.evidence)}
        )
    return out


def _learn(
    codebook: Codebook,
    zero_shot: Suggester,
    embedder: Embedder,
    labelled: Sequence[LabelledText],
    unlabelled: np.ndarray,
    redact: TextRedaction,
    unlabelled_texts: Sequence[str] = (),
) -> LearningSuggester:
    from qualcode.coding.evaluate.data import gold_matrix
    from qualcode.coding.suggest import ZeroShotSuggester

    if not isinstance(zero_shot, ZeroShotSuggester):
        raise ConfigError("Learning from a labelled file needs the zero-shot suggester.")
    code_ids = [c.id for c in codebook.codes]
    texts = redact_texts([TextItem(x.id, x.text) for x in labelled], redact)
    X, Y = embedder.encode(texts, progress=False), gold_matrix(list(labelled), code_ids)
    learner = LearningSuggester(zero_shot, top_k=zero_shot.top_k)
    return learner.fit(codebook, X, Y, texts, unlabelled, None, unlabelled_texts)


def write_suggestions(result: dict[str, list[dict[str, object]]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "code", "score", "evidence"])
            for item_id, sugg in result.items():
                for s in sugg:
                    evidence = " | ".join(s["evidence"])  # type: ignore[arg-type]
                    w.writerow(
                        [csv_safe_cell(item_id), s["code"], s["score"], csv_safe_cell(evidence)]
                    )
        return
    with path.open("w", encoding="utf-8") as fh:
        for item_id, sugg in result.items():
            fh.write(json.dumps({"id": item_id, "suggestions": sugg}, ensure_ascii=False) + "\n")
