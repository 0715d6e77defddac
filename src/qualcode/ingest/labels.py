"""Speaker labels at the start of a line: ``Moderator:``, ``P3:``, ``[00:12:31] Speaker 1:``.

Shared by the plain-text, .docx-paragraph and subtitle readers.  A line starts a turn
when it begins with a plausible label followed by a colon (``Dilnoza: ...``), or by a
spaced dash for all-caps and role labels (``MODERATOR - ...``).  The rules that keep
ordinary sentences from being read as labels:

* the label starts with an uppercase letter (any script: ``Дилноза:`` is a label);
* it has at most 5 words and 40 characters and no sentence punctuation (``.,;?!"``),
  except initials and titles such as ``A.`` or ``Dr.``;
* every word after the first is capitalised (``Nodira Karimova``), a number
  (``Participant 2``) or one of a few lowercase honorifics and role words
  (``Nodira opa``, ``note taker``), so ``He said: go home`` is not a label;
* words that head metadata lines are never speakers (``Date:``, ``Location:``,
  ``Note:``, ``Time:``, ``Question 3:`` ...): before the first label such lines are
  front matter, inside a turn they are part of its text.

A demographic note in parentheses (``Participant 2 (F, 34):``) is dropped from the
speaker name, but a name in it stays (``Участница 2 (Гульнора):``, ``Participant 4
(Mastura, 29):``), so that redaction learns the name and replaces it; a timestamp in
brackets or parentheses, before or after the label, gives the turn's start.  An
all-caps label is written in title case (``MODERATOR`` -> ``Moderator``,
``PARTICIPANT 2`` -> ``Participant 2``), so both spellings name one speaker; any other
label is kept as written, with its whitespace collapsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcode.ingest.roles import is_role_label
from qualcode.ingest.timecode import TIMESTAMP_PATTERN, parse_timestamp

MAX_LABEL_CHARS = 40
MAX_LABEL_WORDS = 5

_TS = TIMESTAMP_PATTERN
_LEAD_TS = rf"(?:\[(?P<ts_a>{_TS})\]\s*|\((?P<ts_b>{_TS})\)\s*|(?P<ts_c>{_TS})\s+)?"
_NAME = r"(?P<name>[^\W\d_][^:：\[\]()\n\t]{0,59}?)"
_NOTE = r"(?:\s*\((?P<note>[^()\n]{0,40})\))?"
_TRAIL_TS = rf"(?:\s*\[(?P<ts_d>{_TS})\])?"
# a colon between digits is a time ("Dilnoza 12:30"), not the end of a label
_SEP = r"\s*(?:(?P<colon>(?<!\d)[:：]|[:：](?!\d))|\s[-–—](?=\s|$))"
_LABEL_LINE = re.compile(rf"^{_LEAD_TS}{_NAME}{_NOTE}{_TRAIL_TS}{_SEP}\s*(?P<text>.*)$")
# "Speaker 1  0:03" alone on a line (two or more spaces or a tab before the time), as
# Otter.ai and similar services export; the turn's text follows on the next lines
_NAME_TIME_LINE = re.compile(
    rf"^(?P<name>[^\W\d_][^:\[\]()\n\t]{{0,59}}?)(?:\s{{2,}}|\t)(?P<ts>{_TS})$"
)
# "**Moderator:** text" or "__Moderator__: text"
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?P<inner>[^*_\n]{1,60}?)\1(?P<rest>.*)$")

_WORD = re.compile(r"[^\W_][\w'’ʻʼ`-]*")
_NUMBER_WORD = re.compile(r"#?\d+[^\W_]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]\.|(?:Mr|Mrs|Ms|Dr|Prof)\.")

LOWERCASE_LABEL_WORDS = frozenset(
    # Uzbek / Tajik / Russian forms of address written after a name: "Nodira opa"
    {"opa", "apa", "aka", "ako", "xola", "hola", "khola", "amaki", "amak", "bobo", "buvi"}
    | {"momo", "ota", "ona", "jon", "xon", "khon", "hon", "begim", "bek", "domla", "ustoz"}
    | {"eje", "kelin", "yanga", "kennoyi", "qizi", "kizi", "o'g'li", "ogli", "ugli", "hoji"}
    | {"mullo", "bibi", "muallim", "muallima", "hamshira", "opajon", "akajon", "xolajon"}
    # the same in Cyrillic script (Uzbek, Tajik, Russian)
    | {"опа", "апа", "ака", "ако", "хола", "амаки", "амак", "бобо", "буви", "момо", "ота"}
    | {"она", "жон", "джон", "хон", "бегим", "бек", "домла", "устоз", "келин", "янга"}
    | {"қизи", "кизи", "ўғли", "угли", "огли", "хожи", "мулло", "биби", "опажон", "акажон"}
    # role words: "note taker", "assistant moderator", "participant 2"
    | {"moderator", "facilitator", "interviewer", "respondent", "participant", "speaker"}
    | {"assistant", "translator", "interpreter", "observer", "taker", "note-taker"}
    | {"модератор", "участник", "участница", "респондент", "интервьюер", "ведущий"}
    | {"ведущая", "фасилитатор", "ishtirokchi", "boshlovchi", "иштирокчи", "иштирокчӣ"}
    | {"катышуучу", "баруучу", "қатысушы"}
)
NON_SPEAKER_LABELS = frozenset(
    {"note", "notes", "nb", "n.b", "date", "time", "location", "place", "venue", "region"}
    | {"district", "village", "city", "title", "subject", "duration", "length", "language"}
    | {"group", "recording", "audio", "file", "transcriber", "transcribed by", "summary"}
    | {"transcription", "translated by", "participants", "attendees", "present", "start"}
    | {"end", "start time", "end time", "comment", "comments", "keywords", "tags", "url"}
    | {"http", "https", "email", "e-mail", "phone", "tel", "warning", "source", "interview date"}
    | {"focus group", "date of interview", "date of discussion", "number of participants"}
    # the same headings in Russian and Uzbek
    | {"фокус-группа", "фокус группа", "дата", "время", "место", "регион", "район", "область"}
    | {"тема", "примечание", "участники", "расшифровка", "запись", "язык", "группа"}
    | {"fokus-guruh", "fokus guruh", "sana", "vaqt", "joy", "viloyat", "tuman", "mavzu"}
    | {"ishtirokchilar", "izoh"}
)
# first words of section headings in discussion guides: "Question 3:", "Part 2:"
NON_SPEAKER_FIRST_WORDS = frozenset(
    {"question", "section", "part", "topic", "theme", "block", "chapter", "session"}
    | {"вопрос", "часть", "раздел", "тема", "блок", "savol", "qism", "bo'lim"}
)


@dataclass(frozen=True)
class LabelMatch:
    """A speaker label found at the start of a line, and the rest of the line."""

    speaker: str
    text: str
    start: float | None = None


def _word_ok(word: str, *, first: bool) -> bool:
    if _ABBREVIATION.fullmatch(word):
        return True
    if not first and _NUMBER_WORD.fullmatch(word):
        return True
    if not _WORD.fullmatch(word):
        return False
    return word[0].isupper() or (not first and word.lower() in LOWERCASE_LABEL_WORDS)


def is_plausible_label(name: str, *, dash: bool = False) -> bool:
    """Whether ``name`` (the text before ``:`` or `` - ``) can be a speaker label.

    ``dash`` labels (``MODERATOR - text``) must also be all caps or a role label
    (``Moderator``, ``Participant 2``, ``P3``), since ``Well - I think`` is common prose.
    """
    words = name.split()
    if not words or len(name) > MAX_LABEL_CHARS or len(words) > MAX_LABEL_WORDS:
        return False
    lowered = " ".join(words).lower()
    if lowered in NON_SPEAKER_LABELS or words[0].lower() in NON_SPEAKER_FIRST_WORDS:
        return False
    if not all(_word_ok(word, first=i == 0) for i, word in enumerate(words)):
        return False
    if dash:
        return name.isupper() or is_role_label(name)
    return True


def _capitalise(word: str) -> str:
    if any(ch.isdigit() for ch in word) or len(word) == 1:
        return word
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def normalise_speaker(name: str) -> str:
    """Collapse whitespace, drop a trailing colon, and title-case an all-caps label."""
    words = name.strip().rstrip(":：").split()
    if not " ".join(words).isupper():
        return " ".join(words)
    out = [_capitalise(words[0])] if words else []
    for word in words[1:]:
        lower = word.lower()
        out.append(lower if lower in LOWERCASE_LABEL_WORDS else _capitalise(word))
    return " ".join(out)


def _unwrap_emphasis(line: str) -> str:
    """``**Moderator:** text`` -> ``Moderator: text``; other lines are returned as is."""
    match = _EMPHASIS.match(line)
    if not match:
        return line
    inner, rest = match["inner"].strip(), match["rest"]
    if inner.endswith((":", "：")) or rest.lstrip().startswith((":", "：")):
        return f"{inner}{rest}"
    return line


def _holds_name(note: str) -> bool:
    """A note with a capitalised word of three letters or more ("Гульнора", "Mastura,
    29"), unlike a demographic note ("F, 34") or a lowercase one ("older")."""
    return any(len(w) >= 3 and w[0].isupper() for w in _LETTERS.findall(note))


def _first_timestamp(*values: str | None) -> float | None:
    for value in values:
        if value:
            return parse_timestamp(value)
    return None


# A pseudonym from qualcode's redaction ("[PERSON_3]: text"), so redacted copies that a
# team shares can be ingested again with their speakers.
_PSEUDONYM_LINE = re.compile(r"^(?P<name>\[[A-Z]+_\d+\])\s*[:：]\s*(?P<text>.*)$")


def match_label(line: str) -> LabelMatch | None:
    """The speaker label at the start of ``line``, or None if the line has none."""
    line = _unwrap_emphasis(line.strip())
    pseudonym = _PSEUDONYM_LINE.match(line)
    if pseudonym:
        return LabelMatch(pseudonym["name"], pseudonym["text"].strip(), None)
    alone = _NAME_TIME_LINE.match(line)
    if alone and is_plausible_label(alone["name"]):
        return LabelMatch(normalise_speaker(alone["name"]), "", parse_timestamp(alone["ts"]))
    match = _LABEL_LINE.match(line)
    if match and is_plausible_label(match["name"], dash=match["colon"] is None):
        note = (match["note"] or "").strip()
        note_ts = note if parse_timestamp(note) is not None else None
        start = _first_timestamp(match["ts_a"], match["ts_b"], match["ts_c"], match["ts_d"])
        if start is None and note_ts:
            start = parse_timestamp(note_ts)
        speaker = normalise_speaker(match["name"])
        if not note_ts and _holds_name(note):
            speaker = f"{speaker} ({' '.join(note.split())})"
        return LabelMatch(speaker, match["text"].strip(), start)
    return None
