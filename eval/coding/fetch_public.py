#!/usr/bin/env python3
"""Convert a public human-coded dataset into qualcode's coding-evaluation format.

Dataset: ``USCongress`` from the R package RTextTools (CRAN, GPL-3), 4,449 bills of the
107th U.S. Congress (2001-02), each a short official description of the bill with one
major policy topic assigned by hand by the Congressional Bills Project (E. Scott Adler and
John D. Wilkerson) using the Policy Agendas Project topic codes.  See
eval/coding/PUBLIC.md for provenance, licence and what is left out.

Usage (from the repository root)::

    .venv/bin/python eval/coding/fetch_public.py /work/.mirror/cran+RTextTools/repo

SOURCE may be:

* the bare git directory of a snapshot of https://github.com/cran/RTextTools (as brought
  by the ``fetch`` tool; the file is read with ``git show <rev>:data/USCongress.csv.gz``);
* a directory that holds ``data/USCongress.csv.gz`` (a checkout of that repository, an
  unpacked CRAN source tarball, or an installed R package directory);
* the file ``USCongress.csv.gz`` or ``USCongress.csv`` itself.

The decompressed CSV must have the SHA-256 in ``EXPECTED_SHA256`` (RTextTools 1.4.3,
also unchanged since 1.4.1); pass ``--allow-other-version`` to convert a different copy.

Writes (``--out-dir``, default eval/coding/):

* ``public.jsonl``        evaluation split, one ``{"id", "text", "codes": [code_id]}`` per line;
* ``public_train.jsonl``  small training split, the only source of the codebook's examples;
* ``public_codebook.yaml`` the codebook in qualcode's format (validated with
  ``qualcode.codebook.load.load_codebook`` when qualcode is importable).

Conversion (deterministic, no randomness, standard library + PyYAML only):

1. Read the CSV (``;``-separated: ID, cong, billnum, h_or_sen, major, text).
2. Text: the ``text`` column with runs of whitespace collapsed to one space and the ends
   stripped; nothing else is changed (the upstream field is cut at 255 characters for 289
   bills; the ``-- Private Bill;`` prefix is kept).
3. Exact duplicates (same text after lower-casing and whitespace collapsing) are merged:
   the row with the smallest upstream ID is kept.  Texts that occur with two different
   topic codes are dropped (ambiguous gold): 2 such texts, 6 upstream rows.
4. ``major`` is mapped to a code id with ``TOPICS``; every row has exactly one code.
5. Split: within each code, rows are ordered by SHA-256 of ``"uscongress:" + normalised
   text``; the first ``max(2, round(TRAIN_SHARE * n))`` go to the training split, the rest
   to the evaluation split.  Because the key is the text, a text can never be in both.
6. Codebook examples: at most 2 per code, the first training rows in that order.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

EXPECTED_SHA256 = "039a100e5f421b465c759e71114ca8dbd505c78323c25c9b343e4436afb152ec"
DATA_PATH = "data/USCongress.csv.gz"
TRAIN_SHARE = 0.10
MAX_EXAMPLES = 2
ID_PREFIX = "cbp"

# Policy Agendas Project major topic number -> (code id, label, definition, keywords).
# The dataset ships no category descriptions: labels are the Policy Agendas Project topic
# names used by the Congressional Bills Project; the definitions are short neutral
# glosses of those names written for qualcode, and the keywords are just the words of the
# name.  Nothing here was tuned against the data.
TOPICS: dict[str, tuple[str, str, str, list[str]]] = {
    "1": (
        "macroeconomics",
        "Macroeconomics",
        "The bill's main subject is macroeconomics: the national economy as a whole.",
        ["macroeconomics", "economy"],
    ),
    "2": (
        "civil_rights",
        "Civil Rights, Minority Issues, and Civil Liberties",
        "The bill's main subject is civil rights, the rights of minorities, or civil liberties.",
        ["civil rights", "minority", "civil liberties"],
    ),
    "3": (
        "health",
        "Health",
        "The bill's main subject is health.",
        ["health"],
    ),
    "4": (
        "agriculture",
        "Agriculture",
        "The bill's main subject is agriculture.",
        ["agriculture", "agricultural"],
    ),
    "5": (
        "labor_immigration",
        "Labor, Employment, and Immigration",
        "The bill's main subject is labor, employment, or immigration.",
        ["labor", "employment", "immigration"],
    ),
    "6": (
        "education",
        "Education",
        "The bill's main subject is education.",
        ["education"],
    ),
    "7": (
        "environment",
        "Environment",
        "The bill's main subject is the environment.",
        ["environment", "environmental"],
    ),
    "8": (
        "energy",
        "Energy",
        "The bill's main subject is energy.",
        ["energy"],
    ),
    "10": (
        "transportation",
        "Transportation",
        "The bill's main subject is transportation.",
        ["transportation"],
    ),
    "12": (
        "law_crime_family",
        "Law, Crime, and Family Issues",
        "The bill's main subject is law and crime, or family issues.",
        ["law", "crime", "family"],
    ),
    "13": (
        "social_welfare",
        "Social Welfare",
        "The bill's main subject is social welfare.",
        ["social welfare", "welfare"],
    ),
    "14": (
        "community_housing",
        "Community Development and Housing Issues",
        "The bill's main subject is community development or housing.",
        ["community development", "housing"],
    ),
    "15": (
        "banking_commerce",
        "Banking, Finance, and Domestic Commerce",
        "The bill's main subject is banking, finance, or domestic commerce.",
        ["banking", "finance", "commerce"],
    ),
    "16": (
        "defense",
        "Defense",
        "The bill's main subject is defense.",
        ["defense"],
    ),
    "17": (
        "science_technology",
        "Space, Science, Technology and Communications",
        "The bill's main subject is space, science, technology, or communications.",
        ["space", "science", "technology", "communications"],
    ),
    "18": (
        "foreign_trade",
        "Foreign Trade",
        "The bill's main subject is foreign trade.",
        ["foreign trade", "trade"],
    ),
    "19": (
        "international_affairs",
        "International Affairs and Foreign Aid",
        "The bill's main subject is international affairs or foreign aid.",
        ["international affairs", "foreign aid"],
    ),
    "20": (
        "government_operations",
        "Government Operations",
        "The bill's main subject is the operations of government.",
        ["government operations", "government"],
    ),
    "21": (
        "public_lands_water",
        "Public Lands and Water Management",
        "The bill's main subject is public lands or water management.",
        ["public lands", "water management"],
    ),
    "99": (
        "other",
        "Other",
        "The bill fits none of the other topics.",
        [],
    ),
}

CODEBOOK_HEADER = """\
# Codebook for the public evaluation set eval/coding/public.jsonl (written by
# eval/coding/fetch_public.py; regenerate rather than edit).
# Source: RTextTools 1.4.3 (CRAN, GPL-3), data set USCongress, compiled by E. Scott Adler
# and John D. Wilkerson (Congressional Bills Project); topic codes of the Policy Agendas
# Project.  The data set has no category descriptions: labels are the topic names, the
# definitions are short neutral glosses of the names written for qualcode, keywords are the
# words of the names, and examples (at most 2 per code) come from the training split
# eval/coding/public_train.jsonl, never from the evaluation split.  See PUBLIC.md.
"""


def norm_text(text: str) -> str:
    return " ".join(text.split())


def dedup_key(text: str) -> str:
    return norm_text(text).lower()


def read_source(source: Path, rev: str) -> tuple[bytes, str]:
    """The decompressed CSV bytes and a description of where they came from."""
    if (source / "HEAD").is_file() and (source / "objects").is_dir():
        commit = subprocess.run(
            ["git", f"--git-dir={source}", "rev-parse", rev],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        blob = subprocess.run(
            ["git", f"--git-dir={source}", "show", f"{commit}:{DATA_PATH}"],
            check=True,
            capture_output=True,
        ).stdout
        return gzip.decompress(blob), f"git {source} commit {commit}:{DATA_PATH}"
    path = source / DATA_PATH if source.is_dir() else source
    if not path.is_file():
        sys.exit(f"error: {path} not found; give the RTextTools snapshot, its data dir or the file")
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    return raw, str(path)


def load_rows(raw: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8")), delimiter=";")
    rows = list(reader)
    expected = ["ID", "cong", "billnum", "h_or_sen", "major", "text"]
    if reader.fieldnames != expected:
        sys.exit(f"error: unexpected columns {reader.fieldnames}, expected {expected}")
    return rows


def convert(rows: list[dict[str, str]]) -> tuple[list[dict], Counter]:
    """Deduplicated items ``{id, text, code, key}`` and a counter of what was left out."""
    left_out: Counter = Counter()
    by_key: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["major"] not in TOPICS:
            sys.exit(f"error: unknown topic code {row['major']!r} (ID {row['ID']})")
        if not norm_text(row["text"]):
            left_out["empty text"] += 1
            continue
        by_key[dedup_key(row["text"])].append(row)
    items = []
    for key, group in by_key.items():
        if len({r["major"] for r in group}) > 1:
            left_out["rows whose text also occurs with another code (dropped)"] += len(group)
            continue
        group.sort(key=lambda r: int(r["ID"]))
        left_out["exact duplicate rows (merged into the first)"] += len(group) - 1
        row = group[0]
        items.append(
            {
                "id": f"{ID_PREFIX}{row['cong']}-{row['h_or_sen'].lower()}{row['billnum']}",
                "text": norm_text(row["text"]),
                "code": TOPICS[row["major"]][0],
                "key": hashlib.sha256(f"uscongress:{key}".encode()).hexdigest(),
            }
        )
    items.sort(key=lambda it: it["id"])
    return items, left_out


def split(items: list[dict]) -> tuple[list[dict], list[dict]]:
    per_code: dict[str, list[dict]] = defaultdict(list)
    for it in items:
        per_code[it["code"]].append(it)
    train, test = [], []
    for group in per_code.values():
        group.sort(key=lambda it: it["key"])
        k = max(MAX_EXAMPLES, round(TRAIN_SHARE * len(group)))
        train.extend(group[:k])
        test.extend(group[k:])
    train.sort(key=lambda it: it["id"])
    test.sort(key=lambda it: it["id"])
    return train, test


def codebook(train: list[dict]) -> dict:
    per_code: dict[str, list[dict]] = defaultdict(list)
    for it in train:
        per_code[it["code"]].append(it)
    codes = []
    for code_id, label, definition, keywords in TOPICS.values():
        examples = [it["text"] for it in sorted(per_code[code_id], key=lambda it: it["key"])]
        codes.append(
            {
                "id": code_id,
                "label": label,
                "definition": definition,
                "inclusion": "",
                "exclusion": "",
                "examples": examples[:MAX_EXAMPLES],
                "keywords": keywords,
                "parent": None,
            }
        )
    return {
        "name": "Policy Agendas major topics (U.S. Congress bills, public evaluation set)",
        "version": "1.0",
        "description": (
            "Twenty major policy topics of the Policy Agendas Project as applied by the "
            "Congressional Bills Project to bills of the 107th U.S. Congress (2001-02). Each "
            "text is the short official description of one bill and carries exactly one "
            "code: the bill's main topic. Definitions are neutral glosses of the topic names "
            "(the source has no category descriptions)."
        ),
        "codes": codes,
    }


def write_jsonl(path: Path, items: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for it in items:
            line = {"id": it["id"], "text": it["text"], "codes": [it["code"]]}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")


def validate_codebook(path: Path) -> str:
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
        from qualcode.codebook.load import load_codebook
    except ImportError:
        return "not validated (qualcode not importable)"
    load_codebook(path)
    return "validated with qualcode.codebook.load.load_codebook"


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="RTextTools snapshot git dir, package dir or file")
    ap.add_argument("--rev", default="HEAD", help="revision when SOURCE is a git dir")
    ap.add_argument("--out-dir", type=Path, default=here)
    ap.add_argument(
        "--allow-other-version",
        action="store_true",
        help="convert even if the CSV's SHA-256 differs from the expected one",
    )
    args = ap.parse_args(argv)

    raw, origin = read_source(args.source, args.rev)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != EXPECTED_SHA256 and not args.allow_other_version:
        sys.exit(
            f"error: {origin} has SHA-256 {digest}, expected {EXPECTED_SHA256} "
            "(RTextTools 1.4.3); pass --allow-other-version to convert it anyway"
        )
    rows = load_rows(raw)
    items, left_out = convert(rows)
    train, test = split(items)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(args.out_dir / "public.jsonl", test)
    write_jsonl(args.out_dir / "public_train.jsonl", train)
    cb_path = args.out_dir / "public_codebook.yaml"
    body = yaml.safe_dump(codebook(train), sort_keys=False, allow_unicode=True, width=92)
    cb_path.write_text(CODEBOOK_HEADER + body, encoding="utf-8")

    print(f"source: {origin}\nsha256: {digest}")
    print(f"upstream rows: {len(rows)}; kept texts: {len(items)}")
    for what, n in sorted(left_out.items()):
        print(f"  left out: {n} {what}")
    print(f"evaluation split: {len(test)} -> {args.out_dir / 'public.jsonl'}")
    print(f"training split:   {len(train)} -> {args.out_dir / 'public_train.jsonl'}")
    print(f"codebook: {cb_path} ({validate_codebook(cb_path)})")
    c_test, c_train = Counter(it["code"] for it in test), Counter(it["code"] for it in train)
    print(f"{'major':>5}  {'code id':<22} {'eval':>5} {'train':>5}")
    for major, (code_id, *_rest) in TOPICS.items():
        print(f"{major:>5}  {code_id:<22} {c_test[code_id]:>5} {c_train[code_id]:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
