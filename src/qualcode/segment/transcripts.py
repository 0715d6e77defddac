"""Segment every stored transcript that has no segments yet."""

from __future__ import annotations

from qualcode.segment.sentences import Segmenter
from qualcode.store import Store
from qualcode.text import text_hash


def segment_transcripts(store: Store, segmenter: Segmenter) -> int:
    """Segment the transcripts not segmented yet; return how many segments were added."""
    count = 0
    for tid in store.transcripts.unsegmented_transcript_ids():
        turns = store.transcripts.turns(tid)
        spans = [(t["char_start"], t["char_end"]) for t in turns]
        segs = segmenter.segment(
            tid, store.transcripts.transcript(tid)["text"], spans, [t["speaker"] for t in turns]
        )
        store.segments.add_segments(segs, [text_hash(s.text) for s in segs])
        count += len(segs)
    return count
