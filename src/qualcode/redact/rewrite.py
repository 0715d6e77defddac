"""Rewrite a stored transcript when a redaction is added or released.

A substitution runs over the turns (speaker, then text, turn by turn: the order the
redactor used), then the file name, title and metadata.  Turn and segment offsets are
shifted so ``stored_text[seg.start:seg.end] == seg.text`` still holds and segment ids are
kept (review decisions point at them).  Topic labels and words get the same substitution.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from qualcode.records import RedactedTurn
from qualcode.store import Store
from qualcode.text import layout, text_hash

Replace = Callable[[re.Match[str]], str]
META_FIELDS = ("source_name", "title", "district", "facilitator")


@dataclass
class Substitution:
    """``rx`` matches are replaced by ``repl(match)``; ``count`` counts them."""

    rx: re.Pattern[str]
    repl: Replace
    count: int = 0
    changes: list[tuple[int, int, int]] = field(default_factory=list)  # last call's edits

    def __call__(self, text: str) -> str:
        out, pos, self.changes = [], 0, []
        for m in self.rx.finditer(text):
            new = self.repl(m)
            out += [text[pos : m.start()], new]
            self.changes.append((m.start(), m.end(), len(new)))
            pos = m.end()
            self.count += 1
        out.append(text[pos:])
        return "".join(out)


def shift(pos: int, changes: list[tuple[int, int, int]]) -> int:
    """Where old offset ``pos`` lands after ``changes`` (old start, old end, new length)."""
    delta = 0
    for start, end, new_len in changes:
        if end <= pos:
            delta += new_len - (end - start)
        elif start < pos:
            return start + delta
    return pos + delta


def plan_rewrite(
    store: Store, tid: int, sub: Substitution, *, topics: bool = True
) -> Callable[[], None]:
    """Compute the rewritten transcript; return the function that stores it (call it
    inside ``store.atomic()``).  ``sub.count`` then says how many occurrences changed in
    the transcript; with ``topics`` the project's topic labels and words are scrubbed too."""
    turns, segments = store.transcripts.turns(tid), store.segments.segments(tid)
    new_turns, turn_changes = [], []
    for t in turns:
        speaker = sub(t["speaker"])
        text = sub(t["text"])
        turn_changes.append(sub.changes)
        new_turns.append(RedactedTurn(speaker, text))
    full, spans = layout(new_turns)
    row = store.transcripts.transcript(tid)
    fields: dict[str, Any] = {k: sub(row[k]) if row[k] else row[k] for k in META_FIELDS}
    extra = {k: sub(v) for k, v in json.loads(row["extra"] or "{}").items()}
    fields |= {"text": full, "extra": json.dumps(extra, ensure_ascii=False)}
    turn_rows = [
        {"idx": t["idx"], "speaker": nt.speaker, "text": nt.text, "char_start": s, "char_end": e}
        for t, nt, (s, e) in zip(turns, new_turns, spans, strict=True)
    ]
    seg_rows = []
    for seg in segments:
        i, old = seg.turn_index, turns[seg.turn_index]["char_start"]
        start = spans[i][0] + shift(seg.start - old, turn_changes[i])
        end = spans[i][0] + shift(seg.end - old, turn_changes[i])
        seg_rows.append(
            {
                "id": seg.id,
                "speaker": new_turns[i].speaker,
                "text": full[start:end],
                "char_start": start,
                "char_end": end,
                "text_hash": text_hash(full[start:end]),
            }
        )
    count = sub.count
    scrubbed = [
        {"id": t.topic_id, "label": sub(t.label), "words": [sub(w) for w in t.words]}
        for t in (store.topics.topics() if topics else [])
    ]
    sub.count = count

    def apply() -> None:
        store.redactions.rewrite_transcript(tid, fields, turn_rows, seg_rows)
        store.redactions.rewrite_topics(scrubbed)

    return apply
