"""`make bench`'s one table: every benchmark's goals, figures and ratios.

Each benchmark keeps its goals in out/bench/NAME.json (``_common.record``); this prints
them together, with the load average each was measured under.

Run: .venv/bin/python benchmarks/summary.py
"""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from _common import RESULTS


def main() -> None:
    table = Table(title="qualcode benchmarks (issue 15 goals)", show_lines=False)
    for column in ("benchmark", "goal", "target", "figure", "ratio", "met", "load"):
        table.add_column(column, overflow="fold")
    for path in sorted(RESULTS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for g in data["goals"]:
            met = "[green]yes[/]" if g["met"] else "[red]no[/]"
            table.add_row(
                data["benchmark"], g["what"], g["goal"], g["figure"], g["ratio"], met,
                data["load"],
            )  # fmt: skip
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
