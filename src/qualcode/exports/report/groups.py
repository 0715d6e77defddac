"""Participant groups as stored ("women 18-30", "youth 18-25 (mixed)", "erkaklar 30-60")
normalised into the kinds a briefing compares: women, men, youth, mixed, other.

Youth wins over gender ("young women 16-24" is youth: age is what the design varies);
a group naming both women and men, or called mixed, is mixed.  Words are matched whole,
case-insensitively, in English, Russian, Uzbek (Latin and Cyrillic) and Tajik.
"""

from __future__ import annotations

import re

KINDS = ("women", "men", "youth", "mixed", "other")

YOUTH = {
    "youth", "young", "youngsters", "adolescents", "adolescent", "teenagers", "teens",
    "students", "yoshlar", "yosh", "ёшлар", "ёш", "молодёжь", "молодежь", "молодые",
    "подростки", "студенты", "javonon", "ҷавонон", "чавонон", "наврасон",
}  # fmt: skip
WOMEN = {
    "women", "woman", "female", "females", "girls", "mothers", "wives", "ayollar", "ayol",
    "xotin-qizlar", "qizlar", "аёллар", "аёл", "хотин-қизлар", "қизлар", "женщины",
    "женщин", "девушки", "матери", "zanon", "занон", "занҳо", "духтарон",
}  # fmt: skip
MEN = {
    "men", "man", "male", "males", "boys", "fathers", "husbands", "erkaklar", "erkak",
    "yigitlar", "эркаклар", "эркак", "йигитлар", "мужчины", "мужчин", "юноши", "парни",
    "mardon", "мардон", "мардҳо", "писарон",
}  # fmt: skip
MIXED = {"mixed", "aralash", "аралаш", "смешанная", "смешанный", "смешанные", "омехта"}

_WORD = re.compile(r"[^\W\d_]+(?:[-'’ʻʼ][^\W\d_]+)*")


def group_words(group: str) -> set[str]:
    """The lower-cased words of ``group`` (hyphenated and apostrophe words kept whole)."""
    return {w.lower() for w in _WORD.findall(group or "")}


def group_kind(group: str | None) -> str:
    """One of ``KINDS`` for a stored participant group string."""
    words = group_words(group or "")
    if words & YOUTH:
        return "youth"
    women, men = bool(words & WOMEN), bool(words & MEN)
    if words & MIXED or (women and men):
        return "mixed"
    if women:
        return "women"
    if men:
        return "men"
    return "other"
