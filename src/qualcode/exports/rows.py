"""The export stage: coded segments as CSV, the whole project as JSON.

Everything exported comes from the store, which holds redacted text only.  Rows are
filtered by a :class:`~qualcode.review.selection.Selection` (transcript metadata, code, review
status).  ``summary``, ``tables`` and the report count the same rows as the CSV, so their
counts always match the file.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from qualcode.review.coded import CSV_FIELDS, code_parents, coded_rows
from qualcode.review.selection import COUNTED, Selection
from qualcode.store import Store

__all__ = ["COUNTED", "CSV_FIELDS", "code_parents", "coded_rows", "export_csv", "export_json"]


def export_csv(store: Store, path: Path, selection: Selection | None = None) -> int:
    """Write the coded-segments CSV; return the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row in coded_rows(store, selection):
            writer.writerow(csv_safe(row))
            n += 1
    return n


def csv_safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection: a cell starting with = + - @ is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_safe(row: dict[str, Any]) -> dict[str, Any]:
    return {k: csv_safe_cell(v) for k, v in row.items()}


def export_json(store: Store, path: Path) -> None:
    """Dump the whole project (redacted) as one JSON document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "format": "qualcode-project",
        "version": 1,
        "settings": store.settings.settings(),
        "codebook": store.codebook.codebook_content(),
        "transcripts": [
            {
                **t,
                "turns": store.transcripts.turns(t["id"]),
                "redactions": store.transcripts.redactions(t["id"]),
            }
            for t in store.transcripts.transcripts()
        ],
        "segments": [asdict(s) for s in store.segments.segments()],
        "topics": [asdict(t) for t in store.topics.topics()],
        "segment_topics": store.topics.topic_assignment(),
        "suggestions": [asdict(s) for s in store.analysis.suggestions()],
        "review_log": store.review.review_events(),
    }
    with path.open("w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
