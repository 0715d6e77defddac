"""The parts of a ``project.qde``: users, variables, cases, sources with their coded
selections, notes and sets.  Each function appends its element to ``<Project>`` (or
nothing, when it would be empty: the schema wants at least one child) and returns how
many entries it wrote."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from qualcode.exports.refiqda.codes import code_guid
from qualcode.exports.refiqda.common import QDE_NS, guid, is_date, sub, text_child, xs_datetime

MACHINE_USER = "qualcode"  # codes open suggestions
# (transcripts column, variable name): the metadata exported as REFI-QDA variables
VARIABLES = (
    ("region", "Region"),
    ("district", "District"),
    ("date", "Date"),
    ("grp", "Participant group"),
    ("language", "Language"),
)
SET_KINDS = (("region", "Region"), ("grp", "Participant group"))
Row = Mapping[str, Any]
# (source GUID, a span of its text or None for the whole source) -> GUIDs of the notes
# (memos) about it: see ``qualcode.exports.refiqda.memos``
NoteRefs = Mapping[tuple[str, tuple[int, int] | None], Sequence[str]]


def source_guid(transcript: Row) -> str:
    return guid("source", transcript["content_hash"])


def names(transcripts: Sequence[Row]) -> dict[int, str]:
    """Each transcript's name for its source and case: its title, with its id added when
    another transcript has the same title."""
    seen = Counter(t["title"] for t in transcripts)
    return {
        t["id"]: t["title"] if seen[t["title"]] == 1 else f"{t['title']} (transcript {t['id']})"
        for t in transcripts
    }


def user_guid(name: str, *, machine: bool = False) -> str:
    return guid("machine-user" if machine else "user", name)


@dataclass(frozen=True)
class Coding:
    """One code applied to ``text[start:end]`` of a source, by a user (or the machine)."""

    source: str  # the source's GUID
    transcript_id: int
    start: int
    end: int
    code: str
    user: str
    machine: bool
    at: str | None  # xs:dateTime of the deciding review entry
    memo: str
    label: str  # names the selection: speaker and segment number

    @classmethod
    def from_row(cls, row: Row, source: str, start: int, end: int) -> Coding:
        """From a :func:`qualcode.exports.rows.coded_rows` row (not a rejected one)."""
        machine = row["status"] == "suggested"
        user = MACHINE_USER if machine else row["coder"]
        label = f"{row['speaker']}, segment {row['seq']}"
        at = None if machine else xs_datetime(row["decided_at"])
        memo = "" if machine else (row["memo"] or "").strip()
        return cls(
            source, row["transcript_id"], start, end, row["code"], user, machine, at, memo, label
        )

    @property
    def guid(self) -> str:
        return guid("coding", self.source, self.start, self.end, self.code)

    @property
    def user_guid(self) -> str:
        return user_guid(self.user, machine=self.machine)

    @property
    def note_guid(self) -> str:
        return guid("note", self.source, self.start, self.end, self.code)


def users(root: etree._Element, machine_users: Iterable[str], coders: Iterable[str]) -> int:
    people = [(u, user_guid(u, machine=True), f"{u} (machine suggestions)") for u in machine_users]
    people += [(c, user_guid(c), c) for c in coders]
    if not people:
        return 0
    holder = sub(root, QDE_NS, "Users")
    for name, user_id, label in people:
        sub(holder, QDE_NS, "User", guid=user_id, name=label, id=name)
    return len(people)


def variables(root: etree._Element, transcripts: Sequence[Row]) -> dict[str, str]:
    """``<Variables>``; returns each variable's type (Date when every value is a date)."""
    kinds: dict[str, str] = {}
    holder = sub(root, QDE_NS, "Variables")
    for column, name in VARIABLES:
        values = [t[column] for t in transcripts if t[column]]
        kinds[column] = "Date" if values and all(is_date(v) for v in values) else "Text"
        variable = sub(holder, QDE_NS, "Variable", guid=guid("variable", column), name=name)
        variable.set("typeOfVariable", kinds[column])
    return kinds


def variable_values(parent: etree._Element, transcript: Row, kinds: Mapping[str, str]) -> None:
    for column, _ in VARIABLES:
        if not transcript[column]:
            continue
        value = sub(parent, QDE_NS, "VariableValue")
        sub(value, QDE_NS, "VariableRef", targetGUID=guid("variable", column))
        tag = "DateValue" if kinds[column] == "Date" else "TextValue"
        text_child(value, QDE_NS, tag, str(transcript[column]))


def cases(root: etree._Element, transcripts: Sequence[Row], kinds: Mapping[str, str]) -> int:
    """One ``<Case>`` per transcript: its metadata as variable values and the source."""
    if not transcripts:
        return 0
    holder = sub(root, QDE_NS, "Cases")
    named = names(transcripts)
    for t in transcripts:
        case = sub(
            holder, QDE_NS, "Case", guid=guid("case", t["content_hash"]), name=named[t["id"]]
        )
        variable_values(case, t, kinds)
        sub(case, QDE_NS, "SourceRef", targetGUID=source_guid(t))
    return len(transcripts)


