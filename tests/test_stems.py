"""Snowball stemmers: Snowball 3's stems, a clear error for an unknown language, safe
from several threads, and no NLTK import on the way."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from itertools import cycle, product

import pytest

from helpers import loaded_after
from qualcode.errors import ConfigError
from qualcode.stems import languages, stemmer


def test_english_stems_are_snowball_3s() -> None:
    stem = stemmer("english")
    assert stem("Migrants") == stem("migrant") == "migrant"
    assert stem("added") == "add"  # NLTK's older port: "ad"
    assert stem("organization") != stem("organ")  # NLTK's older port: both "organ"


def test_russian_and_other_languages() -> None:
    assert stemmer("russian")("мигрантов") == stemmer("russian")("мигранты")
    assert {"english", "russian", "turkish", "porter"} <= set(languages())


def test_an_unknown_language_says_which_there_are() -> None:
    with pytest.raises(ConfigError) as err:
        stemmer("klingon")
    assert "klingon" in str(err.value)
    assert "russian" in (err.value.hint or "")


def test_stems_are_the_same_from_many_threads() -> None:
    import snowballstemmer

    # distinct words, so that every call stems (none is served from the cache), and
    # threads switched as often as Python allows
    stems = ("".join(p) for p in product("bdgkm", "aeiou", "nrst", "aeo", "lmn"))
    words = [s + end for s, end in zip(stems, cycle(("ing", "ed", "ations", "ness")))]
    plain = snowballstemmer.stemmer("english").stemWord
    expected = [plain(w) for w in words]
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        stem = stemmer("english")
        chunks = [words[i::8] for i in range(8)]
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda chunk: [stem(w) for w in chunk], chunks))
    finally:
        sys.setswitchinterval(before)
    assert got == [expected[i::8] for i in range(8)]


def test_keyword_matching_does_not_import_nltk() -> None:
    statements = (
        "from qualcode.coding.keywords import KeywordMatcher\n"
        "KeywordMatcher([['migrant', 'early marriage']]).hits('Migrants spoke of early marriages')"
    )
    assert loaded_after(statements, ["nltk", "scipy"]) == []
