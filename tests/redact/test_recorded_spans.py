"""The default redactor finds exactly the spans it found when they were recorded, on every
document of the four redaction evaluation sets: speed work on the layers must change no
span, kind, pseudonym, confidence or source.

``data/recorded_spans.json.gz`` was written by the code before the layers were made
faster (``python tests/redact/test_recorded_spans.py`` rewrites it; do that only for an
intended change of behaviour, and say so in the commit)."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from qualcode.redact.evaluate import load_eval_set
from qualcode.redact.redactor import RuleRedactor

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval" / "redaction"
RECORDED = Path(__file__).with_name("data") / "recorded_spans.json.gz"
SETS = ("synthetic", "heldout", "presidio_research", "multilingual")
BATCH = 64  # as ingest and the benchmark call it


def spans_of(name: str) -> list[list[list[object]]]:
    """Each document's spans as [turn, field, start, end, kind, pseudonym, conf, source]."""
    raws = [d.raw() for d in load_eval_set(EVAL / f"{name}.jsonl")]
    red = RuleRedactor()
    found = []
    for i in range(0, len(raws), BATCH):
        found += red.find_spans_many(raws[i : i + BATCH])
    return [
        [
            [f.turn, f.field, s.start, s.end, s.kind, s.pseudonym, s.confidence, s.source]
            for f in doc
            for s in (f.span,)
        ]
        for doc in found
    ]


@pytest.fixture(scope="module")
def recorded() -> dict[str, list[list[list[object]]]]:
    with gzip.open(RECORDED, "rt", encoding="utf-8") as fh:
        data: dict[str, list[list[list[object]]]] = json.load(fh)
    return data


@pytest.mark.parametrize("name", SETS)
def test_every_document_gets_the_recorded_spans(
    name: str, recorded: dict[str, list[list[list[object]]]]
) -> None:
    now = spans_of(name)
    assert len(now) == len(recorded[name])
    for i, (got, want) in enumerate(zip(now, recorded[name], strict=True)):
        assert got == want, f"{name} document {i}: spans differ from the recording"


if __name__ == "__main__":
    data = {name: spans_of(name) for name in SETS}
    with gzip.open(RECORDED, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))
    print(f"wrote {RECORDED}", file=sys.stderr)
