"""Gazetteer places: districts and towns with endings attached, regions kept."""

from __future__ import annotations

import time

from wordfreq import top_n_list

from qualcode.redact.gazetteer import PlaceGazetteer, is_region, place_names, region_names
from qualcode.redact.words import Candidate


def _found(text: str, keep: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.key) for c in PlaceGazetteer(keep=keep).find(text)]


def test_district_with_uzbek_case_ending_covers_the_whole_word() -> None:
    text = "I came from Zomindan last year, my sister still lives in Zominda."
    hits = PlaceGazetteer().find(text)
    assert hits == [
        Candidate(12, 20, "PLACE", "zomin", 0.95),
        Candidate(57, 64, "PLACE", "zomin", 0.95),
    ]
    assert text[12:20] == "Zomindan"


def test_spelling_variants_and_apostrophes() -> None:
    text = "Zaamin, G'allaorolda, Gʻallaorol, Gallyaaral and Qo‘qonga."
    assert [h for h, _ in _found(text)] == [
        "Zaamin",
        "G'allaorolda",
        "Gʻallaorol",
        "Gallyaaral",
        "Qo‘qonga",
    ]


def test_multi_word_and_hyphenated_places() -> None:
    text = "Then we moved to Yangi Marg'ilonda, later Kara-Balta, then Kara Suu."
    assert _found(text) == [
        ("Yangi Marg'ilonda", "yangi marg'ilon"),
        ("Kara-Balta", "kara balta"),
        ("Kara Suu", "kara suu"),
    ]


def test_russian_inflections_of_places() -> None:
    text = "Она жила в Чусте, потом в Ангрене, из Зааминского района."
    assert [h for h, _ in _found(text)] == ["Чусте", "Ангрене", "Зааминского"]


def test_region_level_names_are_kept() -> None:
    text = (
        "We are from Namangan and Samarqanddan; he works in Tashkent, Moscow and Kazan. "
        "Guliston, Farg'ona, Khatlon, Sughd, Osh, Jalal-Abad, Shymkent. В Москве и Фергане."
    )
    assert _found(text) == []
    assert is_region("Namangandan") and is_region("Ферганской") and not is_region("Zomin")


def test_keep_list_words_are_not_returned() -> None:
    text = "Chust and Angren."
    assert [h for h, _ in _found(text)] == ["Chust", "Angren"]
    assert [h for h, _ in _found(text, keep=("chust",))] == ["Angren"]


def test_plain_english_and_lowercase_words_are_not_places() -> None:
    text = "The pop group went to Boston to turn the market around; a kim and a bazar."
    assert _found(text) == []


def test_data_files_are_disjoint_and_cover_the_four_countries() -> None:
    regions, places = region_names(), place_names()
    assert not regions & places
    assert {"zomin", "chust", "angren", "kulob", "kara balta", "saryagash"} <= places
    assert {"namangan", "toshkent", "khujand", "bishkek", "almaty", "москва"} <= regions
    assert "boston" not in places and "markaz" not in places  # common words skipped
    assert len(places) > 4000 and len(regions) > 1000


def test_ten_thousand_words_well_under_a_tenth_of_a_second() -> None:
    vocab = top_n_list("en", 3000)
    names = ["Zomindan", "Tashkent", "Dilnoza", "Chirchiqqa", "Akbar", "Qo'qonda", "I"]
    words = [names[i % 7] if i % 8 == 0 else vocab[(i * 7919) % 3000] for i in range(10_000)]
    text = " ".join(words)
    gazetteer = PlaceGazetteer()
    gazetteer.find("Zomin")  # loads the data
    start = time.perf_counter()
    hits = gazetteer.find(text)
    elapsed = time.perf_counter() - start
    assert len(hits) >= 3 * 10_000 // 56
    assert elapsed < 0.1, elapsed
