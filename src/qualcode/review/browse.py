"""Browsing segments for review: filtered pages, a segment in context, full-text search.

Every page is ordered (by segment id for lists, by relevance then id for searches), so
paging with ``offset``/``limit`` is stable while the data does not change.  Statuses are
the fold of the review log (see ``qualcode.review.decisions``); with ``SegmentFilter.coder`` only
that coder's decisions count, for blind coding, both in filtering and in the rows.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Generic, TypeVar

from qualcode.errors import InputError, NotFoundError
from qualcode.store import Store
from qualcode.store.segments import HIT_CLOSE, HIT_OPEN, PAIR_STATUSES

STATUSES = (*PAIR_STATUSES, "unreviewed")
MAX_LIMIT = 500
MAX_CONTEXT = 50
MAX_QUERY = 500
T = TypeVar("T")


@dataclass(frozen=True)
class SegmentFilter:
    """Which segments to list; every field left None matches anything.

    ``code_id``, ``status`` and the score bounds must hold for one and the same code of a
    segment: ``suggested`` is a suggestion nobody has decided on yet; ``accepted``,
    ``rejected`` and ``added`` are current decisions.  ``unreviewed`` means no current
    decision on ``code_id`` (on any code when ``code_id`` is None).  ``query`` is
    full-text: plain words, all required, ``word*`` for a prefix.  Dates are inclusive
    ISO dates (YYYY-MM-DD) compared with the transcript's date.  ``flagged_by``: only the
    segments that user flagged for later (``qualcode.review.flags``)."""

    transcript_id: int | None = None
    speaker: str | None = None
    region: str | None = None
    district: str | None = None
    group: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    code_id: str | None = None
    status: str | None = None
    min_score: float | None = None
    max_score: float | None = None
    topic_id: int | None = None
    query: str | None = None
    coder: str | None = None
    flagged_by: str | None = None


@dataclass(frozen=True)
class CodeState:
    """One code of a segment: its suggestion (if any) and its current status."""

    code_id: str
    status: str  # suggested | accepted | rejected | added
    score: float | None  # None: added by a coder, never suggested
    evidence: tuple[str, ...]
    decided_by: str | None  # coder of the deciding log entry; None while only suggested
    decided_at: str | None
    memo: str
    event_id: int | None  # the deciding review_log entry: what `review.undo` takes


@dataclass(frozen=True)
class SegmentRow:
    id: int
    transcript_id: int
    transcript_title: str
    seq: int
    turn_index: int
    speaker: str
    text: str
    char_start: int
    char_end: int
    topic_id: int | None
    topic_label: str | None
    codes: tuple[CodeState, ...]
    language: str = ""  # qualcode.languages.detect: en, ru, uz, tg, ky, kk, mixed, und

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON-ready dicts: ``dataclasses.asdict`` deep-copies every field
        and was the largest cost of a review-queue read."""
        return {**vars(self), "codes": [dict(vars(c)) for c in self.codes]}


@dataclass(frozen=True)
class Fragment:
    text: str
    match: bool


@dataclass(frozen=True)
class SearchHit:
    segment: SegmentRow
    snippet: tuple[Fragment, ...]  # part of the text; ``match`` marks the query's words

    def snippet_html(self) -> str:
        """The snippet as HTML: text escaped, matches in ``<mark>``."""
        return "".join(
            f"<mark>{html.escape(f.text)}</mark>" if f.match else html.escape(f.text)
            for f in self.snippet
        )


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int  # how many match in all
    offset: int
    limit: int


@dataclass(frozen=True)
class Context:
    """A segment with its neighbours in the same transcript, in transcript order."""

    segment: SegmentRow
    before: tuple[SegmentRow, ...]
    after: tuple[SegmentRow, ...]


def list_segments(
    store: Store, filter: SegmentFilter | None = None, offset: int = 0, limit: int = 50
) -> Page[SegmentRow]:
    """One page of the segments that match ``filter``, in segment id order."""
    f = check_filter(store, filter or SegmentFilter())
    check_page(offset, limit)
    ids, total = store.segments.segment_page(f, offset, limit)
    return Page(tuple(load_rows(store, ids, f.coder)), total, offset, limit)


