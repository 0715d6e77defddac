"""Property-based tests of the text parsers (Hypothesis): any file is either read into
turns or refused with an :class:`InputError` that names it, never another exception,
never a hang.

Two kinds of input per format: arbitrary bytes (the decoder and the refusals), and
files shaped like the format (labelled lines, cues, rows) with text from anywhere in
Unicode, odd times and a splice of format fragments, in several encodings (the
parsers themselves).  ``--hypothesis-show-statistics`` shows how many were read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from qualcode.errors import InputError
from qualcode.ingest import read_transcript
from qualcode.records import RawTranscript

pytestmark = pytest.mark.properties

# one test per reader: .txt and .md share one, so each example picks either suffix
READERS = {"text": (".txt", ".md"), "vtt": (".vtt",), "srt": (".srt",), "csv": (".csv",)}
PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=timedelta(seconds=2),  # a hang fails the test; 2 s leaves room for a busy CPU
    suppress_health_check=[HealthCheck.too_slow],
)
# pieces of real files of every format, spliced into the generated ones
FRAGMENTS = (
    "\n", "\r\n", "\n\n", "\r", "\t", ",", ";", "|", '"', ":", "-", "#", "---\n", "...\n",
    "WEBVTT\n\n", "NOTE a note\n\n", "STYLE\n::cue {}\n\n", "REGION\nid:r1\n\n",
    "00:00:01.000 --> 00:00:04.000\n", "00:00:01,000 --> 00:00:04,000\n", "-->", "1\n",
    "99:99:99,999 --> 00:00:00,000\n", "<v Moderator>", "<v.loud Dilnoza>", "</v>", "<b>",
    "&amp;", "&lt;", "&#0;", "&#x110000;", "Moderator: ", "P1: ", "[00:01:02] ", "Q: ",
    "Дилноза: ", "Ведущий —", "[laughter]", "speaker,text\n", "sep=;\n", "sep=\n",
    "00:00:01 - 00:00:05", "83.5", "1e309", "-1", "nan", "inf", "\ufeff", "\x0c", "\u2028",
    "\u0301", "ʻ", "🙂",
)  # fmt: skip
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1251")
LABELS = ("Moderator", "MODERATOR", "P1", "P12", "Participant 4 (F, 32)", "Dilnoza", "Q", "A")
LABELS += ("Модератор", "Дилноза", "Ishtirokchi 3", "Interviewer", "Speaker 1", "")
SPEAKER_COLUMNS = ("speaker", "Name", "PARTICIPANT", "who", "Speaker_Label")
TEXT_COLUMNS = ("text", "Utterance", "transcript", "said", "Text ")
OTHER_COLUMNS = ("start", "end", "Time", "End (s)", "notes", "", "speaker")

# any printable text (control characters come from the raw bytes and the fragments)
words = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30)
label = st.sampled_from(LABELS)
seconds = st.one_of(st.floats(0, 400_000, allow_nan=False), st.sampled_from([0.0, 59.999]))
fragment_soup = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join)


def _clock(total: float, sep: str) -> str:
    whole = int(total)
    millis = round((total - whole) * 1000) % 1000
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{sep}{millis:03d}"


@st.composite
def labelled_line(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["{l}: {w}", "{l} - {w}", "[{t}] {l}: {w}", "{w}", "[{w}]"]))
    time = _clock(draw(seconds), ".")[:8]
    return shape.format(l=draw(label), w=draw(words), t=time)


@st.composite
def text_file(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(labelled_line(), words, st.just("")), max_size=30))
    if draw(st.booleans()):
        lines = ["---", "title: " + draw(words), "---", "# " + draw(words), *lines]
    return "\n".join(lines)


@st.composite
def subtitle_file(draw: st.DrawFn, sep: str) -> str:
    cues = []
    for number in range(1, draw(st.integers(0, 8)) + 1):
        start, length = draw(seconds), draw(seconds)
        stamp = f"{_clock(start, sep)} --> {_clock(start + length, sep)}"
        voice = st.builds("<v {}>{}".format, label, words)
        lines = draw(st.lists(st.one_of(labelled_line(), voice, words), min_size=1, max_size=3))
        numbered = sep == "," or draw(st.booleans())
        cues.append("\n".join([str(number)] * numbered + [stamp, *lines]))
    head = "WEBVTT\n\n" if sep == "." else ""
    return head + "\n\n".join(cues) + "\n"


@st.composite
def csv_file(draw: st.DrawFn) -> str:
    named = [draw(st.sampled_from(SPEAKER_COLUMNS)), draw(st.sampled_from(TEXT_COLUMNS))]
    named += draw(st.lists(st.sampled_from(OTHER_COLUMNS), max_size=3))
    header = draw(st.permutations(named))
    if draw(st.integers(0, 4)) == 0:  # now and then, a header of anything
        header = draw(st.lists(words, min_size=1, max_size=4))
    cell = st.one_of(words, label, seconds.map(str), st.builds(_clock, seconds, st.just(".")))
    width = len(header)
    row = st.one_of(st.lists(cell, min_size=width, max_size=width), st.lists(cell, max_size=width))
    rows = draw(st.lists(row, min_size=1, max_size=20))
    out = io.StringIO()
    csv.writer(out, delimiter=draw(st.sampled_from(",;\t|"))).writerows([header, *rows])
    return out.getvalue()


SHAPED: dict[str, Callable[[], st.SearchStrategy[str]]] = {
    "text": text_file,
    "vtt": lambda: subtitle_file("."),
    "srt": lambda: subtitle_file(","),
    "csv": csv_file,
}


@st.composite
def shaped_bytes(draw: st.DrawFn, reader: str) -> bytes:
    """A file shaped for ``reader``, maybe with fragments spliced in, encoded."""
    text = draw(SHAPED[reader]())
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(fragment_soup) + text[at:]
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _read_or_refuse(path: Path, data: bytes) -> None:
    """Read ``data`` as the file ``path``: turns, or an InputError that names the file."""
    path.write_bytes(data)
    try:
        transcript = read_transcript(path)
    except InputError as err:
        assert path.name in str(err)
        event(f"refused: {err.message.split(': ', 1)[-1][:40]}")
        return
    event("read")
    assert isinstance(transcript, RawTranscript)
    assert transcript.turns
    for turn in transcript.turns:
        assert isinstance(turn.speaker, str) and turn.speaker.strip()
        assert isinstance(turn.text, str) and turn.text.strip()


@pytest.mark.parametrize("reader", READERS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_bytes_are_read_or_refused(folder: Path, reader: str, data: st.DataObject) -> None:
    suffix = data.draw(st.sampled_from(READERS[reader]))
    _read_or_refuse(folder / f"bytes{suffix}", data.draw(st.binary(max_size=2_000)))


@pytest.mark.parametrize("reader", READERS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_file_of_the_format_is_read_or_refused(
    folder: Path, reader: str, data: st.DataObject
) -> None:
    suffix = data.draw(st.sampled_from(READERS[reader]))
    _read_or_refuse(folder / f"shaped{suffix}", data.draw(shaped_bytes(reader)))
