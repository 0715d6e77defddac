"""The redaction contract: known names and contacts never survive, pseudonyms are
consistent per transcript, role labels stay."""

from __future__ import annotations

from qualcode.records import RawTranscript, TranscriptMeta, Turn
from qualcode.redact import RuleRedactor
from qualcode.redact.patterns import find_contacts


def _raw(turns: list[tuple[str, str]], **meta: object) -> RawTranscript:
    return RawTranscript(
        source_name=str(meta.pop("source", "fg.txt")),
        fmt="text",
        content_hash="h",
        turns=tuple(Turn(s, t) for s, t in turns),
        meta=TranscriptMeta(title=str(meta.pop("title", "FG")), **meta),  # type: ignore[arg-type]
    )


def test_labels_participants_and_later_mentions_get_one_pseudonym() -> None:
    raw = _raw(
        [
            ("Moderator", "Dilnoza opa, please start."),
            ("Dilnoza", "Thank you. Bahodirga I said it: Dilnozaning sister agrees."),
            ("P2", "Bahodir aka is right, and Karimova knows it too."),
        ],
        participants=("Dilnoza Karimova", "Bahodir Toshmatov"),
    )
    doc = RuleRedactor().redact(raw)
    text = " ".join(t.speaker + " " + t.text for t in doc.turns)
    for name in ("Dilnoza", "Bahodir", "Karimova"):
        assert name.lower() not in text.lower()
    assert doc.turns[1].speaker == "[PERSON_1]"
    assert doc.turns[0].text.startswith("[PERSON_1] opa")  # forms of address stay
    assert "[PERSON_2] I said" in doc.turns[1].text  # case ending -ga removed with the name
    assert "[PERSON_1] knows" in doc.turns[2].text  # surname maps to the same person
    assert doc.turns[0].speaker == "Moderator" and doc.turns[2].speaker == "P2"


def test_contacts_are_redacted_and_numbered_consistently() -> None:
    raw = _raw(
        [
            ("P1", "Call +998 90 123 45 67, or 998901234567, mail a.b@mail.uz"),
            ("P2", "Same number: 90-123-45-67. See https://t.me/x and t.me/y"),
        ]
    )
    doc = RuleRedactor().redact(raw)
    t1, t2 = doc.turns[0].text, doc.turns[1].text
    assert t1 == "Call [PHONE_1], or [PHONE_1], mail [EMAIL_1]"
    assert t2 == "Same number: [PHONE_1]. See [URL_1] and [URL_2]"
    kinds = {(r.kind, r.pseudonym): r.count for r in doc.redactions}
    assert kinds[("PHONE", "[PHONE_1]")] == 3


def test_metadata_title_facilitator_and_file_name_are_redacted() -> None:
    raw = _raw(
        [("Moderator", "Welcome")],
        participants=("Gulnora",),
        facilitator="Malika Yusupova",
        title="FG at Gulnora's house",
        source="fg_malika-yusupova.txt",
    )
    doc = RuleRedactor().redact(raw)
    assert "Gulnora" not in doc.meta.title
    assert doc.meta.facilitator == "[PERSON_2]"
    assert doc.meta.participants == ()
    assert doc.source_name == "fg_[PERSON_2]-[PERSON_2].txt"


def test_apostrophe_variants_of_a_name_match() -> None:
    raw = _raw([("P1", "O‘lmas and Oʻlmas and O`lmasjon came.")], participants=("O'lmas",))
    assert "lmas" not in RuleRedactor().redact(raw).turns[0].text


def test_dates_times_and_counts_are_not_phones() -> None:
    text = "On 2022-04-12 at 00:12:31, 12.04.2022, in 2021 we were 35 people, 120000 som."
    assert list(find_contacts(text)) == []


def test_redactions_summary_holds_no_original() -> None:
    raw = _raw([("Shahnoza", "My phone is 93 555 12 34")], participants=("Shahnoza",))
    doc = RuleRedactor().redact(raw)
    assert "Shahnoza" not in repr(doc) and "555" not in repr(doc)


def test_ids_cards_and_dates_of_birth_are_redacted() -> None:
    raw = _raw(
        [
            (
                "P1",
                "Passport AA1234567, PINFL 31507861230014, card 8600 1234 5678 9012, "
                "born 14.03.1991; my son was born in 2010.",
            )
        ]
    )
    text = RuleRedactor().redact(raw).turns[0].text
    assert text == (
        "Passport [ID_1], PINFL [ID_2], card [CARD_1], born [DOB_1]; my son was born in 2010."
    )


def test_role_labels_stay_and_name_labels_are_redacted_by_one_definition() -> None:
    from qualcode.ingest.roles import is_role_label, names_nobody

    for label in ("Moderator", "Participant 2", "P3", "Note-taker", "R1"):
        assert is_role_label(label) and names_nobody(label)
    for label in ("All", "Woman 2", "M", "Respondent (older)"):
        assert names_nobody(label) and not is_role_label(label)
    for label in ("Dilnoza", "Malika opa", "Akbar aka"):
        assert not names_nobody(label) and not is_role_label(label)


def test_a_kyrgyz_patronymic_stays_with_the_name_it_follows() -> None:
    doc = RuleRedactor().redact(_raw([("P1", "My neighbour Talant Tilek uulu helped us.")]))
    assert "uulu" not in doc.turns[0].text
    assert "Tilek" not in doc.turns[0].text


def test_a_place_word_with_an_uzbek_case_ending_still_marks_a_place() -> None:
    doc = RuleRedactor().redact(_raw([("P1", "Biz Bodomzor mahallasida yashaymiz.")]))
    assert "Bodomzor" not in doc.turns[0].text
    assert "[PLACE_1]" in doc.turns[0].text
