"""Evaluate models/ner/model-best and write models/ner/evaluation.json.

Test sets (neither is used in training or model selection):
- WNUT-17 test (emerging.test.annotated), scored on its gold tokens;
- the synthetic held-out test: held-out templates, held-out names and places, seed 3.

Besides span P/R/F per label it reports PERSON token recall (share of gold PERSON tokens
inside a predicted PERSON / inside any predicted entity: what redaction needs), load time
(first load in a process, which includes spaCy's one-time registry set-up, and a second load),
throughput (words/s, nlp.pipe, one process) and size on disk.
Usage: python evaluate.py [--model PATH]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example

HERE = Path(__file__).resolve().parent
WNUT_REPO = "leondz/emerging_entities_17"
WNUT_COMMIT = "e52a2d2a71ac1a051ca2d532eef28653c5c02603"


def load_docs(nlp: spacy.language.Language, path: Path) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def token_recall(examples: list[Example], label: str) -> dict[str, float]:
    gold = same = any_ = 0
    for eg in examples:
        pred = {i: ent.label_ for ent in eg.predicted.ents for i in range(ent.start, ent.end)}
        for ent in eg.reference.ents:
            if ent.label_ != label:
                continue
            for i in range(ent.start, ent.end):
                gold += 1
                same += pred.get(i) == label
                any_ += i in pred
    return {"same_label": round(same / gold, 4), "any_label": round(any_ / gold, 4)}


def evaluate(nlp: spacy.language.Language, docs: list[Doc]) -> dict[str, object]:
    pred = [
        Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
        for d in docs
    ]  # gold tokens, no entities
    examples = [Example(p, d) for p, d in zip(nlp.pipe(pred, batch_size=256), docs, strict=True)]
    scores = Scorer.score_spans(examples, "ents")
    per_type = {
        label: {k: round(v, 4) for k, v in s.items()}
        for label, s in scores["ents_per_type"].items()
    }
    return {
        "docs": len(docs),
        "words": sum(len(d) for d in docs),
        "gold_entities": {
            lab: sum(e.label_ == lab for d in docs for e in d.ents) for lab in per_type
        },
        "ents_p": round(scores["ents_p"], 4),
        "ents_r": round(scores["ents_r"], 4),
        "ents_f": round(scores["ents_f"], 4),
        "per_type": per_type,
        "person_token_recall": token_recall(examples, "PERSON"),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=HERE / "model-best")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--out", type=Path, default=HERE / "evaluation.json")
    args = ap.parse_args()

    t0 = time.perf_counter()
    nlp = spacy.load(args.model)  # first load in the process: includes spaCy's registry set-up
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    reload_s = time.perf_counter() - t0
    wnut = load_docs(nlp, args.corpus / "wnut_test.spacy")
    synth = load_docs(nlp, args.corpus / "synth_test.spacy")

    texts = [d.text for d in synth + wnut]
    words = sum(len(d) for d in synth + wnut)
    list(nlp.pipe(texts[:200]))  # warm-up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256):
        pass
    pipe_s = time.perf_counter() - t0

    meta = json.loads((args.model / "meta.json").read_text())
    size = sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file())
    result = {
        "model": str(args.model.relative_to(HERE.parents[1]))
        if args.model.is_relative_to(HERE.parents[1])
        else str(args.model),
        "spacy_version": spacy.__version__,
        "labels": list(nlp.get_pipe("ner").labels),
        "training_seconds": meta.get("training_seconds"),
        "size_bytes": size,
        "load_seconds_first": round(load_s, 3),
        "load_seconds_again": round(reload_s, 3),
        "throughput_words_per_second": int(words / pipe_s),
        "throughput_note": f"nlp.pipe, batch 256, 1 process, {words} words, {platform.machine()}",
        "dev_at_selection": {  # from training (meta.json): what chose this checkpoint
            k: meta.get("performance", {}).get(k) for k in ("ents_p", "ents_r", "ents_f")
        },
        "wnut17_test": evaluate(nlp, wnut),
        "synthetic_heldout_test": evaluate(nlp, synth),
        "data": {
            "wnut17": f"github.com/{WNUT_REPO}@{WNUT_COMMIT}",
            "synthetic": "models/ner/synth.py seeds train=1 dev=2 test=3 (prepare_data.py)",
        },
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
