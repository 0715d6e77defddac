"""Redaction speed on a 10,000-word transcript built from the demo corpus's turns.

Peer in this run: the same redactor with detection off (patterns and known names only),
to show what the detection layers cost, without and with the NER model.  The comparison
with Presidio on evaluation sets with gold spans is bench_presidio.py.

Run: .venv/bin/python benchmarks/bench_redact.py
"""

from __future__ import annotations

import time

from _common import CORPUS
from qualcode import ingest
from qualcode.ingest.meta import file_meta
from qualcode.records import RawTranscript, Turn
from qualcode.redact import RuleRedactor
from qualcode.redact.layers import FAST_LAYERS


def ten_thousand_words() -> RawTranscript:
    turns: list[Turn] = []
    participants: list[str] = []
    words = 0
    for path in ingest.find_transcripts([CORPUS]):
        raw = ingest.read_transcript(path, file_meta(path))
        participants += raw.meta.participants
        for turn in raw.turns:
            if words >= 10_000:
                break
            turns.append(turn)
            words += len(turn.text.split())
    meta = raw.meta.__class__(title="bench", participants=tuple(participants))
    return RawTranscript("bench.txt", "text", "bench", tuple(turns), meta)


def main() -> None:
    raw = ten_thousand_words()
    n_words = sum(len(t.text.split()) for t in raw.turns)
    rows = []
    for name, redactor in (
        ("peer: patterns + known names", RuleRedactor(detect_unknown=False)),
        ("qualcode rules (no NER)", RuleRedactor(layers=FAST_LAYERS)),
        ("qualcode default (+ NER)", RuleRedactor()),
    ):
        t0 = time.perf_counter()
        redactor.redact(raw)
        cold = time.perf_counter() - t0
        warm = min(_time(redactor, raw) for _ in range(3))
        rows.append((name, cold, warm))
    print(f"transcript: {n_words} words, {len(raw.turns)} turns")
    print(f"{'redactor':<32}{'cold s':>8}{'warm s':>8}{'words/s':>10}")
    for name, cold, warm in rows:
        print(f"{name:<32}{cold:>8.3f}{warm:>8.3f}{n_words / warm:>10.0f}")
    for name, _, warm in rows[1:]:
        print(f"{name}: detection layers cost (warm) {warm / rows[0][2]:.1f}x the peer")
    print("cold: first call, including loading wordfreq and (default) the NER model")


def _time(redactor: RuleRedactor, raw: RawTranscript) -> float:
    t0 = time.perf_counter()
    redactor.redact(raw)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
