"""Read the bundled synthetic demo transcripts into speaker turns and pseudonymise text.

Used by ``make_drivers_labelled.py`` to check that every demo excerpt in the labelled set
is a verbatim piece of one turn of its source transcript, and to replace the (invented)
personal names and contacts with ``[PERSON_n]``, ``[PHONE]``, ``[EMAIL]`` and ``[URL]``.

The name lists come from the demo corpus's own gold files (``NAMES_part1.yaml`` and
``NAMES_part2.yaml``).  Deliberately independent of qualcode's own readers and redactor.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"

_TS = re.compile(r"^\[\d\d:\d\d:\d\d\]\s*")
_LABEL = re.compile(
    r"^(?:\*\*)?(Participant \d+ \([^)]*\)|[A-Z][\w']*(?: (?:\d+|aka|domla|opa))?)"
    r"(?::\*\*|\*\*:|:)\s+(.*)$"
)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _turns_from_lines(lines: list[str], dash_label: bool = False) -> list[tuple[str, str]]:
    """Lines 'Speaker: text'; a line without a label continues the previous turn."""
    turns: list[list[str]] = []
    for raw in lines:
        line = _TS.sub("", raw.strip())
        if not line:
            continue
        m = _LABEL.match(line)
        if dash_label and not m:
            m = re.match(r"^([A-Z]{3,20})\s+-\s+(.*)$", line)
        if m:
            turns.append([m.group(1).strip(), m.group(2)])
        elif turns:
            turns[-1][1] += " " + line
    return [(s, _norm(t)) for s, t in turns]


def _txt(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return _turns_from_lines(lines[2:])  # two header lines


def _md(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip() == "---") + 1
    return _turns_from_lines(lines[start:])


def _vtt(path: Path) -> list[tuple[str, str]]:
    turns: list[list[str]] = []
    for m in re.finditer(r"<v ([^>]+)>(.*?)</v>", path.read_text(encoding="utf-8"), re.S):
        spk, text = m.group(1).strip(), _norm(m.group(2))
        if turns and turns[-1][0] == spk:
            turns[-1][1] += " " + text
        else:
            turns.append([spk, text])
    return [(s, _norm(t)) for s, t in turns]


def _srt(path: Path) -> list[tuple[str, str]]:
    blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8").strip())
    lines = []
    for b in blocks:
        bl = b.strip().splitlines()
        lines.append(" ".join(x.strip() for x in bl[2:]))
    return _turns_from_lines(lines)


def _csv(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["speaker"], _norm(r["utterance"])) for r in csv.DictReader(f)]


def _docx(path: Path) -> list[tuple[str, str]]:
    import docx  # python-docx

    d = docx.Document(str(path))
    if d.tables:
        rows = d.tables[0].rows
        return [(r.cells[1].text.strip(), _norm(r.cells[2].text)) for r in rows[1:]]
    paras = [p.text for p in d.paragraphs if p.text.strip()]
    return _turns_from_lines(paras[2:], dash_label=True)


def _xlsx(path: Path) -> list[tuple[str, str]]:
    import openpyxl

    ws = openpyxl.load_workbook(str(path), read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    return [(str(r[1]), _norm(str(r[2]))) for r in rows[1:] if r and r[2]]


READERS = {
    ".txt": _txt,
    ".md": _md,
    ".vtt": _vtt,
    ".srt": _srt,
    ".csv": _csv,
    ".docx": _docx,
    ".xlsx": _xlsx,
}


def read_turns(name: str) -> list[tuple[str, str]]:
    path = CORPUS / name
    return READERS[path.suffix](path)


# --------------------------------------------------------------------------- names

_SUFFIXES = ("ning", "dan", "jon", "xon", "ga", "ni", "ka", "'s")


def _gold() -> dict:
    gold: dict = {}
    for part in ("NAMES_part1.yaml", "NAMES_part2.yaml"):
        gold.update(yaml.safe_load((CORPUS / part).read_text(encoding="utf-8")))
    return gold


def _is_name_token(tok: str) -> bool:
    return tok[:1].isupper() and tok not in {"Domla"}


class Pseudonymiser:
    """Replace one transcript's gold name forms with [PERSON_n] and its contacts with tags."""

    def __init__(self, name: str, turns: list[tuple[str, str]]):
        entry = _gold()[name]
        forms = sorted(set(entry["names"]), key=len, reverse=True)
        full = " ".join(t for _, t in turns)
        # base names: single-token forms that are not a known base + suffix
        singles = sorted({f for f in forms if " " not in f}, key=len)
        bases: list[str] = []
        for s in singles:
            if any(s.startswith(b) and s[len(b) :] in _SUFFIXES for b in bases):
                continue
            bases.append(s)
        surname_of: dict[str, str] = {}
        for f in forms:
            toks = f.split()
            if len(toks) == 2 and all(_is_name_token(t) for t in toks):
                surname_of.setdefault(toks[1], toks[0])

        def base(tok: str) -> str:
            if tok in surname_of:
                tok = surname_of[tok]
            cands = [
                b for b in bases if tok == b or (tok.startswith(b) and tok[len(b) :] in _SUFFIXES)
            ]
            return max(cands, key=len) if cands else tok

        # number people by first appearance in the transcript
        def first_pos(b: str) -> int:
            m = re.search(r"(?<!\w)" + re.escape(b), full)
            return m.start() if m else 10**9

        people = sorted(
            {base(t) for f in forms for t in f.split() if _is_name_token(t)},
            key=lambda b: (first_pos(b), b),
        )
        self.number = {b: i + 1 for i, b in enumerate(people)}
        self.rules: list[tuple[re.Pattern, str]] = []
        for f in forms:
            out, in_name = [], False
            for tok in f.split():
                if _is_name_token(tok):
                    if not in_name:
                        poss = tok.endswith("'s")
                        out.append(f"[PERSON_{self.number[base(tok)]}]" + ("'s" if poss else ""))
                    in_name = True
                else:
                    out.append(tok)
                    in_name = False
            pat = re.compile(r"(?<![\w'])" + re.escape(f) + r"(?![\w])")
            self.rules.append((pat, " ".join(out)))
        self.contacts = sorted(map(str, entry.get("contacts", [])), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for c in self.contacts:
            if "@" in c:
                tag = "[EMAIL]"
            elif "." in c and not c[0].isdigit() and not c.startswith("+"):
                tag = "[URL]"
            else:
                tag = "[PHONE]"
            text = text.replace(c, tag)
        for pat, rep in self.rules:
            text = pat.sub(rep, text)
        return text


if __name__ == "__main__":
    import signal
    import sys

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    for n in sys.argv[1:]:
        ts = read_turns(n)
        p = Pseudonymiser(n, ts)
        for s, t in ts:
            print(f"{s}: {p(t)}")
