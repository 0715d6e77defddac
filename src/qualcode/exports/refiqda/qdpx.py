"""The whole project as a REFI-QDA ``.qdpx``: a ZIP holding ``project.qde`` and
``sources/<guid>.txt``, one per transcript, byte for byte the stored (redacted) text.

Codings are the rows of :func:`qualcode.exports.rows.coded_rows` for the selection, less
rejected ones (a rejected suggestion is not a coding): an open suggestion is coded by
the machine user ``qualcode``, an accepted or added code by the coder who decided.
Each coding sits in a ``PlainTextSelection`` whose start/end are character offsets into
the source text (the segment's, or the part of it an added code was given); a review
memo becomes a ``Note`` referenced from its coding, and so does each memo on the project,
a transcript, a segment or a code (``refiqda.memos``), referenced from what it is about.
Transcript metadata become ``Variables`` whose values sit on one ``Case`` per transcript
(and on the source), with ``Sets`` per region and per participant group.  GUIDs are
uuid5 of stable keys and the ZIP has fixed timestamps, so exporting the same project
twice gives the same file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from qualcode.errors import PipelineError
from qualcode.exports.refiqda import memos
from qualcode.exports.refiqda.codes import codes_element, project_codes
from qualcode.exports.refiqda.common import ORIGIN, QDE_NS, serialise, sub, xs_datetime
from qualcode.exports.refiqda.parts import (
    MACHINE_USER,
    Coding,
    cases,
    notes,
    sets,
    source_guid,
    sources,
    user_guid,
    users,
    variables,
)
from qualcode.exports.refiqda.validate import PROJECT_ENTRY, check_own_output
from qualcode.exports.safefiles import write_atomic
from qualcode.review import decisions as review
from qualcode.review.coded import coded_rows
from qualcode.review.selection import Selection
from qualcode.store import Store

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ExportCounts:
    """What a ``.qdpx`` holds."""

    sources: int
    codes: int
    codings: int
    selections: int
    notes: int
    users: int
    cases: int
    sets: int


def export_qdpx(store: Store, path: Path, selection: Selection | None = None) -> ExportCounts:
    """Write the project (the transcripts and codings ``selection`` keeps) as a REFI-QDA
    ``.qdpx``, schema-checked before the file appears; return what it holds."""
    path = Path(path)
    sel = selection or Selection()
    transcripts = [t for t in store.transcripts.transcripts() if sel.keeps_transcript(t)]
    codings = _codings(store, sel, {t["id"]: t for t in transcripts})
    codes = project_codes(store, sel, also=[c.code for c in codings])
    root, counts = _project(store, sel, transcripts, codes, codings)
    qde = serialise(root)
    check_own_output(qde, "qde", path)
    files = {f"sources/{source_guid(t)}.txt": t["text"] for t in transcripts}
    write_atomic(path, _zip(qde, files))
    return counts


def _project(
    store: Store,
    sel: Selection,
    transcripts: list[dict[str, Any]],
    codes: list[dict[str, Any]],
    codings: list[Coding],
) -> tuple[etree._Element, ExportCounts]:
    """The ``<Project>`` element, children in the schema's order, and its counts."""
    root = etree.Element(f"{{{QDE_NS}}}Project", nsmap={None: QDE_NS})
    events = store.review.review_events()
    memo_notes = memos.memo_notes(store, transcripts, [c["id"] for c in codes])
    _project_attributes(root, store, transcripts, events)
    people = {e["coder"] for e in events} | {n.memo.author for n in memo_notes}
    n_users = users(root, [MACHINE_USER], sorted(people))
    n_codes = 0
    if codes:
        codebook = sub(root, QDE_NS, "CodeBook")
        n_codes = codes_element(codebook, QDE_NS, codes)
        memos.refer_from_codes(codebook, memo_notes)
    kinds = variables(root, transcripts)
    n_cases = cases(root, transcripts, kinds)
    n_selections = sources(root, transcripts, codings, kinds, memos.note_refs(memo_notes))
    n_notes = notes(root, codings, more=len(memo_notes)) + len(memo_notes)
    for note in memo_notes:
        memos.note_element(root.find(f"{{{QDE_NS}}}Notes"), note)
    n_sets = sets(root, transcripts)
    about = f"Exported by {ORIGIN}; transcript text is redacted. Selection: {sel.describe()}."
    sub(root, QDE_NS, "Description").text = about
    memos.refer(root, [n for n in memo_notes if n.memo.target == "project"])
    counts = ExportCounts(
        len(transcripts), n_codes, len(codings), n_selections, n_notes, n_users, n_cases, n_sets
    )
    return root, counts


def _project_attributes(
    root: etree._Element, store: Store, transcripts: list[dict], events: list[dict]
) -> None:
    """Name, origin, creator (the machine user) and when: the first transcript's import
    and the latest import or review decision."""
    created = sorted(filter(None, (xs_datetime(t["created_at"]) for t in transcripts)))
    decided = [xs_datetime(e["at"]) for e in events]
    modified = sorted(filter(None, [*created, *decided]))
    root.set("name", store.path.parent.name)
    root.set("origin", ORIGIN)
    root.set("creatingUserGUID", user_guid(MACHINE_USER, machine=True))
    if created:
        root.set("creationDateTime", created[0])
        root.set("modifiedDateTime", modified[-1])


def _codings(store: Store, sel: Selection, transcripts: Mapping[int, Mapping]) -> list[Coding]:
    """One coding per selected row that is not rejected, offsets checked against the
    source text."""
    spans = _added_spans(store)
    out: list[Coding] = []
    for row in coded_rows(store, sel):
        transcript = transcripts.get(row["transcript_id"])
        if row["status"] == "rejected" or transcript is None:
            continue
        start, end, expected = row["char_start"], row["char_end"], row["text"]
        span = spans.get((row["segment_id"], row["code"])) if row["status"] == "added" else None
        if span is not None and 0 <= span[0] < span[1] <= len(expected):
            start, end = start + span[0], start + span[1]
            expected = expected[span[0] : span[1]]
        _check_offsets(transcript["text"], start, end, expected, row)
        out.append(Coding.from_row(row, source_guid(transcript), start, end))
    return out


def _added_spans(store: Store) -> dict[tuple[int, str], tuple[int, int]]:
    """The part of the segment each current ``add`` decision was given, if any."""
    return {
        pair: d["span"]
        for pair, d in review.decisions(store).items()
        if d["status"] == "added" and d["span"] is not None
    }


def _check_offsets(text: str, start: int, end: int, expected: str, row: Mapping) -> None:
    if text[start:end] != expected:
        raise PipelineError(
            f"Segment {row['segment_id']} of transcript {row['transcript_id']}: its offsets "
            f"{start}-{end} do not match its text in the stored transcript; nothing was "
            "exported.",
            hint="Re-run `qualcode process` so segments are rebuilt from the stored text.",
        )


def _zip(qde: bytes, files: Mapping[str, str]) -> bytes:
    """The ``.qdpx`` bytes: ``project.qde`` first, then the sources, fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [(PROJECT_ENTRY, qde), *((n, t.encode()) for n, t in files.items())]:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
