"""The key-findings summary: a few sentences generated from the report's counts, so the
summary never says more than the tables below it."""

from __future__ import annotations

from dataclasses import replace

from qualcode.exports.report.contents import Driver, ReportData

TOP = 3


def key_findings(data: ReportData) -> ReportData:
    return replace(data, findings=tuple(findings(data)))


def findings(data: ReportData) -> list[str]:
    if data.transcripts == 0:
        return [f"No transcript matches this selection ({data.selection}); nothing to report."]
    if data.empty:
        return [
            f"{_n(data.transcripts, 'transcript')} matched this selection ({data.selection}), "
            "but none of their segments carries a code with a counted status: nothing to report."
        ]
    lines = [top_drivers(data), *spread(data), *pairs(data), *caveat(data)]
    return [line for line in lines if line]


def top_drivers(data: ReportData) -> str:
    top = data.drivers[:TOP]
    parts = [f"{d.label} ({_where(d, data.transcripts)})" for d in top]
    regions = list(data.by_region.columns)
    return (
        f"Across {_n(data.transcripts, 'transcript')} from {_listing(regions)}, the "
        f"{'driver' if len(top) == 1 else 'drivers'} raised most often "
        f"{'was' if len(top) == 1 else 'were'} {_listing(parts)}."
    )


def spread(data: ReportData) -> list[str]:
    widest = data.by_transcripts[0]
    if widest in data.drivers[:TOP]:
        return []
    return [
        f"{widest.label} came up in the most transcripts "
        f"({widest.transcripts} of {data.transcripts}), though in fewer segments."
    ]


def pairs(data: ReportData) -> list[str]:
    if not data.cooccurrence.top_pairs:
        return []
    a, b, n, _ = data.cooccurrence.top_pairs[0]
    return [f"The drivers most often raised together were {a} and {b} ({_n(n, 'segment')})."]


def caveat(data: ReportData) -> list[str]:
    share = data.method.unreviewed_share
    if not share:
        return ["Every counted coding was confirmed or added by a coder."]
    return [
        f"{share:.0%} of the counted codings ({data.method.unreviewed} of "
        f"{data.method.counted}) are machine suggestions no coder has reviewed yet: "
        "read the counts as indicative."
    ]


def _where(d: Driver, transcripts: int) -> str:
    return f"{_n(d.segments, 'segment')} in {d.transcripts} of {transcripts} transcripts"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
