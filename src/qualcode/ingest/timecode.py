"""Timestamps as transcribers and transcription services write them, to seconds."""

from __future__ import annotations

import re

# "83", "83.5", "83,5" (a decimal comma, as Russian-locale exports write it)
_SECONDS = re.compile(r"(?P<s>\d+)(?:[.,](?P<frac>\d+))?")
# "1:23", "01:23", "00:01:23", "00:01:23,450", "00:01:23.450"
_CLOCK = re.compile(r"(?:(?P<h>\d+):)?(?P<m>\d{1,2}):(?P<s>\d{2})(?:[.,](?P<frac>\d{1,6}))?")
# "00:01:23 - 00:01:30", "00:01:23 --> 00:01:30", "1:23–1:30"
_RANGE = re.compile(r"(?P<a>[\d:.,]+)\s*(?:-->|[-–—])\s*(?P<b>[\d:.,]+)")

TIMESTAMP_PATTERN = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
"""A clock-style timestamp inside a line of text, e.g. ``00:12:31`` or ``12:31.5``."""


def _fraction(digits: str | None) -> float:
    return float(f"0.{digits}") if digits else 0.0


def parse_timestamp(value: str) -> float | None:
    """Seconds for ``"00:01:23"``, ``"1:23"``, ``"83.5"`` or ``"00:01:23,450"``.

    Returns None when ``value`` is not a timestamp (including an empty string).
    Two-part clock values are minutes and seconds, three-part ones hours too.
    """
    value = value.strip()
    clock = _CLOCK.fullmatch(value)
    if clock:
        hours = int(clock["h"]) if clock["h"] else 0
        minutes, seconds = int(clock["m"]), int(clock["s"])
        if seconds >= 60 or (clock["h"] and minutes >= 60):
            return None
        return hours * 3600 + minutes * 60 + seconds + _fraction(clock["frac"])
    plain = _SECONDS.fullmatch(value)
    if plain:
        return int(plain["s"]) + _fraction(plain["frac"])
    return None


def parse_time_range(value: str) -> tuple[float | None, float | None] | None:
    """``(start, end)`` for a timestamp or a range like ``"00:01:23 - 00:01:30"``.

    Returns ``(None, None)`` for a blank value and None when the value is not a time.
    """
    if not value.strip():
        return (None, None)
    single = parse_timestamp(value)
    if single is not None:
        return (single, None)
    span = _RANGE.fullmatch(value.strip())
    if span:
        start, end = parse_timestamp(span["a"]), parse_timestamp(span["b"])
        if start is not None and end is not None:
            return (start, end)
    return None
