"""Memos (``qualcode.review.memos``) in a ``project.qde``: each current memo becomes a
``<Note>`` referenced from what it is about: the project (``<NoteRef>`` at the end of
``<Project>``), a transcript (its ``<TextSource>``), a segment (the
``<PlainTextSelection>`` of the segment's text) or a code (its ``<Code>``).  Memos on
transcripts, segments or codes the export leaves out are left out too."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from qualcode.exports.refiqda.codes import code_guid
from qualcode.exports.refiqda.common import QDE_NS, guid, sub, text_child, xs_datetime
from qualcode.exports.refiqda.parts import source_guid, user_guid
from qualcode.review.memos import Memo, list_memos
from qualcode.store import Store


@dataclass(frozen=True)
class MemoNote:
    memo: Memo
    source: str | None  # the source GUID of a transcript or segment memo
    span: tuple[int, int] | None  # a segment memo: the segment's offsets in the source

    @property
    def guid(self) -> str:
        return guid("memo", self.memo.id)

    @property
    def author_guid(self) -> str:
        return user_guid(self.memo.author)


def memo_notes(
    store: Store, transcripts: Sequence[Mapping[str, Any]], code_ids: Iterable[str]
) -> list[MemoNote]:
    """The memos about what the export holds, oldest first."""
    sources = {str(t["id"]): source_guid(t) for t in transcripts}
    codes = set(code_ids)
    out = []
    for m in reversed(list_memos(store)):
        if m.target == "project" or (m.target == "code" and m.target_id in codes):
            out.append(MemoNote(m, None, None))
        elif m.target == "transcript" and m.target_id in sources:
            out.append(MemoNote(m, sources[m.target_id], None))
        elif m.target == "segment":
            segment = store.segments.segment(int(m.target_id))
            if (source := sources.get(str(segment.transcript_id))) is not None:
                out.append(MemoNote(m, source, (segment.start, segment.end)))
    return out


def note_element(holder: etree._Element, note: MemoNote) -> None:
    m = note.memo
    title = f"Memo on the {m.target}" + (f" {m.target_id}" if m.target_id else "")
    element = sub(holder, QDE_NS, "Note", guid=note.guid, name=f"{title} ({m.author})")
    element.set("creatingUser", note.author_guid)
    if at := xs_datetime(m.at):
        element.set("creationDateTime", at)
    text_child(element, QDE_NS, "PlainTextContent", m.text)


def refer(parent: etree._Element, notes: Iterable[MemoNote]) -> None:
    for note in notes:
        sub(parent, QDE_NS, "NoteRef", targetGUID=note.guid)


def refer_from_codes(codebook: etree._Element, notes: Sequence[MemoNote]) -> None:
    """A ``<NoteRef>`` in each memo's ``<Code>``, after its description, before sub-codes."""
    by_code: dict[str, list[MemoNote]] = {}
    for n in notes:
        if n.memo.target == "code":
            by_code.setdefault(code_guid(n.memo.target_id), []).append(n)
    for element in codebook.iter(f"{{{QDE_NS}}}Code"):
        for n in reversed(by_code.get(element.get("guid") or "", [])):
            ref = etree.Element(f"{{{QDE_NS}}}NoteRef", {"targetGUID": n.guid})
            first = element.find(f"{{{QDE_NS}}}Description")
            element.insert(0 if first is None else element.index(first) + 1, ref)


def note_refs(notes: Iterable[MemoNote]) -> dict[tuple[str, tuple[int, int] | None], list[str]]:
    """What ``parts.sources`` references: per source (and segment span), its notes."""
    refs: dict[tuple[str, tuple[int, int] | None], list[str]] = {}
    for n in notes:
        if n.source is not None:
            refs.setdefault((n.source, n.span), []).append(n.guid)
    return refs
