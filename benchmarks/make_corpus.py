"""Write a large synthetic corpus for the scale benchmark (bench_scale.py).

Transcripts are recombined from the bundled demo corpus, which is what real material
looks like here: Russian, Uzbek and English, switching mid-turn, with participants' and
facilitators' names, places and phone numbers for redaction to find.  Each generated
turn takes a real turn's speaker and sentences, and with probability ``--mix`` swaps some
of its sentences for sentences from other turns of the same source file, so that about a
quarter of the segments repeat word for word (greetings, short answers) as they do in
real transcripts, and the rest are new texts.  Metadata (region, group, language,
participants) is copied from the source file's sidecar, so redaction knows the names.

Deterministic for a seed.  Run:
    .venv/bin/python benchmarks/make_corpus.py --words 1000000 --out /tmp/corpus1m
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from _common import CORPUS
from qualcode import ingest
from qualcode.records import RawTranscript

SENTENCE = re.compile(r"(?<=[.!?…])\s+")


@dataclass(frozen=True)
class Source:
    transcript: RawTranscript
    sidecar: dict[str, object]
    sentences: tuple[str, ...]  # every sentence of every turn, for recombination


def load_sources(languages: str = "") -> list[Source]:
    """The demo transcripts, or those whose sidecar language is in ``languages``."""
    sources = []
    wanted = {x for x in languages.split(",") if x}
    for path in ingest.find_transcripts([CORPUS]):
        raw = ingest.read_transcript(path)
        if wanted and not set(raw.meta.language.split(",")) <= wanted:
            continue
        side = path.with_name(path.name.split(".")[0] + ".meta.yaml")
        meta = yaml.safe_load(side.read_text(encoding="utf-8")) if side.exists() else {}
        sentences = tuple(s for t in raw.turns for s in SENTENCE.split(t.text) if s.strip())
        sources.append(Source(raw, meta, sentences))
    return sources


def new_turn(rng: random.Random, source: Source, text: str, mix: float) -> str:
    parts = [s for s in SENTENCE.split(text) if s.strip()]
    if rng.random() < mix and len(parts) > 1:
        for i in rng.sample(range(len(parts)), k=max(1, len(parts) // 2)):
            parts[i] = rng.choice(source.sentences)
    return " ".join(parts)


def write_transcript(
    out: Path, number: int, source: Source, words: int, rng: random.Random, mix: float
) -> int:
    """One transcript of about ``words`` words; returns the words written."""
    lines, written, turns = [], 0, source.transcript.turns
    while written < words:
        turn = rng.choice(turns)
        text = new_turn(rng, source, turn.text, mix)
        lines.append(f"{turn.speaker or 'Participant'}: {text}")
        written += len(text.split())
    stem = f"fg{number:04d}"
    (out / f"{stem}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    meta = {**source.sidecar, "title": f"Synthetic focus group {number}"}
    (out / f"{stem}.meta.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--transcripts", type=int, default=100)
    ap.add_argument("--mix", type=float, default=0.8, help="share of turns recombined")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--languages", default="", help="only sources in these, e.g. en")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng, sources = random.Random(args.seed), load_sources(args.languages)
    per, total = args.words // args.transcripts, 0
    for n in range(args.transcripts):
        total += write_transcript(args.out, n, sources[n % len(sources)], per, rng, args.mix)
    print(f"{args.transcripts} transcripts, {total:,} words in {args.out}")


if __name__ == "__main__":
    main()