def sources(
    root: etree._Element,
    transcripts: Sequence[Row],
    codings: Sequence[Coding],
    kinds: Mapping[str, str],
    refs: NoteRefs | None = None,
) -> int:
    """A ``<TextSource>`` per transcript, text in ``internal://<guid>.txt``, holding its
    coded selections and the references to notes about it or a span of it; returns the
    number of selections."""
    refs = refs or {}
    if not transcripts:
        return 0
    holder = sub(root, QDE_NS, "Sources")
    machine = user_guid(MACHINE_USER, machine=True)
    named, count = names(transcripts), 0
    for t in transcripts:
        source = sub(holder, QDE_NS, "TextSource", guid=source_guid(t), name=named[t["id"]])
        source.set("plainTextPath", f"internal://{source_guid(t)}.txt")
        source.set("creatingUser", machine)
        if created := xs_datetime(t["created_at"]):
            source.set("creationDateTime", created)
        about = f"{t['source_name']} ({t['fmt']}): {len(t['text'])} characters of redacted text."
        text_child(source, QDE_NS, "Description", about)
        spans = {span: r for (g, span), r in refs.items() if g == source_guid(t) and span}
        count += _selections(source, [c for c in codings if c.transcript_id == t["id"]], spans)
        for note in refs.get((source_guid(t), None), ()):
            sub(source, QDE_NS, "NoteRef", targetGUID=note)
        variable_values(source, t, kinds)
    return count


def _selections(
    source: etree._Element,
    codings: Sequence[Coding],
    refs: Mapping[tuple[int, int], Sequence[str]],
) -> int:
    """One ``<PlainTextSelection>`` per coded span or span with notes, holding its codings
    and note references, in text order."""
    spans: dict[tuple[int, int], list[Coding]] = {span: [] for span in refs}
    for coding in codings:
        spans.setdefault((coding.start, coding.end), []).append(coding)
    for (start, end), group in sorted(spans.items()):
        name = group[0].label if group else f"Characters {start}-{end}"
        selection = sub(source, QDE_NS, "PlainTextSelection", name=name)
        selection.set("guid", guid("selection", source.get("guid"), start, end))
        selection.set("startPosition", str(start))
        selection.set("endPosition", str(end))
        selection.set("creatingUser", group[0].user_guid if group else source.get("creatingUser"))
        if stamps := sorted(c.at for c in group if c.at):
            selection.set("creationDateTime", stamps[0])
        for coding in group:
            _coding(selection, coding)
        for note in refs.get((start, end), ()):
            sub(selection, QDE_NS, "NoteRef", targetGUID=note)
    return len(spans)


def _coding(selection: etree._Element, coding: Coding) -> None:
    element = sub(selection, QDE_NS, "Coding", guid=coding.guid, creatingUser=coding.user_guid)
    if coding.at:
        element.set("creationDateTime", coding.at)
    sub(element, QDE_NS, "CodeRef", targetGUID=code_guid(coding.code))
    if coding.memo:
        sub(element, QDE_NS, "NoteRef", targetGUID=coding.note_guid)


def notes(root: etree._Element, codings: Sequence[Coding], more: int = 0) -> int:
    """Review memos as ``<Note>``s (referenced from their codings), in a ``<Notes>`` that
    is also made when ``more`` notes will follow (see ``refiqda.memos``)."""
    with_memo = [c for c in codings if c.memo]
    if not with_memo and not more:
        return 0
    holder = sub(root, QDE_NS, "Notes")
    for c in with_memo:
        note = sub(holder, QDE_NS, "Note", guid=c.note_guid, name=f"Memo: {c.code} ({c.user})")
        note.set("creatingUser", c.user_guid)
        if c.at:
            note.set("creationDateTime", c.at)
        text_child(note, QDE_NS, "PlainTextContent", c.memo)
    return len(with_memo)


def sets(root: etree._Element, transcripts: Sequence[Row]) -> int:
    """A ``<Set>`` of sources per region and per participant group."""
    members: dict[tuple[str, str, str], list[str]] = {}
    for column, title in SET_KINDS:
        for t in transcripts:
            if t[column]:
                members.setdefault((column, title, t[column]), []).append(source_guid(t))
    if not members:
        return 0
    holder = sub(root, QDE_NS, "Sets")
    for (column, title, value), guids in members.items():
        group = sub(
            holder, QDE_NS, "Set", guid=guid("set", column, value), name=f"{title}: {value}"
        )
        text_child(group, QDE_NS, "Description", f"Transcripts whose {title.lower()} is {value}.")
        for source in guids:
            sub(group, QDE_NS, "MemberSource", targetGUID=source)
    return len(members)
