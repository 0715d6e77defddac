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
from functools import lru_cache

from qualcode.ingest.roles import names_nobody

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
    "aga",
    "ake",
    "apai",
    "apake",
    "baike",
    "baurym",
    "tate",
    "jezde",
    "xon",
    "begim",
}
# Suffixes that may follow a name in the same word (zero or more, in order).
SUFFIX = (
    r"(?:jon|xon|khon|bek|oy|gul)?"
    r"(?:lar)?"
    r"(?:ning|nikiga|niki|ni|ga|ka|qa|ge|ke|dan|den|tan|ten|da|de|ta|te|day|dek|ham|mi|chi|"
    r"nyn|nin|dyn|din|tyn|tin|ny|dy|ro|u|'s|’s|s)?"
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
    return tuple(
        w
        for w in words
        if len(w) >= MIN_TOKEN and w.lower() not in HONORIFICS and not names_nobody(w)
    )


def known_people(
    labels: Iterable[str], participants: Iterable[str], facilitator: str | None
) -> list[Person]:
    """People named in labels, the participant list and the facilitator, deduplicated:
    a label "Dilnoza" and a participant "Dilnoza Karimova" are one person."""
    people: list[Person] = []
    folded: list[set[str]] = []  # each person's tokens, folded (compared with every name)
    names = [*participants, *([facilitator] if facilitator else []), *labels]
    for raw in names:
        if not raw or is_generic_label(raw):
            continue
        tokens = name_tokens(raw)
        if not tokens:
            continue
        mine = {fold(t) for t in tokens}
        same = next((i for i, theirs in enumerate(folded) if theirs & mine), None)
        if same is None:
            people.append(Person(key=raw.strip(), tokens=tokens))
            folded.append(mine)
        else:
            merged = tuple(dict.fromkeys([*people[same].tokens, *tokens]))
            people[same] = Person(key=people[same].key, tokens=merged)
            folded[same] |= mine
    return people


_APOS_TABLE = str.maketrans({c: "'" for c in "’ʻ‘`"})


@lru_cache(maxsize=100_000)
def fold(token: str) -> str:
    """Fold apostrophe variants (o' oʻ o‘ o`) and case so spellings compare equal."""
    return token.translate(_APOS_TABLE).casefold()


SUFFIX_RX = re.compile(SUFFIX)


class KnownNames:
    """Finds the known people's name tokens in words, with suffixes and case endings
    attached ('Dilnozaning', 'Bahodirga', "Dilnoza's"), in any case and apostrophe:
    a dictionary lookup per word, so a transcript needs no regex of its own."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.index: dict[str, Person] = {}
        for person in people:
            for token in person.tokens:
                self.index.setdefault(fold(token), person)
        self.prefixes = {k[:MIN_TOKEN] for k in self.index}

    def match(self, word: str) -> Person | None:
        folded = fold(word)
        if folded in self.index:
            return self.index[folded]
        if folded[:MIN_TOKEN] not in self.prefixes:
            return None
        for cut in range(len(folded) - 1, MIN_TOKEN - 1, -1):
            base = folded[:cut]
            if base in self.index and SUFFIX_RX.fullmatch(folded[cut:]):
                return self.index[base]
        return None
