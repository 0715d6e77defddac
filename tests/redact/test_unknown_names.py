"""Names nobody declared: found by capitalisation, word frequency, script and morphology."""

from __future__ import annotations

from qualcode.records import RawTranscript, TranscriptMeta, Turn
from qualcode.redact import RuleRedactor
from qualcode.redact.unknown import addressed_names, find_unknown
from qualcode.redact.words import stem


def _redact(*texts: str, keep: tuple[str, ...] = ()) -> list[str]:
    raw = RawTranscript(
        "f.txt", "text", "h", tuple(Turn("P1", t) for t in texts), TranscriptMeta(title="t")
    )
    return [t.text for t in RuleRedactor(keep=keep).redact(raw).turns]


def test_absent_people_are_redacted_with_one_pseudonym_across_endings() -> None:
    out = _redact("My neighbour Shahnoza works in Kazan.", "We told Shahnozaning mother.")
    assert out[0] == "My neighbour [PERSON_1] works in Kazan."
    assert out[1] == "We told [PERSON_1] mother."


def test_common_english_words_regions_and_institutions_stay() -> None:
    text = "The police in Tashkent and the Khokimiyat said Russia pays more. We go on Friday."
    assert _redact(text) == [text]


def test_cyrillic_names_and_patronymics_are_redacted() -> None:
    (out,) = _redact("The paper said Мирзаев Сардор Бахтиёрович, not Ҳакимова.")
    assert "Мирзаев" not in out and "Бахтиёрович" not in out and "Ҳакимова" not in out


def test_sentence_initial_names_need_morphology_or_rarity() -> None:
    (out,) = _redact("Karimova said no. Dilnoza agreed. Hope is all we have.")
    assert "Karimova" not in out and "Dilnoza" not in out
    assert "Hope is all we have." in out  # a common word at a sentence start stays


def test_a_form_of_address_marks_a_name_even_if_it_is_an_english_word() -> None:
    assert addressed_names(["Ask Akbar aka.", "Our opa came."]) == ["Akbar"]
    (out,) = _redact("Akbar aka knows. Later Akbar said the same.")
    assert "Akbar" not in out and out.count("[PERSON_1]") == 2


def test_places_before_place_words_are_places_and_the_keep_list_is_configurable() -> None:
    (out,) = _redact("We live in Navbahor makhalla near Bunyodkor street.")
    assert out == "We live in [PLACE_1] near [PLACE_2]."  # the place word goes too
    (kept,) = _redact("We live in Navbahor makhalla.", keep=("Navbahor",))
    assert kept == "We live in Navbahor makhalla."


def test_detections_of_unknown_names_carry_lower_confidence_for_review() -> None:
    raw = RawTranscript(
        "f.txt", "text", "h", (Turn("P1", "Ask Farrukh."),), TranscriptMeta(title="t")
    )
    (r,) = RuleRedactor().redact(raw).redactions
    assert r.source in ("names", "unknown") and r.confidence < 1.0


def test_stems_strip_case_endings_and_possessives() -> None:
    assert {stem(w) for w in ("Dilnozaning", "Dilnozaga", "Dilnoza's", "Dilnozadan")} == {"dilnoza"}
    assert [c.key for c in find_unknown("Ask Rustamdan now")] == ["rustam"]
