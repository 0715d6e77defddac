"""Names known for a transcript: speaker labels, the participant list, the facilitator.

Each known person becomes one identity; every token of their name (given name, surname)
is matched anywhere in the transcript, case-insensitively, with Uzbek/Tajik affectionate
suffixes and case endings attached (Dilnozaning, Bahodirga, Rustamjon, Gulnoraxon) and
English possessives.  Forms of address written as separate words (opa, aka) stay: they
carry no identity and help the analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from qualcode.roles import names_nobody

HONORIFICS = {
    "opa",
    "aka",
    "buvi",
    "ota",
    "ona",
    "xola",
    "amaki",
    "domla",
    "hoji",
    "apa",
    "mr",
    "mrs",
    "ms",
    "dr",
    "eje",
    "bobo",
    "momo",
    "uka",
    "singil",
    "kelin",
}
# Suffixes that may follow a name in the same word (zero or more, in order).
SUFFIX = (
    r"(?:jon|xon|khon|bek|oy|gul)?"
    r"(?:lar)?"
    r"(?:ning|nikiga|niki|ni|ga|ka|qa|dan|da|day|dek|ham|mi|chi|u|'s|’s|s)?"
)
MIN_TOKEN = 3


@dataclass(frozen=True)
class Person:
    """One known person: a canonical name and the tokens that identify them."""

    key: str
    tokens: tuple[str, ...]


def is_generic_label(label: str) -> bool:
    """A label that names a role, not a person ("Moderator", "P3"): kept as it is."""
    return names_nobody(label)


def name_tokens(name: str) -> tuple[str, ...]:
    words = re.findall(r"[^\W\d_]+(?:['’ʻ‘`][^\W\d_]+)*", name)
    return tuple(w for w in words if len(w) >= MIN_TOKEN and w.lower() not in HONORIFICS)


def known_people(
    labels: Iterable[str], participants: Iterable[str], facilitator: str | None
) -> list[Person]:
    """People named in labels, the participant list and the facilitator, deduplicated:
    a label "Dilnoza" and a participant "Dilnoza Karimova" are one person."""
    people: list[Person] = []
    names = [*participants, *([facilitator] if facilitator else []), *labels]
    for raw in names:
        if not raw or is_generic_label(raw):
            continue
        tokens = name_tokens(raw)
        if not tokens:
            continue
        same = next(
            (p for p in people if set(_fold(t) for t in tokens) & set(_fold(t) for t in p.tokens)),
            None,
        )
        if same is None:
            people.append(Person(key=raw.strip(), tokens=tokens))
        else:
            merged = tuple(dict.fromkeys([*same.tokens, *tokens]))
            people[people.index(same)] = Person(key=same.key, tokens=merged)
    return people


def _fold(token: str) -> str:
    """Fold apostrophe variants (o' oʻ o‘ o`) and case so spellings compare equal."""
    return re.sub(r"['’ʻ‘`]", "'", token).casefold()


def token_pattern(token: str) -> str:
    escaped = re.escape(_fold(token)).replace("'", "['’ʻ‘`]")
    return rf"(?<![\w])(?:{escaped}){SUFFIX}(?![\w])"


def compile_people(people: Iterable[Person]) -> list[tuple[Person, re.Pattern[str]]]:
    out = []
    for p in people:
        tokens = sorted(p.tokens, key=len, reverse=True)
        # A full name first ("Dilnoza Karimova" as one span), then each token alone.
        full = r"\s+".join(token_pattern(t) for t in p.tokens) if len(p.tokens) > 1 else None
        alts = ([full] if full else []) + [token_pattern(t) for t in tokens]
        out.append((p, re.compile("|".join(alts), re.IGNORECASE)))
    return out
