"""What a briefing report holds: plain frozen dataclasses, built by ``data.build_report``
and rendered by ``html.render_html`` and ``docx.render_docx``.

Every count is of segment-code pairs from ``review.coded.coded_rows`` (the rows the CSV export
writes) whose status means "this code applies" (suggested, accepted, added); a segment
carries a code at most once, so a driver's count is the number of its segments.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Driver:
    """A code with its counts in the selection."""

    code: str
    label: str
    segments: int  # segments carrying the code
    transcripts: int  # transcripts with at least one such segment
    unreviewed: int  # of ``segments``: machine suggestions no coder has decided on


@dataclass(frozen=True)
class Breakdown:
    """Driver counts split by a transcript attribute (region, participant group kind)."""

    dimension: str  # "Region" or "Participant group"
    columns: tuple[str, ...]
    transcripts: tuple[int, ...]  # selected transcripts per column
    counts: tuple[tuple[int, ...], ...]  # one row per driver (``ReportData.drivers`` order)
    totals: tuple[int, ...]  # per column: all counted pairs


@dataclass(frozen=True)
class GroupLabel:
    """A participant group as stored, and the kind it is counted under."""

    raw: str
    kind: str
    transcripts: int


@dataclass(frozen=True)
class CoOccurrence:
    """Square matrices over ``codes`` (the drivers, in ranked order)."""

    codes: tuple[str, ...]
    labels: tuple[str, ...]
    segments: tuple[tuple[int, ...], ...]  # segments carrying both codes (diagonal: one)
    transcripts: tuple[tuple[int, ...], ...]  # transcripts where both codes appear
    top_pairs: tuple[tuple[str, str, int, int], ...]  # labels, segments, transcripts


@dataclass(frozen=True)
class Quote:
    code: str
    text: str  # redacted segment text, shortened with an ellipsis past the cap
    transcript: str  # transcript title
    region: str
    group: str
    speaker: str  # pseudonym, e.g. "[PERSON_3]"
    status: str
    segment_id: int


@dataclass(frozen=True)
class DriverQuotes:
    code: str
    label: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Theme:
    """An emergent topic from the topic model."""

    topic_id: int
    label: str
    words: tuple[str, ...]
    size: int  # segments of selected transcripts in the topic
    project_size: int  # segments in the topic across the project


@dataclass(frozen=True)
class CodebookEntry:
    code: str
    label: str
    definition: str
    inclusion: str
    exclusion: str
    examples: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class Agreement:
    """Inter-coder and model-coder agreement (``qualcode.coding.trust``), whole project."""

    available: bool
    statement: str  # plain words: what the figures mean, or why there are none
    reading: str  # trust.reading(), or ""
    pairs: tuple[str, ...]  # column heads: "model~ann", "ann~bo"
    pair_segments: tuple[int, ...]  # segments both sides coded, per pair
    rows: tuple[tuple[str, str, tuple[float | None, ...]], ...]  # code, label, kappas
    alpha_humans: float | None
    alpha_with_model: float | None
    double_coded: int  # segments coded by at least two human coders


@dataclass(frozen=True)
class MethodNotes:
    automated: tuple[tuple[str, str], ...]  # (step, what was done)
    status_counts: dict[str, int]  # suggested / accepted / added / rejected, in scope
    counted: int  # pairs counted in the report
    unreviewed: int  # of ``counted``: suggestions no coder decided on
    unreviewed_share: float | None  # unreviewed / counted; None when nothing counted
    coders: tuple[str, ...]
    selection: str
    agreement: Agreement
    memos: dict[str, int] = field(default_factory=dict)  # memos per kind (never their text)


@dataclass(frozen=True)
class ReportData:
    title: str
    project: str
    generated: str  # ISO date
    selection: str  # Selection.describe()
    empty: bool  # nothing in the selection: the report says so
    transcripts: int  # selected transcripts (by metadata)
    coded_transcripts: int  # of those, with at least one counted pair
    coded_segments: int  # distinct segments with at least one counted code
    findings: tuple[str, ...]  # key-findings sentences
    drivers: tuple[Driver, ...]  # ranked: segments, then transcripts, then code id
    by_transcripts: tuple[Driver, ...]  # ranked: transcripts, then segments, then code id
    by_region: Breakdown
    by_group: Breakdown
    groups: tuple[GroupLabel, ...]
    cooccurrence: CoOccurrence
    themes: tuple[Theme, ...]
    quotes: tuple[DriverQuotes, ...]
    method: MethodNotes
    codebook_name: str
    codebook: tuple[CodebookEntry, ...]
