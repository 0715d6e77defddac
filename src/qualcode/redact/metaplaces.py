"""The places a transcript's metadata declares (region, district): kept in its text.

A researcher who states that a group met in the Fergana region, Quva district, needs
those names in the analysis, and they identify nobody the metadata does not already
name.  So every layer that guesses (places, gazetteer, names, NER, unknown words)
leaves them, in any case form or script: 'Quva', 'Quvada', 'Кувинский район',
'Ферганской области'.  ``redact_districts`` (a setting) redacts the district after all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from qualcode.records import TranscriptMeta
from qualcode.redact.keys import name_key, name_keys
from qualcode.redact.words import WORD

# Words that say what kind of place a name is: not part of the name itself.
GENERIC = re.compile(
    r"(?i)^(?:region|oblast|province|district|city|town|rayon|raion|viloyati?|tumani?|"
    r"shahri?|nohiyai?|nohiyasi|oblusu|rayonu|audany|область|области|областью|обл|район|"
    r"района|районе|районы|город|города|городе|г|вилояти?|тумани?|ноҳияи?|шаҳри?)$"
)
# A Russian adjective made from a place name: Кувинский, Ферганской, Наманганская.
RU_PLACE_ADJECTIVE = re.compile(
    r"^(.{3,}?)((?:ин|ан|ен|ын)?)ск(?:ий|ая|ое|ого|ому|ой|ом|им|ую|ие|их|ими)$"
)
VOWELS = "aeiouy"


def kept_places(meta: TranscriptMeta, redact_districts: bool = False) -> tuple[str, ...]:
    """The metadata's place names that stay: the region, and the district unless
    ``redact_districts``."""
    names = [meta.region] + ([] if redact_districts else [meta.district])
    return tuple(n.strip() for n in names if n and n.strip())


def _core(key: str) -> str:
    return key.rstrip(VOWELS) if len(key.rstrip(VOWELS)) >= 3 else key


def _word_keys(word: str) -> set[str]:
    keys = {_core(k) for k in name_keys(word)}
    adjective = RU_PLACE_ADJECTIVE.match(word.casefold())
    if adjective:  # Кув-ин-ский from Quva, Ферган-ск-ой from Fergana
        base, infix = adjective.groups()
        keys |= {_core(name_key(base)), _core(name_key(base + infix))}
    return keys


class PlaceKeep:
    """Matches text spans made only of the kept place names and generic place words."""

    def __init__(self, names: Iterable[str]) -> None:
        self.keys = {
            _core(name_key(w))
            for name in names
            for w in WORD.findall(name)
            if not GENERIC.match(w) and len(name_key(w)) >= 3
        }

    def __bool__(self) -> bool:
        return bool(self.keys)

    def covers(self, surface: str) -> bool:
        """True when every capitalised word of ``surface`` is a kept name; generic place
        words and lower-case connectors ('Namangan and Quva district') do not count."""
        words = [w for w in WORD.findall(surface) if not GENERIC.match(w) and w[0].isupper()]
        return bool(words) and all(_word_keys(w) & self.keys for w in words)
