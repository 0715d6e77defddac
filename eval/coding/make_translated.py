"""Select the tri-lingual subset of drivers_labelled.jsonl and validate its translations.

The subset is a seeded, stratified sample of eval/coding/drivers_labelled.jsonl
(random.Random(2026)): every code of codebooks/drivers.yaml gets at least MIN_PER_CODE
positive segments (where the full set has that many), and about 15% of the subset has no
code.  The English originals are written to drivers_tri_en.jsonl; the Russian and Uzbek
(Latin) translations in drivers_tri_ru.jsonl and drivers_tri_uz.jsonl were written by hand
and are only validated here (see TRANSLATED.md).  Standard library only:

    python3 eval/coding/make_translated.py          # print the selection, write _en, check ru/uz
    python3 eval/coding/make_translated.py --check  # validate all three files, write nothing

--check exits with status 1 on any problem.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = HERE / "drivers_labelled.jsonl"
CODEBOOK = ROOT / "codebooks" / "drivers.yaml"
OUT = {lang: HERE / f"drivers_tri_{lang}.jsonl" for lang in ("en", "ru", "uz")}

SEED = 2026
TOTAL = 180  # size of the subset
EMPTY_SHARE = 0.15  # share of segments with no code
MIN_PER_CODE = 12  # positive segments per code, where available

# [PERSON_3], [PHONE], [PLACE_2], [EMAIL], [URL]: must survive translation unchanged.
PLACEHOLDER = re.compile(r"\[[A-Z][A-Z]*(?:_[A-Z]+)*(?:_\d+)?\]")
# Any bracketed item (placeholders and stage directions such as [laughter], which are
# translated): their number must not change.
BRACKETED = re.compile(r"\[[^\[\]]+\]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
MIN_SCRIPT_SHARE = {"ru": ("Cyrillic", CYRILLIC, 0.75), "uz": ("Latin", LATIN, 0.95)}
KEYS = ["id", "text", "codes", "source", "language", "translated_from"]


def code_ids() -> list[str]:
    """Code ids of codebooks/drivers.yaml in codebook order (no yaml dependency)."""
    ids = re.findall(r"^  - id: ([a-z_]+)\s*$", CODEBOOK.read_text(encoding="utf-8"), re.M)
    if len(ids) != len(set(ids)) or not ids:
        raise SystemExit(f"could not read code ids from {CODEBOOK}")
    return ids


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def select(rows: list[dict], codes: list[str]) -> list[dict]:
    """Seeded stratified subset, returned in the order of the source file."""
    rng = random.Random(SEED)
    order = list(range(len(rows)))
    rng.shuffle(order)
    n_empty = round(TOTAL * EMPTY_SHARE)
    n_coded = TOTAL - n_empty
    chosen: set[int] = set()
    count: Counter = Counter()

    def take(i: int) -> None:
        chosen.add(i)
        count.update(rows[i]["codes"])

    available = Counter(c for r in rows for c in r["codes"])
    # 1. Coverage: rarest codes first, each topped up to MIN_PER_CODE in shuffled order.
    for code in sorted(codes, key=lambda c: (available[c], codes.index(c))):
        for i in order:
            if count[code] >= min(MIN_PER_CODE, available[code]):
                break
            if i not in chosen and code in rows[i]["codes"]:
                take(i)
    # 2. Fill the coded part up to n_coded, in shuffled order.
    for i in order:
        if len(chosen) >= n_coded:
            break
        if i not in chosen and rows[i]["codes"]:
            take(i)
    # 3. Segments with no code.
    empty = [i for i in order if not rows[i]["codes"]][:n_empty]
    chosen.update(empty)
    return [rows[i] for i in sorted(chosen)]


def english(subset: list[dict]) -> list[dict]:
    return [
        {
            "id": r["id"],
            "text": r["text"],
            "codes": list(r["codes"]),
            "source": r["source"],
            "language": "en",
        }
        for r in subset
    ]


def dumps(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def report(subset: list[dict], codes: list[str]) -> None:
    print(f"selected {len(subset)} segments (seed {SEED}):")
    ids = [r["id"] for r in subset]
    for k in range(0, len(ids), 10):
        print("  " + " ".join(ids[k : k + 10]))
    count = Counter(c for r in subset for c in r["codes"])
    print("per code:")
    for c in codes:
        print(f"  {c:<24} {count[c]:>3}")
    n_empty = sum(1 for r in subset if not r["codes"])
    print(f"  {'(no code)':<24} {n_empty:>3} ({100 * n_empty / len(subset):.1f}%)")
    by_n = Counter(len(r["codes"]) for r in subset)
    print("codes per segment: " + ", ".join(f"{k}: {by_n[k]}" for k in sorted(by_n)))
    by_src = Counter("written" if r["source"] == "written" else "demo" for r in subset)
    print(f"sources: demo {by_src['demo']}, written {by_src['written']}")


def check_subset(subset: list[dict], codes: list[str]) -> list[str]:
    problems = []
    count = Counter(c for r in subset for c in r["codes"])
    available = Counter()
    for r in load(SOURCE):
        available.update(r["codes"])
    for c in codes:
        if count[c] < min(MIN_PER_CODE, available[c]):
            problems.append(f"subset: code {c} has only {count[c]} positive segments")
    if len(subset) < TOTAL:
        problems.append(f"subset: only {len(subset)} segments")
    return problems


def check_translation(lang: str, subset: list[dict], en: list[dict]) -> list[str]:
    path = OUT[lang]
    if not path.exists():
        return [f"{path.name}: missing"]
    try:
        rows = load(path)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [f"{path.name}: unreadable ({exc})"]
    problems = []
    if [r.get("id") for r in rows] != [r["id"] for r in subset]:
        problems.append(f"{path.name}: ids differ from the selection (or are out of order)")
    by_id = {r.get("id"): r for r in rows}
    if len(by_id) != len(rows):
        problems.append(f"{path.name}: repeated ids")
    seen_texts: dict[str, str] = {}
    script_name, script_re, min_share = MIN_SCRIPT_SHARE[lang]
    for src, eng in zip(subset, en, strict=True):
        where = f"{path.name} {src['id']}"
        row = by_id.get(src["id"])
        if row is None:
            problems.append(f"{where}: missing")
            continue
        if list(row) != KEYS:
            problems.append(f"{where}: keys {list(row)} != {KEYS}")
        if row.get("codes") != src["codes"]:
            problems.append(f"{where}: codes {row.get('codes')} != source {src['codes']}")
        if row.get("source") != src["source"]:
            problems.append(f"{where}: source {row.get('source')!r} != {src['source']!r}")
        if row.get("language") != lang or row.get("translated_from") != "en":
            problems.append(f"{where}: language/translated_from should be {lang!r}/'en'")
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: empty text")
            continue
        if text != text.strip() or "  " in text or "\n" in text:
            problems.append(f"{where}: stray whitespace")
        if text == eng["text"]:
            problems.append(f"{where}: text identical to the English original")
        if text in seen_texts:
            problems.append(f"{where}: same text as {seen_texts[text]}")
        seen_texts[text] = src["id"]
        want = Counter(PLACEHOLDER.findall(src["text"]))
        got = Counter(PLACEHOLDER.findall(text))
        if want != got:
            problems.append(f"{where}: placeholders {dict(got)} != source {dict(want)}")
        if len(BRACKETED.findall(text)) != len(BRACKETED.findall(src["text"])):
            problems.append(f"{where}: number of [bracketed] items differs from the source")
        bare = PLACEHOLDER.sub(" ", text)
        letters = len(CYRILLIC.findall(bare)) + len(LATIN.findall(bare))
        share = len(script_re.findall(bare)) / letters if letters else 0.0
        if share < min_share:
            problems.append(f"{where}: only {share:.0%} {script_name} letters")
    return problems


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    codes = code_ids()
    rows = load(SOURCE)
    subset = select(rows, codes)
    en = english(subset)
    report(subset, codes)
    problems = check_subset(subset, codes)
    if check_only:
        if not OUT["en"].exists():
            problems.append(f"{OUT['en'].name}: missing")
        elif OUT["en"].read_text(encoding="utf-8") != dumps(en):
            problems.append(f"{OUT['en'].name}: differs from the regenerated selection")
    else:
        OUT["en"].write_text(dumps(en), encoding="utf-8")
        print(f"wrote {OUT['en'].relative_to(ROOT)}")
    for lang in ("ru", "uz"):
        problems += check_translation(lang, subset, en)
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(problems)} problem(s)" if problems else "OK: en, ru and uz files are valid")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
