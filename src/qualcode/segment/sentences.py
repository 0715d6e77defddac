"""The segment stage: redacted turns -> coding units with exact character offsets.

The stored plain text of a transcript is one line per turn (``qualcode.text.layout``).
A segment is a whole turn or, for a long turn, consecutive sentences grouped up to
``max_chars``; never across speakers.  For every segment
``stored_text[seg.start:seg.end] == seg.text``, so a coded span can be pointed at
exactly (REFI-QDA PlainTextSelection offsets count this text).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from qualcode.nlp import blank
from qualcode.records import Segment

if TYPE_CHECKING:
    from spacy.language import Language


class Segmenter(Protocol):
    def segment(
        self,
        transcript_id: int,
        text: str,
        spans: Sequence[tuple[int, int]],
        speakers: Sequence[str],
    ) -> list[Segment]: ...


@lru_cache(maxsize=1)
def _sentencizer() -> Language:
    nlp = blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


class SentenceSegmenter:
    """A turn is one segment unless longer than ``max_chars``; then sentences are grouped
    greedily up to ``max_chars`` (a single longer sentence stays whole)."""

    def __init__(self, max_chars: int = 600) -> None:
        self.max_chars = max_chars

    def segment(
        self,
        transcript_id: int,
        text: str,
        spans: Sequence[tuple[int, int]],
        speakers: Sequence[str],
    ) -> list[Segment]:
        segments: list[Segment] = []
        for turn_index, ((start, end), speaker) in enumerate(zip(spans, speakers, strict=True)):
            for s, e in self._units(text, start, end):
                segments.append(
                    Segment(transcript_id, turn_index, speaker, text[s:e], s, e, len(segments))
                )
        return segments

    def _units(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        start, end = _strip(text, start, end)
        if end <= start:
            return []
        if end - start <= self.max_chars:
            return [(start, end)]
        doc = _sentencizer()(text[start:end])
        sentences = [(start + s.start_char, start + s.end_char) for s in doc.sents]
        return _group(sentences, self.max_chars)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _group(sentences: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    groups: list[tuple[int, int]] = []
    for s, e in sentences:
        if groups and e - groups[-1][0] <= max_chars:
            groups[-1] = (groups[-1][0], e)
        else:
            groups.append((s, e))
    return groups
