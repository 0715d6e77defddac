#!/usr/bin/env python3
"""Generate ``multilingual.jsonl``: a redaction evaluation set in Russian, Uzbek (Latin and
Cyrillic), Tajik, Kyrgyz and code-switched Russian/Uzbek/English, with gold spans and
``keep`` spans (ordinary words that must not be redacted).  See MULTILINGUAL.md.

Usage (from the repository root; standard library only, Python 3.11)::

    python3 eval/redaction/make_multilingual.py          # writes eval/redaction/multilingual.jsonl
    python3 eval/redaction/make_multilingual.py --check  # re-reads and re-verifies the file

``--check`` writes nothing: it verifies every record in the file, the document counts,
and that the file is byte-identical to a fresh generation (seed 4242).  Exit status 1 on
any problem.  The generator itself lives in ``eval/redaction/multilingual/``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from multilingual.build import PLAN, SEED, generate  # noqa: E402
from multilingual.verify import stats, verify_doc  # noqa: E402

DEFAULT_OUT = os.path.join(HERE, "multilingual.jsonl")


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def check(path: str) -> list[str]:
    problems: list[str] = []
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        return [f"cannot read {path}: {exc}"]
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc})")
    for rec in records:
        problems += verify_doc(rec)
    ids = [r.get("id") for r in records]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    want: dict[str, int] = {}
    for lang, _ctx, _country, n, _stem in PLAN:
        want[lang] = want.get(lang, 0) + n
    got: dict[str, int] = {}
    for r in records:
        got[r.get("language")] = got.get(r.get("language"), 0) + 1
    if got != want:
        problems.append(f"documents per language {got}, expected {want}")
    if text != dumps(generate()):
        problems.append("file differs from a fresh generation (stale or edited by hand)")
    if not problems:
        print(json.dumps(stats(records), ensure_ascii=False, indent=1))
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--out", default=DEFAULT_OUT, help="output path")
    ap.add_argument("--check", action="store_true", help="verify the file, write nothing")
    args = ap.parse_args()
    if args.check:
        problems = check(args.out)
        for p in problems[:50]:
            print("PROBLEM:", p, file=sys.stderr)
        if problems:
            print(f"--check FAILED: {len(problems)} problem(s)", file=sys.stderr)
            return 1
        print(f"--check OK: {args.out}")
        return 0
    records = generate()
    data = dumps(records)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(data)
    md5 = hashlib.md5(data.encode("utf-8")).hexdigest()
    print(f"wrote {len(records)} documents to {args.out} (seed {SEED}, md5 {md5})")
    print(json.dumps(stats(records), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
