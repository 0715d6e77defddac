"""WebVTT (.vtt) and SubRip (.srt) transcripts, parsed with webvtt-py.

The speaker of a cue line is its WebVTT voice (``<v Dilnoza>text``) or a label at its
start (``Moderator: text``, see :mod:`qualcode.ingest.labels`).  A line without one
continues the previous speaker; lines before the first named speaker are attributed to
``"Unknown"``, and a file with no speaker names at all is an error (it cannot be
analysed by speaker).  Consecutive cues of one speaker become one turn, from the start
of the first cue to the end of the last.  Styling tags are removed and, in WebVTT,
character references (``&amp;``) decoded.
"""

from __future__ import annotations

import html
import re

import webvtt

from qualcode.errors import IngestError
from qualcode.ingest.labels import match_label, normalise_speaker
from qualcode.ingest.safety import decode_text
from qualcode.ingest.turns import UNKNOWN_SPEAKER, TurnBuilder
from qualcode.records import Turn

_VOICE = re.compile(r"^\s*<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"<[^>\n]*>")
_NAMES = {"vtt": "WebVTT", "srt": "SubRip (.srt)"}


def _captions(data: bytes, source: str, fmt: str) -> list[webvtt.Caption]:
    lines = decode_text(data, source).split("\n")
    try:
        parsed = webvtt.WebVTT.from_buffer(lines, format=fmt, strict=fmt == "vtt")
    except Exception:  # webvtt-py raises several types; their messages quote the text
        raise IngestError(
            f"{source}: is not a valid {_NAMES[fmt]} file (malformed header or cue).",
            hint="Check it opens in a subtitle editor, or export it again.",
        ) from None
    return list(parsed.captions)


def _line_speaker(raw: str, fmt: str) -> tuple[str | None, str]:
    """``(speaker or None, text)`` of one raw cue line."""
    voice = _VOICE.match(raw)
    text = _TAG.sub("", raw)
    if fmt == "vtt":
        text = html.unescape(text)
    if voice:
        return normalise_speaker(voice[1]), text.strip()
    label = match_label(text)
    if label is not None:
        return label.speaker, label.text
    return None, text.strip()


def read_subtitles(data: bytes, source: str, fmt: str) -> list[Turn]:
    """Turns from the bytes of a .vtt (``fmt="vtt"``) or .srt (``fmt="srt"``) file."""
    builder = TurnBuilder(merge_same_speaker=True)
    named = False
    for caption in _captions(data, source, fmt):
        start = caption.start_time.in_milliseconds() / 1000
        end = caption.end_time.in_milliseconds() / 1000
        for raw in caption.lines:
            speaker, text = _line_speaker(raw, fmt)
            named = named or speaker is not None
            speaker = speaker or builder.current_speaker or UNKNOWN_SPEAKER
            builder.start_turn(speaker, text, start, end)
    turns = builder.build()
    if turns and not named:
        raise IngestError(
            f"{source}: no speaker names found in the subtitles.",
            hint="Mark speakers with WebVTT voices (<v Moderator>) or 'Name:' at the start "
            "of a cue.",
        )
    return turns


def read_vtt(data: bytes, source: str, notices: list[str] | None = None) -> list[Turn]:
    """Turns from a WebVTT file."""
    return read_subtitles(data, source, "vtt")


def read_srt(data: bytes, source: str, notices: list[str] | None = None) -> list[Turn]:
    """Turns from a SubRip file."""
    return read_subtitles(data, source, "srt")
