"""Store methods for browsing segments: filtered pages, neighbours and full-text search.

Review state is the fold of the append-only log (``qualcode.review.decisions.fold``) written as SQL,
so filters and paging run in the database: per (segment, code) pair, the latest accept,
reject or add entry that no ``undo`` entry names.  With a coder, only that coder's
decisions count (blind coding); an undo counts whoever wrote it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any, Protocol

from qualcode.errors import InputError, NotFoundError
from qualcode.records import Segment
from qualcode.store.db import Part, where_equals

PAIR_STATUSES = ("suggested", "accepted", "rejected", "added")
MAX_TERMS = 32
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"  # private-use marks around matches in snippets

# Binds the coder twice (None: every coder's decisions count).
STATES = """
WITH live AS (
  SELECT id, segment_id, code_id FROM review_log
  WHERE action IN ('accept', 'reject', 'add') AND (? IS NULL OR coder = ?)
    AND id NOT IN (SELECT undoes FROM review_log WHERE action = 'undo' AND undoes IS NOT NULL)
), cur AS (
  SELECT segment_id, code_id, MAX(id) AS event_id FROM live GROUP BY segment_id, code_id
), pairs AS (
  SELECT g.segment_id, g.code_id, g.score, g.evidence, c.event_id
  FROM suggestions g LEFT JOIN cur c ON c.segment_id = g.segment_id AND c.code_id = g.code_id
  UNION ALL
  SELECT c.segment_id, c.code_id, NULL, NULL, c.event_id FROM cur c WHERE NOT EXISTS
    (SELECT 1 FROM suggestions g WHERE g.segment_id = c.segment_id AND g.code_id = c.code_id)
), states AS (
  SELECT p.*, r.coder, r.at, r.memo, CASE r.action WHEN 'accept' THEN 'accepted'
    WHEN 'reject' THEN 'rejected' WHEN 'add' THEN 'added' ELSE 'suggested' END AS status
  FROM pairs p LEFT JOIN review_log r ON r.id = p.event_id
)
"""
JOINS = (
    "JOIN transcripts t ON t.id = s.transcript_id "
    "LEFT JOIN segment_topics st ON st.segment_id = s.id"
)
IN_FTS = "s.id IN (SELECT rowid FROM segments_fts WHERE segments_fts MATCH ?)"


class SegmentCriteria(Protocol):
    """What ``qualcode.review.browse.SegmentFilter`` carries; None means "any"."""

    @property
    def transcript_id(self) -> int | None: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def region(self) -> str | None: ...
    @property
    def district(self) -> str | None: ...
    @property
    def group(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def date_from(self) -> str | None: ...
    @property
    def date_to(self) -> str | None: ...
    @property
    def code_id(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def min_score(self) -> float | None: ...
    @property
    def max_score(self) -> float | None: ...
    @property
    def topic_id(self) -> int | None: ...
    @property
    def query(self) -> str | None: ...
    @property
    def coder(self) -> str | None: ...
    @property
    def flagged_by(self) -> str | None: ...


class SegmentStore(Part):
    def add_segments(self, segments: Sequence[Segment], hashes: Sequence[str]) -> None:
        with self.atomic():
            self.db.table("segments").insert_all(
                {
                    "transcript_id": s.transcript_id,
                    "seq": s.seq,
                    "turn_index": s.turn_index,
                    "speaker": s.speaker,
                    "text": s.text,
                    "char_start": s.start,
                    "char_end": s.end,
                    "text_hash": h,
                    "language": s.language or None,
                }
                for s, h in zip(segments, hashes, strict=True)
            )

    def segment(self, segment_id: int) -> Segment:
        found = self._segments("WHERE id = ?", [segment_id])
        if not found:
            raise NotFoundError(f"No segment with id {segment_id}.")
        return found[0]

    def segments(self, transcript_id: int | None = None) -> list[Segment]:
        return self._segments(*where_equals("transcript_id", transcript_id))

    def _segments(self, where: str, args: list[Any]) -> list[Segment]:
        rows = self.db.query(f"SELECT * FROM segments {where} ORDER BY transcript_id, seq", args)
        return [
            Segment(
                id=r["id"],
                transcript_id=r["transcript_id"],
                turn_index=r["turn_index"],
                speaker=r["speaker"],
                text=r["text"],
                start=r["char_start"],
                end=r["char_end"],
                seq=r["seq"],
                language=r["language"] or "",
            )
            for r in rows
        ]

    def segment_ids(self) -> list[int]:
        """Every segment's id, in reading order (no text read: cheap per request)."""
        rows = self.db.execute("SELECT id FROM segments ORDER BY transcript_id, seq")
        return [int(r[0]) for r in rows]

    def segment_count(self) -> int:
        row = self.db.execute("SELECT COUNT(*) FROM segments").fetchone()
        return int(row[0])

    def segment_exists(self, segment_id: int) -> bool:
        return bool(self.db.execute("SELECT 1 FROM segments WHERE id = ?", [segment_id]).fetchone())

    def segment_page(self, c: SegmentCriteria, offset: int, limit: int) -> tuple[list[int], int]:
        """Ids of one page of matching segments in id order, and how many match in all."""
        conds, args = criteria_sql(c)
        if c.query:
            conds.append(IN_FTS)
            args.append(fts_query(c.query))
        tail = f"FROM segments s {JOINS} WHERE {' AND '.join(conds)}"
        head = [c.coder, c.coder]
        rows, total = self._counted(
            (f"{STATES} SELECT COUNT(*) {tail}", head + args),
            (
                f"{STATES} SELECT s.id {tail} ORDER BY s.id LIMIT ? OFFSET ?",
                [*head, *args, limit, offset],
            ),
        )
        return [r[0] for r in rows], total

    def search_page(
        self, c: SegmentCriteria, offset: int, limit: int, tokens: int
    ) -> tuple[list[tuple[int, str]], int]:
        """(id, snippet) of one page of full-text matches of ``c.query``, best first, and
        how many match in all.  Snippets mark matches with ``HIT_OPEN``/``HIT_CLOSE``."""
        conds, args = criteria_sql(c)
        conds.insert(0, "segments_fts MATCH ?")
        args.insert(0, fts_query(c.query or ""))
        tail = (
            f"FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid {JOINS} "
            f"WHERE {' AND '.join(conds)}"
        )
        head = [c.coder, c.coder]
        page = (
            f"{STATES} SELECT s.id, snippet(segments_fts, 0, ?, ?, '…', ?) {tail} "
            "ORDER BY bm25(segments_fts), s.id LIMIT ? OFFSET ?"
        )
        rows, total = self._counted(
            (f"{STATES} SELECT COUNT(*) {tail}", head + args),
            (page, [*head, HIT_OPEN, HIT_CLOSE, tokens, *args, limit, offset]),
        )
        return [(r[0], r[1]) for r in rows], total

    def _counted(
        self, count: tuple[str, list[Any]], page: tuple[str, list[Any]]
    ) -> tuple[list[tuple[Any, ...]], int]:
        with self.db.atomic():  # one snapshot, so the total matches the page
            total = self.db.execute(*count).fetchone()[0]
            return self.db.execute(*page).fetchall(), int(total)

    def purge_segment_index(self) -> None:
        """Merge the full-text index so words of replaced segment text leave no trace in it
        (a redaction log entry does this by trigger; call it after other text rewrites)."""
        self.db.execute("INSERT INTO segments_fts(segments_fts) VALUES ('optimize')")

    def segment_rows(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """Segments with their transcript's title and their topic, in id order."""
        marks = ",".join("?" * len(ids))
        return list(
            self.db.query(
                "SELECT s.id, s.transcript_id, t.title AS transcript_title, s.seq, "
                "s.turn_index, s.speaker, s.text, s.char_start, s.char_end, st.topic_id, "
                "coalesce(s.language, '') AS language, "
                f"tp.label AS topic_label FROM segments s {JOINS} "
                f"LEFT JOIN topics tp ON tp.id = st.topic_id WHERE s.id IN ({marks}) "
                "ORDER BY s.id",
                list(ids),
            )
        )

    def code_states(self, ids: Sequence[int], coder: str | None) -> list[dict[str, Any]]:
        """Every suggested or decided code of these segments, with its current status and
        the deciding log entry; highest score first, then codes added by coders."""
        marks = ",".join("?" * len(ids))
        rows = self.db.query(
            f"{STATES} SELECT * FROM states WHERE segment_id IN ({marks}) "
            "ORDER BY segment_id, score DESC NULLS LAST, code_id",
            [coder, coder, *ids],
        )
        return [{**r, "evidence": json.loads(r["evidence"] or "[]")} for r in rows]

    def segment_neighbours(self, segment_id: int, before: int, after: int) -> list[int]:
        """Ids of up to ``before`` segments, this one and up to ``after`` segments of the
        same transcript, in transcript order."""
        row = self.db.execute(
            "SELECT transcript_id, seq FROM segments WHERE id = ?", [segment_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"No segment with id {segment_id}.")
        sql = "SELECT id FROM segments WHERE transcript_id = ? AND seq {} ? ORDER BY seq {} LIMIT ?"
        prev = self.db.execute(sql.format("<", "DESC"), [*row, before]).fetchall()
        nxt = self.db.execute(sql.format(">", "ASC"), [*row, after]).fetchall()
        return [r[0] for r in reversed(prev)] + [segment_id] + [r[0] for r in nxt]


def criteria_sql(c: SegmentCriteria) -> tuple[list[str], list[Any]]:
    """WHERE conditions (over ``segments s``, ``transcripts t``, ``segment_topics st`` and
    the ``states`` CTE) for everything in ``c`` but the full-text query."""
    conds, args = ["1"], []
    for column, value in (
        ("s.transcript_id", c.transcript_id),
        ("s.speaker", c.speaker),
        ("t.region", c.region),
        ("t.district", c.district),
        ("t.grp", c.group),
        ("t.language", c.language),
        ("st.topic_id", c.topic_id),
    ):
        if value is not None:
            conds.append(f"{column} = ?")
            args.append(value)
    for op, value in ((">=", c.date_from), ("<=", c.date_to)):
        if value:
            conds.append(f"substr(t.date, 1, 10) {op} ?")
            args.append(value)
    if c.flagged_by is not None:
        conds.append("s.id IN (SELECT segment_id FROM segment_flags WHERE coder = ?)")
        args.append(c.flagged_by)
    pair_conds, pair_args = pair_sql(c)
    return conds + pair_conds, args + pair_args


def pair_sql(c: SegmentCriteria) -> tuple[list[str], list[Any]]:
    """Code, status and score: one (segment, code) pair must meet them all.  ``unreviewed``
    means no current decision on ``c.code_id`` (on any code when there is none)."""
    pair, args = [], []
    for cond, value in (
        ("code_id = ?", c.code_id),
        ("score >= ?", c.min_score),
        ("score <= ?", c.max_score),
    ):
        if value is not None:
            pair.append(cond)
            args.append(value)
    conds, out_args = [], []
    if c.status == "unreviewed":
        on_code = " WHERE code_id = ?" if c.code_id is not None else ""
        conds.append(f"s.id NOT IN (SELECT segment_id FROM cur{on_code})")
        out_args += [c.code_id] if c.code_id is not None else []
        if c.min_score is None and c.max_score is None:
            pair, args = [], []  # the code alone is no condition here
    elif c.status is not None:
        pair.append("status = ?")
        args.append(c.status)
    if pair:
        conds.append(f"s.id IN (SELECT segment_id FROM states WHERE {' AND '.join(pair)})")
    return conds, out_args + args


def fts_query(text: str) -> str:
    """An FTS5 query that takes ``text`` as plain words, all required.  Every word is
    quoted, so quotes, ``*``, ``NEAR(``, ``OR`` and SQL are words, never syntax; a
    trailing ``*`` asks for words that start with it.  Russian е and ё match each other."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)
    terms = [_term(w) for w in text.split() if any(ch.isalnum() for ch in w)]
    if not terms:
        raise InputError("The search text has no words in it; type at least one word.")
    if len(terms) > MAX_TERMS:
        raise InputError(f"The search text has {len(terms)} words; use at most {MAX_TERMS}.")
    return " AND ".join(terms)


def _term(word: str) -> str:
    prefix = word.endswith("*")
    word = word.rstrip("*").lower()
    quoted = ['"' + v.replace('"', '""') + '"' + ("*" if prefix else "") for v in _yo(word)]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def _yo(word: str) -> list[str]:
    """``word`` with е and ё at (up to three of) their places in every combination."""
    base = word.replace("ё", "е")
    spots = [i for i, ch in enumerate(base) if ch == "е"][:3]
    variants = {word, base}
    for mask in range(1, 2 ** len(spots)):
        chars = list(base)
        for bit, i in enumerate(spots):
            if mask >> bit & 1:
                chars[i] = "ё"
        variants.add("".join(chars))
    return sorted(variants)
