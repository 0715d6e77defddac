"""Place names from gazetteers: districts, towns and villages of Uzbekistan, Tajikistan,
Kyrgyzstan and Kazakhstan (GeoNames, the ``uzbekistan`` package, hand lists; see
``data/SOURCES.md``), matched as whole words with Uzbek case endings (Zomindan,
Chirchiqqa) or Russian inflections (в Чусте) attached.  Region-level names (regions,
oblasts, their capitals, big Russian cities) are kept: the analysis needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from qualcode.redact.words import CAP_WORD, CYRILLIC, KEEP, WORD, Candidate

CONFIDENCE = 0.95
COMMON_ZIPF = 3.5  # an inflected match that is a common word (Пешком, Ширина) is no place
REGION = ""  # index value of a region-level name: matched, then left alone
LATIN_SUFFIX = re.compile(
    r"(?:'s|s'|ning|niki|ni|gacha|ga|ka|qa|dagilar|dagi|dan|da|liklar|lik|lar|dek|cha|si)$"
)
_RU = (
    "ого ому ими ями ами ым им ом ем ой ей ая ую ое ие ые их ых ий ый ам ах ях а я у ю е ы и ь й о"
)
RU_ENDINGS = sorted(_RU.split(), key=len, reverse=True)


@lru_cache(maxsize=100_000)
def norm(phrase: str) -> str:
    """Casefold, one apostrophe, hyphens as spaces: "Kara-Balta" -> "kara balta"."""
    phrase = re.sub(r"['’ʻ‘`ʼ]", "'", phrase).casefold().replace("-", " ")
    return " ".join(phrase.split())


@lru_cache(maxsize=100_000)
def ru_stem(word: str) -> str:
    """Drop a Russian case or adjective ending, keeping 4 letters or more:
    Чусте -> чуст, Фергане -> ферган, Зааминского -> зааминск."""
    for end in RU_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _stem_key(phrase: str) -> str:
    return "~" + " ".join(ru_stem(w) for w in phrase.split())  # "~": apart from exact keys


def _keys(phrase: str) -> Iterator[str]:
    """Lookup keys of a normalised phrase: itself, then with endings stripped."""
    yield phrase
    if CYRILLIC.search(phrase):
        yield _stem_key(phrase)
        return
    for _ in range(3):
        stripped = LATIN_SUFFIX.sub("", phrase)
        if stripped == phrase or len(stripped.rsplit(" ", 1)[-1]) < 3:
            return
        phrase = stripped
        yield phrase


def _read(name: str) -> frozenset[str]:
    text = (resources.files("qualcode.redact") / "data" / name).read_text("utf-8")
    return frozenset(norm(x) for x in text.splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Region-level names to keep (folded; hyphens as spaces)."""
    return _read("regions.txt")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Sub-regional place names to redact (folded; hyphens as spaces); no region names."""
    return _read("places.txt") - region_names()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, int]]:
    """key -> place (REGION for region-level), and first word -> most words of a name."""
    index: dict[str, str] = {}
    regions = region_names() | {norm(k) for k in KEEP}  # first: a region wins a shared key
    for names, is_place in ((regions, False), (place_names(), True)):
        for name in sorted(names, key=lambda n: (len(n), n)):  # shortest name wins a key
            for key in (name, _stem_key(name)) if CYRILLIC.search(name) else (name,):
                index.setdefault(key, name if is_place else REGION)
    longest: dict[str, int] = {}
    for key in index:
        words = key.split(" ")
        if len(words) > 1:
            first = words[0].lstrip("~")
            longest[first] = max(longest.get(first, 1), len(words))
    return index, longest


@lru_cache(maxsize=4096)
def _common(phrase: str) -> bool:
    from wordfreq import zipf_frequency

    lang = "ru" if CYRILLIC.search(phrase) else "en"
    return bool(zipf_frequency(phrase, lang) >= COMMON_ZIPF)


@lru_cache(maxsize=65536)
@lru_cache(maxsize=100_000)
def lookup(phrase: str) -> str | None:
    """Place for a normalised phrase, REGION for a region-level name, else None (also for
    a common word that only looks like an inflected place)."""
    index, _ = _index()
    for i, key in enumerate(_keys(phrase)):
        if key in index:
            place = index[key]
            return None if place and i and _common(phrase) else place
    return None


def is_region(phrase: str) -> bool:
    """True for a region-level or keep-list name, also inflected (Namangandan, Ферганской)."""
    return lookup(norm(phrase)) == REGION


@lru_cache(maxsize=100_000)
def _start(word: str) -> tuple[int, str | None]:
    """For a word that may begin a place: the most words a place name starting with it
    has, and what the word alone names (``lookup``)."""
    _, longest = _index()
    phrase = norm(word)
    first = phrase.split(" ", 1)[0]
    return max(longest.get(first, 1), longest.get(ru_stem(first), 1)), lookup(phrase)


class PlaceGazetteer:
    """Finds gazetteer places in text; region-level names and ``keep`` words are left."""

    def __init__(self, keep: Iterable[str] = (), *, capitalised: bool = True) -> None:
        self.keep = frozenset(norm(k) for k in keep)
        self.capitalised = capitalised  # only a word written with a capital starts a place

    def find(self, text: str) -> list[Candidate]:
        starts = CAP_WORD.finditer(text) if self.capitalised else WORD.finditer(text)
        found: list[Candidate] = []
        resume = 0
        for start in starts:
            if start.start() < resume:
                continue
            most, alone = _start(start.group(0))
            if most == 1 and alone is None:  # most words: no place, and none begins one
                continue
            tokens = [start]
            while len(tokens) < most:
                nxt = WORD.search(text, tokens[-1].end())
                if nxt is None or text[tokens[-1].end() : nxt.start()].strip():
                    break
                tokens.append(nxt)
            words = [norm(t.group(0)) for t in tokens]
            place: str | None = None
            for n in range(len(words), 0, -1):  # the longest name first
                place = lookup(" ".join(words[:n]))
                if place is not None:
                    break
            if place is None:
                continue
            resume = tokens[n - 1].end()
            if place and not {place, " ".join(words[:n])} & self.keep:
                found.append(Candidate(start.start(), resume, "PLACE", place, CONFIDENCE))
        return found
