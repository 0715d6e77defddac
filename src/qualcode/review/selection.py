"""Which part of a project an export or a report covers.

A :class:`Selection` filters by transcript metadata (transcript, region, district,
participant group, language, date range), by code (a code also selects its
sub-codes) and by review status.  Every export (CSV, XLSX, REFI-QDA) and the briefing
report take one, so the CLI, the API and the notebook name the same slice the same way.
An empty field matches anything; the default statuses are those that mean "this code
applies": an open suggestion, an accepted one, or a code a coder added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from qualcode.errors import InputError

STATUSES = ("suggested", "accepted", "rejected", "added")
COUNTED = ("suggested", "accepted", "added")  # statuses that mean "this code applies"
_LISTS = ("transcripts", "regions", "districts", "groups", "languages", "codes", "statuses")


@dataclass(frozen=True)
class Selection:
    transcripts: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    codes: tuple[str, ...] = ()  # a code selects its sub-codes too
    statuses: tuple[str, ...] = COUNTED

    def __post_init__(self) -> None:
        bad = [s for s in self.statuses if s not in STATUSES]
        if bad or not self.statuses:
            raise InputError(
                "Unknown review status." if bad else "No review status given.",
                hint=f"Use one or more of: {', '.join(STATUSES)}.",
            )
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                _check_date(name, value)
        for name in ("regions", "districts", "groups", "languages", "codes"):
            if not all(v.isprintable() for v in getattr(self, name)):
                # no metadata value holds one, and an export could not write it (XML)
                raise InputError(
                    f"Filter {name}: a value holds a control character.",
                    hint="Give the value as shown by `qualcode summary`.",
                )

    @classmethod
    def parse(cls, values: Mapping[str, Any]) -> Selection:
        """From CLI options or query parameters: lists as sequences or comma-separated
        strings; unknown names are an error naming them."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise InputError(
                f"Unknown filter {', '.join(unknown)}.", hint=f"Use: {', '.join(sorted(known))}."
            )
        args: dict[str, Any] = {}
        for name, value in values.items():
            if value is None or value == "" or value == []:
                continue
            args[name] = _as_list(name, value) if name in _LISTS else str(value)
        return cls(**args)

    def with_statuses(self, *statuses: str) -> Selection:
        return replace(self, statuses=tuple(statuses))

    def keeps_transcript(self, t: Mapping[str, Any]) -> bool:
        """Whether a ``transcripts`` row (from the store) is in the selection."""
        checks = (
            (self.transcripts, t["id"]),
            (self.regions, t["region"]),
            (self.districts, t["district"]),
            (self.groups, t["grp"]),
            (self.languages, t["language"]),
        )
        if any(wanted and value not in wanted for wanted, value in checks):
            return False
        day = t["date"] or ""
        if self.date_from and not (day and day >= self.date_from):
            return False
        return not (self.date_to and not (day and day <= self.date_to))

    def keeps_code(self, code_id: str, parents: Mapping[str, str | None]) -> bool:
        """Whether ``code_id`` (or one of its ancestors) is a selected code."""
        if not self.codes:
            return True
        return any(c in self.codes for c in ancestry(code_id, parents))

    def describe(self) -> str:
        """One line for a report's header: what is included."""
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "statuses":
                parts.append(f"status: {', '.join(value)}")
            elif value:
                shown = ", ".join(map(str, value)) if isinstance(value, tuple) else value
                parts.append(f"{f.name.replace('_', ' ')}: {shown}")
        return "; ".join(parts)

    def is_everything(self) -> bool:
        return replace(self, statuses=COUNTED) == Selection()


def ancestry(code_id: str, parents: Mapping[str, str | None]) -> list[str]:
    """``code_id`` then its parent, grandparent ... (a cycle cannot loop forever)."""
    chain = [code_id]
    while (parent := parents.get(chain[-1])) and parent not in chain:
        chain.append(parent)
    return chain


def code_path(code_id: str, parents: Mapping[str, str | None]) -> str:
    """``root/child/code``: the code's place in the codebook's hierarchy."""
    return "/".join(reversed(ancestry(code_id, parents)))


def _as_list(name: str, value: Any) -> tuple[Any, ...]:
    """A list from one comma-separated string or from items that may each be one."""
    items = [value] if isinstance(value, str) else list(value)
    parts = (p.strip() for item in items for p in str(item).split(","))
    out = tuple(p for p in parts if p)
    if name != "transcripts":
        return out
    try:
        return tuple(int(v) for v in out)
    except ValueError:
        raise InputError(
            "Filter transcripts: not a list of transcript ids.",  # the value is not echoed
            hint="Give numbers, comma-separated, e.g. 1,4,7 (see `qualcode summary`).",
        ) from None


def _check_date(name: str, value: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"Filter {name}: not a date.", hint="Use YYYY-MM-DD, e.g. 2023-05-14."
        ) from None


def choices(store: Any) -> dict[str, list[Any]]:
    """What a selection can name in this project: for forms and ``--help``."""
    rows = store.transcripts.transcripts(text=False)
    return {
        "transcripts": [(t["id"], t["title"]) for t in rows],
        "regions": sorted({t["region"] for t in rows if t["region"]}),
        "groups": sorted({t["grp"] for t in rows if t["grp"]}),
        "codes": [
            (r["id"], r["label"]) for r in store.codebook.code_records() if r["status"] == "active"
        ],
        "statuses": list(STATUSES),
    }