def search(
    store: Store,
    query: str,
    filter: SegmentFilter | None = None,
    offset: int = 0,
    limit: int = 50,
    *,
    snippet_words: int = 12,
) -> Page[SearchHit]:
    """Full-text search (``query`` replaces ``filter.query``), best matches first, each with
    a snippet of about ``snippet_words`` words around the matches."""
    f = check_filter(store, replace(filter or SegmentFilter(), query=query))
    check_page(offset, limit)
    if not 1 <= snippet_words <= 64:
        raise InputError(f"snippet_words must be between 1 and 64; got {snippet_words}.")
    found, total = store.segments.search_page(f, offset, limit, snippet_words)
    by_id = {r.id: r for r in load_rows(store, [i for i, _ in found], f.coder)}
    hits = tuple(SearchHit(by_id[i], fragments(snip)) for i, snip in found)
    return Page(hits, total, offset, limit)


def segment_context(
    store: Store, segment_id: int, before: int = 2, after: int = 2, coder: str | None = None
) -> Context:
    """The segment with up to ``before`` segments before it and ``after`` after it in its
    transcript (fewer at the start or end).  NotFoundError for an unknown id."""
    for name, n in (("before", before), ("after", after)):
        if not 0 <= n <= MAX_CONTEXT:
            raise InputError(f"'{name}' must be between 0 and {MAX_CONTEXT}; got {n}.")
    ids = store.segments.segment_neighbours(segment_id, before, after)
    found = load_rows(store, ids, _coder(coder))
    at = ids.index(segment_id)
    return Context(found[at], tuple(found[:at]), tuple(found[at + 1 :]))


def load_rows(store: Store, ids: list[int], coder: str | None) -> list[SegmentRow]:
    """Full rows for ``ids``, in that order."""
    if not ids:
        return []
    codes: dict[int, list[CodeState]] = {}
    for s in store.segments.code_states(ids, coder):
        codes.setdefault(s["segment_id"], []).append(_code_state(s))
    by_id = {r["id"]: r for r in store.segments.segment_rows(ids)}
    return [SegmentRow(**by_id[i], codes=tuple(codes.get(i, []))) for i in ids]


def _code_state(s: dict[str, Any]) -> CodeState:
    return CodeState(
        code_id=s["code_id"],
        status=s["status"],
        score=s["score"],
        evidence=tuple(s["evidence"]),
        decided_by=s["coder"],
        decided_at=s["at"],
        memo=s["memo"] or "",
        event_id=s["event_id"],
    )


def fragments(snippet: str) -> tuple[Fragment, ...]:
    """Split a store snippet at its match marks."""
    out = []
    for i, part in enumerate(snippet.split(HIT_OPEN)):
        hit, _, rest = part.rpartition(HIT_CLOSE) if i else ("", "", part)
        out += [Fragment(hit, True)] if hit else []
        out += [Fragment(rest, False)] if rest else []
    return tuple(out)


def check_page(offset: int, limit: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"'limit' must be between 1 and {MAX_LIMIT}; got {limit}.")
    if offset < 0:
        raise InputError(f"'offset' must be 0 or more; got {offset}.")


def check_filter(store: Store, f: SegmentFilter) -> SegmentFilter:
    """``f`` with blank text fields read as None; InputError or NotFoundError naming the
    field at fault otherwise."""
    if f.status is not None and f.status not in STATUSES:
        raise InputError(f"Unknown status '{f.status}'; use one of {', '.join(STATUSES)}.")
    low, high = f.min_score, f.max_score
    if low is not None and high is not None and low > high:
        raise InputError(f"min_score {f.min_score} is above max_score {f.max_score}.")
    _check_text(f)
    _check_dates(f.date_from, f.date_to)
    if f.query is not None and len(f.query) > MAX_QUERY:
        raise InputError(f"The search text is {len(f.query)} characters; the limit is {MAX_QUERY}.")
    if f.code_id is not None and f.code_id not in store.codebook.code_ids():
        raise NotFoundError(f"No code '{f.code_id}' in this project's codebook.")
    if f.transcript_id is not None:
        store.transcripts.transcript(f.transcript_id)  # NotFoundError when there is none
    return replace(f, coder=_coder(f.coder), query=(f.query or "").strip() or None)


def _check_text(f: SegmentFilter) -> None:
    for name, value in vars(f).items():
        if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            raise InputError(f"'{name}' holds invalid characters (lone surrogates); send UTF-8.")


def _check_dates(date_from: str | None, date_to: str | None) -> None:
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value is None:
            continue
        try:
            date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{name} is not a date; use YYYY-MM-DD.") from None  # not echoed
    if date_from and date_to and date_from > date_to:
        raise InputError(f"date_from {date_from} is after date_to {date_to}.")


def _coder(coder: str | None) -> str | None:
    if coder is not None and not coder.strip():
        raise InputError("'coder' is blank; give the coder's name, or leave it out.")
    return coder.strip() if coder else None
