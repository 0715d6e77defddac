"""Building :class:`Turn` objects piece by piece, as every reader does."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from qualcode.ingest.roles import PROSE_LABEL
from qualcode.records import Turn

UNKNOWN_SPEAKER = "Unknown"
"""Speaker of subtitle cues or table rows that come before any named speaker."""


@dataclass
class _Draft:
    speaker: str
    pieces: list[str] = field(default_factory=list)
    start: float | None = None
    end: float | None = None
    alone: bool = False  # never merged with the turn before or after

    def add(self, text: str, sep: str) -> None:
        text = text.strip()
        if text:
            if self.pieces:
                self.pieces.append(sep)
            self.pieces.append(text)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


class TurnBuilder:
    """Collects turns; with ``merge_same_speaker`` consecutive turns of one speaker join.

    Text is stripped and NFC-normalised (a name typed with combining accents on one
    machine and precomposed ones on another reads the same); empty turns are dropped.
    """

    def __init__(self, *, merge_same_speaker: bool = False, merge_sep: str = " ") -> None:
        self._drafts: list[_Draft] = []
        self._merge = merge_same_speaker
        self._merge_sep = merge_sep

    @property
    def has_turn(self) -> bool:
        return bool(self._drafts)

    @property
    def current_speaker(self) -> str | None:
        return self._drafts[-1].speaker if self._drafts else None

    def start_turn(
        self,
        speaker: str,
        text: str = "",
        start: float | None = None,
        end: float | None = None,
        *,
        alone: bool = False,
    ) -> None:
        """Begin a turn, or continue the last one when merging and the speaker is the same.
        A turn started ``alone`` (its speaker is not known) is never merged with another."""
        last = self._drafts[-1] if self._drafts else None
        if self._merge and not alone and last and not last.alone and last.speaker == speaker:
            last.add(text, self._merge_sep)
            last.start = last.start if last.start is not None else start
            last.end = end if end is not None else last.end
            return
        draft = _Draft(speaker, start=start, end=end, alone=alone)
        draft.add(text, self._merge_sep)
        self._drafts.append(draft)

    def extend(self, text: str, sep: str = " ") -> bool:
        """Add a continuation to the last turn; False (nothing done) when there is none."""
        if not self._drafts:
            return False
        self._drafts[-1].add(text, sep)
        return True

    def build(self) -> list[Turn]:
        """The finished turns, without empty ones."""
        turns = []
        for draft in self._drafts:
            text = _clean("".join(draft.pieces))
            if text:
                turns.append(Turn(_clean(draft.speaker), text, draft.start, draft.end))
        return turns


def paragraph_turns(
    paragraphs: Iterable[str], source: str, notices: list[str] | None = None
) -> list[Turn]:
    """One turn of the unnamed speaker (``roles.PROSE_LABEL``) per non-empty paragraph:
    how a file without speaker labels (field notes, a summary) is read.  A notice that
    says so (naming ``source``, never quoting the text) goes to ``notices``."""
    builder = TurnBuilder()
    for paragraph in paragraphs:
        builder.start_turn(PROSE_LABEL, paragraph)
    turns = builder.build()
    if turns and notices is not None:
        plural = "paragraph" if len(turns) == 1 else "paragraphs"
        notices.append(
            f"{source}: no speaker labels found; read as {len(turns)} {plural} of one "
            f"unnamed speaker, '{PROSE_LABEL}'."
        )
    return turns
