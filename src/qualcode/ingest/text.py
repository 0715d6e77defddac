"""Plain-text and Markdown transcripts: one turn per speaker label.

A line that starts with a speaker label (see :mod:`qualcode.ingest.labels`) starts a
turn.  A line without one continues the turn before it: wrapped lines are joined with a
space, lines after a blank line with ``"\\n"`` (a new paragraph of the same turn).  A
line that is only a bracketed note (``[laughter]``) is such a continuation too, and
notes inside a line stay as written: they are part of the record.

Lines before the first label are front matter (title, date, place) and are not turns;
so are YAML front matter between ``---`` lines at the top, Markdown headings
(``# ...``) and rules (``---``, ``***``) anywhere.

A file without any speaker label (field notes, an interview summary, a report) is read
as paragraphs instead (:func:`prose_paragraphs`): one turn of the unnamed speaker
``Text`` per paragraph.  Paragraphs are separated by blank lines, headings and rules;
wrapped lines are joined with a space, and front matter is dropped as above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from qualcode.ingest.labels import match_label
from qualcode.ingest.safety import decode_text
from qualcode.ingest.turns import TurnBuilder, paragraph_turns
from qualcode.records import Turn

_HEADING = re.compile(r"^#{1,6}(?:\s|$)")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")


class LineParser:
    """Feeds lines into a :class:`TurnBuilder`; shared by the text and .docx readers."""

    def __init__(self, builder: TurnBuilder) -> None:
        self.builder = builder
        self._paragraph_break = False

    def paragraph_break(self) -> None:
        """The next continuation starts a new paragraph of the current turn."""
        self._paragraph_break = True

    def feed(self, line: str) -> None:
        """Take one line of text (without its line ending)."""
        line = line.strip()
        if not line:
            self.paragraph_break()
            return
        if _HEADING.match(line) or _RULE.match(line):
            return
        label = match_label(line)
        if label is not None:
            self.builder.start_turn(label.speaker, label.text, label.start)
        else:
            self.builder.extend(line, "\n" if self._paragraph_break else " ")
        self._paragraph_break = False


def _without_front_matter(lines: list[str]) -> list[str]:
    """Drop a YAML front matter block (``---`` ... ``---``) at the top."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return lines
    for i in range(first + 1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return lines[i + 1 :]
    return lines


def parse_lines(lines: Iterable[str]) -> list[Turn]:
    """Turns from the lines of a transcript."""
    parser = LineParser(TurnBuilder())
    for line in _without_front_matter(list(lines)):
        parser.feed(line)
    return parser.builder.build()


def read_text(data: bytes, source: str, notices: list[str] | None = None) -> list[Turn]:
    """Turns from the bytes of a .txt or .md file (any common encoding); without any
    speaker label, its paragraphs (with a notice)."""
    lines = decode_text(data, source).split("\n")
    return parse_lines(lines) or paragraph_turns(prose_paragraphs(lines), source, notices)


def prose_paragraphs(lines: Iterable[str]) -> list[str]:
    """The paragraphs of a file without speaker labels, each on one line."""
    paragraphs: list[list[str]] = [[]]
    for line in _without_front_matter(list(lines)):
        line = line.strip()
        if not line or _HEADING.match(line) or _RULE.match(line):
            paragraphs.append([])
        else:
            paragraphs[-1].append(line)
    return [" ".join(paragraph) for paragraph in paragraphs if paragraph]
