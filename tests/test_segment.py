from __future__ import annotations

from qualcode.records import RedactedTurn
from qualcode.segment.sentences import SentenceSegmenter
from qualcode.text import layout


def _turns() -> list[RedactedTurn]:
    long = " ".join(f"Sentence number {i} talks about water and roads." for i in range(30))
    return [
        RedactedTurn("Moderator", "What worries you?"),
        RedactedTurn("[PERSON_1]", long),
        RedactedTurn("P2", "  Yes.  "),
    ]


def test_offsets_point_exactly_into_the_stored_text() -> None:
    text, spans = layout(_turns())
    segs = SentenceSegmenter(max_chars=200).segment(1, text, spans, ["M", "[PERSON_1]", "P2"])
    assert all(text[s.start : s.end] == s.text for s in segs)
    assert [s.seq for s in segs] == list(range(len(segs)))


def test_long_turns_are_split_at_sentences_never_across_speakers() -> None:
    text, spans = layout(_turns())
    segs = SentenceSegmenter(max_chars=200).segment(1, text, spans, ["M", "[PERSON_1]", "P2"])
    long_parts = [s for s in segs if s.turn_index == 1]
    assert len(long_parts) > 1
    assert all(len(s.text) <= 200 for s in long_parts)
    assert all(s.text.endswith(".") for s in long_parts)  # cut at sentence ends
    for s in segs:
        start, end = spans[s.turn_index]
        assert start <= s.start and s.end <= end
    assert segs[-1].text == "Yes."  # stripped, but offsets still exact


def test_layout_uses_one_line_per_turn_with_the_speaker() -> None:
    text, spans = layout([RedactedTurn("A", "hi"), RedactedTurn("B", "yo")])
    assert text == "A: hi\nB: yo"
    assert [text[s:e] for s, e in spans] == ["hi", "yo"]
