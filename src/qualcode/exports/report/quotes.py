"""Representative quotes for a driver, chosen for diversity across transcripts, languages
and speakers.

Greedy: candidates are ranked coder-confirmed (accepted, added) before open suggestions,
then by suggestion score.  Each pick takes the best participant from a transcript not
quoted yet, in a language not quoted yet where there is one; once every transcript where
a participant's segment has the code is quoted, the best participant not quoted yet; the
facilitator only where no participant is left to vary (first from a new transcript).
Segments
shorter than ``MIN_CHARS`` are skipped unless a driver has nothing longer, and quotes
longer than ``MAX_CHARS`` are cut at a word with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from qualcode.exports.report.contents import Quote

MIN_CHARS = 40
MAX_CHARS = 360
ELLIPSIS = "…"
_STATUS_RANK = {"accepted": 0, "added": 0, "suggested": 1}
FACILITATOR_WORDS = {
    "moderator", "facilitator", "interviewer", "модератор", "ведущий", "ведущая",
    "фасилитатор", "fasilitator", "интервьюер",
}  # fmt: skip

Row = Mapping[str, Any]


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` with runs of whitespace collapsed, cut at a word before ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[: limit - 1]
    if " " in head[limit // 2 :]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-–—") + ELLIPSIS


def is_facilitator(speaker: str) -> bool:
    return any(w in FACILITATOR_WORDS for w in speaker.lower().split())


def _priority(row: Row) -> tuple[int, int, float, int]:
    score = row["score"] if isinstance(row["score"], int | float) else 0.0
    rank = _STATUS_RANK.get(row["status"], 2)
    return (int(is_facilitator(row["speaker"] or "")), rank, -float(score), row["segment_id"])


def _next(pool: Sequence[Row], chosen: Sequence[Row]) -> Row:
    """The next pick from ``pool`` (best first): a participant from a new transcript
    speaking a language not quoted yet, then from a new transcript, a participant not
    quoted yet, the facilitator in a new transcript, any participant, then anyone."""
    transcripts = {r["transcript_id"] for r in chosen}
    languages = {_language(r) for r in chosen}
    speakers = {(r["transcript_id"], r["speaker"]) for r in chosen}
    voices = [r for r in pool if not is_facilitator(r["speaker"] or "")]
    tiers = (
        (
            r
            for r in voices
            if r["transcript_id"] not in transcripts and _language(r) not in languages
        ),
        (r for r in voices if r["transcript_id"] not in transcripts),
        (r for r in voices if (r["transcript_id"], r["speaker"]) not in speakers),
        (r for r in pool if r["transcript_id"] not in transcripts),
        iter(voices),
    )
    return next((found for tier in tiers if (found := next(tier, None))), pool[0])


def _language(row: Row) -> str:
    """The segment's language; one unknown value for rows without one."""
    code = str(row.get("segment_language") or "")
    return code if code not in ("", "und") else "?"


def pick_rows(rows: Sequence[Row], n: int) -> list[Row]:
    """Up to ``n`` of one driver's ``coded_rows``, diverse as the module says."""
    long_enough = [r for r in rows if len(r["text"].strip()) >= MIN_CHARS]
    pool = sorted(long_enough or rows, key=_priority)
    chosen: list[Row] = []
    while pool and len(chosen) < n:
        row = _next(pool, chosen)
        chosen.append(row)
        pool.remove(row)
    return chosen


def to_quote(row: Row) -> Quote:
    return Quote(
        code=row["code"],
        text=shorten(row["text"]),
        transcript=row["transcript"],
        region=row["region"],
        group=row["group"],
        speaker=row["speaker"] or "",
        status=row["status"],
        segment_id=int(row["segment_id"]),
    )


def pick_quotes(rows: Sequence[Row], n: int) -> tuple[Quote, ...]:
    return tuple(to_quote(r) for r in pick_rows(rows, n))
