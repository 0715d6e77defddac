"""``build_report``: everything a briefing report shows, computed from the store.

Rows come from ``review.coded.coded_rows`` for the selection, so every count equals what the
CSV export of the same selection holds (its rows with a status meaning "this code
applies"; rejected pairs are never counted as evidence, even when the selection lists
them).  The result is plain data; ``html`` and ``docx`` render it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from qualcode.exports.report.contents import (
    Breakdown,
    CodebookEntry,
    CoOccurrence,
    Driver,
    DriverQuotes,
    GroupLabel,
    ReportData,
    Theme,
)
from qualcode.exports.report.findings import key_findings
from qualcode.exports.report.groups import KINDS, group_kind
from qualcode.exports.report.method import counted_rows, method_notes
from qualcode.exports.report.quotes import pick_quotes
from qualcode.review.coded import coded_rows
from qualcode.review.selection import STATUSES, Selection
from qualcode.store import Store

N_THEMES = 8
TOP_PAIRS = 8
NO_REGION = "(no region)"

Row = Mapping[str, Any]


def build_report(
    store: Store,
    selection: Selection | None = None,
    *,
    n_quotes: int = 3,
    generated: str | None = None,
) -> ReportData:
    sel = selection or Selection()
    every = list(coded_rows(store, sel.with_statuses(*STATUSES)))
    counted = counted_rows(every, sel.statuses)
    chosen = [t for t in store.transcripts.transcripts(text=False) if sel.keeps_transcript(t)]
    labels = {r["id"]: r["label"] for r in store.codebook.code_records()}
    drivers = rank_drivers(counted, labels)
    codes = [d.code for d in drivers]
    book = store.codebook.current_codebook_content()
    data = ReportData(
        title=f"Briefing report: {book.get('name') or 'coded focus groups'}",
        project=store.path.parent.name,
        generated=generated or date.today().isoformat(),
        selection=sel.describe(),
        empty=not counted,
        transcripts=len(chosen),
        coded_transcripts=len({r["transcript_id"] for r in counted}),
        coded_segments=len({r["segment_id"] for r in counted}),
        findings=(),
        drivers=drivers,
        by_transcripts=tuple(sorted(drivers, key=lambda d: (-d.transcripts, -d.segments, d.code))),
        by_region=breakdown("Region", counted, chosen, codes, region_of),
        by_group=breakdown("Participant group", counted, chosen, codes, kind_of),
        groups=group_labels(chosen),
        cooccurrence=cooccurrence(counted, codes, labels),
        themes=themes(store, {t["id"] for t in chosen}),
        quotes=driver_quotes(counted, drivers, n_quotes),
        method=method_notes(store, every, counted, [t["id"] for t in chosen], sel.describe()),
        codebook_name=str(book.get("name") or ""),
        codebook=codebook_entries(book),
    )
    return key_findings(data)


def rank_drivers(counted: Sequence[Row], labels: Mapping[str, str]) -> tuple[Driver, ...]:
    """Codes with counted pairs, most segments first (then most transcripts, then id)."""
    segments = Counter(r["code"] for r in counted)
    unreviewed = Counter(r["code"] for r in counted if r["status"] == "suggested")
    transcripts: dict[str, set[int]] = defaultdict(set)
    for r in counted:
        transcripts[r["code"]].add(r["transcript_id"])
    drivers = [
        Driver(code, labels.get(code, code), n, len(transcripts[code]), unreviewed[code])
        for code, n in segments.items()
    ]
    return tuple(sorted(drivers, key=lambda d: (-d.segments, -d.transcripts, d.code)))


def region_of(t: Row) -> str:
    return t.get("region") or NO_REGION


def kind_of(t: Row) -> str:
    return group_kind(t.get("group") if "group" in t else t.get("grp"))


def breakdown(
    dimension: str,
    counted: Sequence[Row],
    transcripts: Sequence[Row],
    codes: Sequence[str],
    column_of: Any,
) -> Breakdown:
    """Counts per driver and column; ``column_of`` maps a transcript row (store or CSV
    row: ``grp`` or ``group``) to its column."""
    per_column = Counter(column_of(t) for t in transcripts)
    order = KINDS if dimension == "Participant group" else sorted(per_column)
    columns = [c for c in order if c in per_column]
    cells = Counter((r["code"], column_of(r)) for r in counted)
    totals = Counter(column_of(r) for r in counted)
    return Breakdown(
        dimension=dimension,
        columns=tuple(columns),
        transcripts=tuple(per_column[c] for c in columns),
        counts=tuple(tuple(cells[(code, c)] for c in columns) for code in codes),
        totals=tuple(totals[c] for c in columns),
    )


def group_labels(transcripts: Sequence[Row]) -> tuple[GroupLabel, ...]:
    raw = Counter(t["grp"] or "" for t in transcripts)
    rows = [GroupLabel(g or "(none)", group_kind(g), n) for g, n in raw.items()]
    return tuple(sorted(rows, key=lambda g: (KINDS.index(g.kind), g.raw)))


def cooccurrence(
    counted: Sequence[Row], codes: Sequence[str], labels: Mapping[str, str]
) -> CoOccurrence:
    by_segment: dict[int, set[str]] = defaultdict(set)
    by_transcript: dict[int, set[str]] = defaultdict(set)
    for r in counted:
        by_segment[r["segment_id"]].add(r["code"])
        by_transcript[r["transcript_id"]].add(r["code"])
    seg = _pair_matrix(by_segment.values(), codes)
    trans = _pair_matrix(by_transcript.values(), codes)
    names = [labels.get(c, c) for c in codes]
    pairs = [
        (names[i], names[j], seg[i][j], trans[i][j])
        for i in range(len(codes))
        for j in range(i + 1, len(codes))
        if seg[i][j]
    ]
    pairs.sort(key=lambda p: -p[2])  # stable: ties stay in ranked-driver order
    return CoOccurrence(tuple(codes), tuple(names), seg, trans, tuple(pairs[:TOP_PAIRS]))


def _pair_matrix(code_sets: Any, codes: Sequence[str]) -> tuple[tuple[int, ...], ...]:
    """How many of ``code_sets`` hold both codes, for each pair (diagonal: the one code)."""
    index = {c: i for i, c in enumerate(codes)}
    m = [[0] * len(codes) for _ in codes]
    for found in code_sets:
        at = sorted(index[c] for c in found if c in index)
        for i in at:
            for j in at:
                m[i][j] += 1
    return tuple(tuple(row) for row in m)


def themes(store: Store, tids: set[int]) -> tuple[Theme, ...]:
    """The largest emergent topics among the selected transcripts' segments."""
    in_selection = {s.id for s in store.segments.segments() if s.transcript_id in tids}
    sizes = Counter(t for s, t in store.topics.topic_assignment().items() if s in in_selection)
    found = [
        Theme(t.topic_id, t.label, t.words, sizes[t.topic_id], t.size)
        for t in store.topics.topics()
        if t.topic_id != -1 and sizes[t.topic_id]
    ]
    found.sort(key=lambda t: (-t.size, t.topic_id))
    return tuple(found[:N_THEMES])


def driver_quotes(
    counted: Sequence[Row], drivers: Sequence[Driver], n: int
) -> tuple[DriverQuotes, ...]:
    by_code: dict[str, list[Row]] = defaultdict(list)
    for r in counted:
        by_code[r["code"]].append(r)
    return tuple(DriverQuotes(d.code, d.label, pick_quotes(by_code[d.code], n)) for d in drivers)


def codebook_entries(book: Mapping[str, Any]) -> tuple[CodebookEntry, ...]:
    return tuple(
        CodebookEntry(
            code=c["id"],
            label=c.get("label") or c["id"],
            definition=c.get("definition") or "",
            inclusion=c.get("inclusion") or "",
            exclusion=c.get("exclusion") or "",
            examples=tuple(c.get("examples") or ()),
            parent=c.get("parent"),
        )
        for c in book.get("codes") or []
    )
