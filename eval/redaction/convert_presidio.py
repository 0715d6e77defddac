#!/usr/bin/env python3
"""Convert Microsoft presidio-research's synthetic dataset to the qualcode
redaction evaluation format (see eval/redaction/README.md).

Source: https://github.com/microsoft/presidio-research (MIT licence),
file data/synth_dataset_v2.json (a JSON list of samples with "full_text"
and "spans" = [{entity_type, entity_value, start_position, end_position}]).

Usage:
    python eval/redaction/convert_presidio.py /path/to/synth_dataset_v2.json \
        [-o eval/redaction/presidio_research.jsonl] [-n 300]

Selection and mapping (deterministic, no randomness):
  * Samples are taken in file order.
  * Samples that contain a GPE or ZIP_CODE span are SKIPPED: presidio's GPE mixes
    country names (not gold under our rules: region-level names are kept) with
    small towns (which would be gold), and a bare ZIP code has no label in our
    scheme; keeping them would make the gold ambiguous either way.
  * Entity types are mapped as in TYPE_MAP; types mapped to None are dropped
    (they are not personal data under our scheme: TITLE, NRP, plain DATE_TIME).
  * DATE_TIME becomes DOB when the 40 characters before it mention birth
    ("born", "birth", "DOB"); otherwise it is dropped.
  * Adjacent STREET_ADDRESS pieces separated only by whitespace/commas
    (presidio splits multi-line addresses into several spans) are merged into
    one ADDRESS span.
  * Every output span is checked: text[start:end] == upstream entity_value
    (or the merged substring).
"""
import argparse
import collections
import itertools
import json
import re
import sys

TYPE_MAP = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "DOMAIN_NAME": "URL",
    "CREDIT_CARD": "CARD",
    "US_SSN": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_PASSPORT": "ID",
    "US_BANK_NUMBER": "ID",
    "US_ITIN": "ID",
    "IBAN_CODE": "ID",
    "IP_ADDRESS": "ID",
    "ID": "ID",
    "STREET_ADDRESS": "ADDRESS",
    "ORGANIZATION": "ORG",
    "ORG": "ORG",
    "AGE": "AGE",
    # dropped: not personal data under the qualcode scheme
    "TITLE": None,
    "NRP": None,
    "DATE_TIME": None,  # except birth dates, see below
}
SKIP_SAMPLE_TYPES = {"GPE", "ZIP_CODE", "LOCATION", "CITY"}
BIRTH_RE = re.compile(r"born|birth|\bDOB\b", re.I)


def convert_sample(idx, sample):
    text = sample["full_text"]
    spans = []
    for s in sample["spans"]:
        et = s["entity_type"]
        st, en = s["start_position"], s["end_position"]
        assert text[st:en] == s["entity_value"], (idx, s)
        if et == "DATE_TIME" and BIRTH_RE.search(text[max(0, st - 40):st]):
            label = "DOB"
        else:
            if et not in TYPE_MAP:
                raise ValueError(f"unmapped entity type {et!r} in sample {idx}")
            label = TYPE_MAP[et]
        if label is None:
            continue
        spans.append([st, en, label])
    spans.sort()
    merged = []
    for st, en, label in spans:
        if (merged and label == "ADDRESS" and merged[-1][2] == "ADDRESS"
                and re.fullmatch(r"[\s,]*", text[merged[-1][1]:st])):
            merged[-1][1] = en
        else:
            merged.append([st, en, label])
    for a, b in itertools.pairwise(merged):
        assert a[1] <= b[0], ("overlap", idx, a, b)
    return {
        "id": f"presidio-{idx:04d}",
        "set": "presidio-research",
        "language": "en",
        "participants": [],
        "facilitator": None,
        "turns": [{"speaker": "Speaker", "text": text}],
        "spans": [{"turn": 0, "field": "text", "start": st, "end": en, "label": label}
                  for st, en, label in merged],
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", help="path to presidio-research data/synth_dataset_v2.json")
    ap.add_argument("-o", "--output", default="eval/redaction/presidio_research.jsonl")
    ap.add_argument("-n", "--max-samples", type=int, default=300)
    args = ap.parse_args(argv)

    with open(args.source, encoding="utf-8") as f:
        data = json.load(f)

    out, skipped = [], 0
    for idx, sample in enumerate(data):
        if len(out) >= args.max_samples:
            break
        if any(s["entity_type"] in SKIP_SAMPLE_TYPES for s in sample["spans"]):
            skipped += 1
            continue
        out.append(convert_sample(idx, sample))

    with open(args.output, "w", encoding="utf-8") as f:
        for doc in out:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")

    counts = collections.Counter(s["label"] for d in out for s in d["spans"])
    print(f"wrote {len(out)} documents to {args.output} "
          f"(skipped {skipped} samples with GPE/ZIP_CODE spans)")
    print(f"documents without any gold span: {sum(1 for d in out if not d['spans'])}")
    for label, n in sorted(counts.items()):
        print(f"  {label:8s} {n}")
    print(f"  {'total':8s} {sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
