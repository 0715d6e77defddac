"""The evidence behind second thoughts: Russian morphology, a transcript's own words,
the language of a sentence, the metadata's places."""

from __future__ import annotations

import pytest

from qualcode.records import TranscriptMeta
from qualcode.redact.keys import name_key, name_keys
from qualcode.redact.metaplaces import PlaceKeep, kept_places
from qualcode.redact.morph import acronym, ru_common
from qualcode.redact.vocab import TranscriptVocab, foreign_sentence


@pytest.mark.parametrize("word", ["Многие", "Учительница", "Кризисного", "Участковый", "Сирия"])
def test_russian_dictionary_words_without_a_name_reading_are_common(word: str) -> None:
    assert ru_common(word)


@pytest.mark.parametrize(
    "word", ["Роза", "Вера", "Ирода", "Дилноза", "Гавхар", "Кулаков", "Ҷамоат"]
)
def test_names_and_non_russian_words_get_no_verdict(word: str) -> None:
    assert not ru_common(word)


def test_abbreviations() -> None:
    assert acronym("ЗАГС") and acronym("СВП") and acronym("ЗАГСе")
    assert not acronym("Дилноза") and not acronym("ДИЛНОЗАХОН")


@pytest.mark.parametrize(
    "form, nominative",
    [
        ("Гульнору", "Гульнора"),
        ("Гульноры", "Гульнора"),
        ("Фирузой", "Feruza"),
        ("Рустама", "Rustam"),
        ("Лилии", "Лилия"),
        ("Dilnozaning", "Dilnoza"),
    ],
)
def test_case_forms_share_a_key_with_their_nominative(form: str, nominative: str) -> None:
    assert name_key(nominative) in name_keys(form)


def test_a_transcripts_lower_case_words_are_ordinary_but_not_names_in_e_mails() -> None:
    vocab = TranscriptVocab(["Men hozir keldim, bizning uyga.", "Write to laylo.k@mail.ru"])
    assert vocab.ordinary("Hozir") and vocab.ordinary("Bizga")
    assert not vocab.ordinary("Laylo") and not vocab.ordinary("Dilnoza")


def test_a_capital_in_mid_sentence_is_remembered() -> None:
    vocab = TranscriptVocab(["Kecha Feruza keldi.", "Mayli."])
    assert vocab.capitalised_elsewhere("Feruzani") and not vocab.capitalised_elsewhere("Kecha")


@pytest.mark.parametrize(
    "text, foreign",
    [
        ("Hozir hech narsa yo'q, lekin bilmayman.", True),
        ("Ҷамоат ба мо кӯмак накард дар деҳа.", True),
        ("Later we went to the market with them.", False),
        ("Теперь она на вечерние курсы не ходит.", False),
        ("Lukiya, Jyldyz Ermek kyzy, Elmira eje: all of them went there.", False),
    ],
)
def test_the_language_of_a_sentence(text: str, foreign: bool) -> None:
    assert foreign_sentence(text, 0) is foreign


def test_kept_places_match_case_forms_and_russian_adjectives() -> None:
    meta = TranscriptMeta(title="t", region="Fergana region", district="Quva district")
    places = PlaceKeep(kept_places(meta))
    for surface in ("Quva", "Quvada", "Кувинский район", "Ферганской области", "Fergana"):
        assert places.covers(surface), surface
    assert not places.covers("Chust district") and not places.covers("Navbahor makhalla")
    assert kept_places(meta, redact_districts=True) == ("Fergana region",)
