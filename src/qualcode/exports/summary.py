"""The project summary: codes by region and participant group, and the top topics.

Counts come from ``review.coded.coded_rows`` (statuses suggested, accepted, added), the same
rows the CSV export writes, so the summary always matches the exported file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from qualcode.exports.rows import COUNTED
from qualcode.review.coded import coded_rows
from qualcode.store import Store


@dataclass(frozen=True)
class Summary:
    transcripts: int
    segments: int
    by_code: dict[str, int]
    by_code_region: dict[tuple[str, str], int]
    by_code_group: dict[tuple[str, str], int]
    top_topics: list[tuple[int, str, int]]


def summarise(store: Store, n_topics: int = 8) -> Summary:
    rows = [r for r in coded_rows(store) if r["status"] in COUNTED]
    return Summary(
        transcripts=len(store.transcripts.transcripts(text=False)),
        segments=len(store.segments.segments()),
        by_code=dict(Counter(r["code"] for r in rows).most_common()),
        by_code_region=dict(Counter((r["code"], r["region"]) for r in rows)),
        by_code_group=dict(Counter((r["code"], r["group"]) for r in rows)),
        top_topics=[
            (t.topic_id, t.label, t.size) for t in store.topics.topics() if t.topic_id != -1
        ][:n_topics],
    )


def _table(title: str, counts: dict[tuple[str, str], int], totals: dict[str, int]) -> list[str]:
    cols = sorted({c for _, c in counts})
    width = max([len(c) for c in totals] + [4])
    cw = max([len(c) for c in cols] + [5])
    head = " | ".join(f"{c:>{cw}}" for c in [*cols, "total"])
    lines = [title, f"{'':<{width}} | {head}"]
    for code, total in totals.items():
        cells = [counts.get((code, c), 0) for c in cols] + [total]
        lines.append(f"{code:<{width}} | " + " | ".join(f"{n:>{cw}}" for n in cells))
    return lines


def render_summary(s: Summary) -> str:
    lines = [
        f"{s.transcripts} transcripts, {s.segments} segments, "
        f"{sum(s.by_code.values())} coded segment-code pairs "
        "(suggested, accepted or added)",
        "",
    ]
    lines += [*_table("Codes by region", s.by_code_region, s.by_code), ""]
    lines += [*_table("Codes by participant group", s.by_code_group, s.by_code), ""]
    lines.append("Top topics (id, size, words)")
    lines += [f"  {tid:>3} {size:>5}  {label}" for tid, label, size in s.top_topics]
    return "\n".join(lines)
