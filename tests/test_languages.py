"""Language detection per text, per turn and segment, and the warning when the model does
not cover the languages of a project."""

from __future__ import annotations

from collections import Counter

import pytest

from helpers import HashEmbedder
from qualcode.embed.coverage import coverage_warning, uncovered
from qualcode.languages import detect


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("My husband went to Russia to work and sends money home.", "en"),
        ("Мой муж уехал на заработки в Россию и присылает деньги.", "ru"),
        ("Erim ishlash uchun Rossiyaga ketgan va pul yuboradi.", "uz"),
        ("To'y bizga o'ttiz ming dollarga tushdi.", "uz"),
        ("Erim hokimiyatda, arxivda ishlaydi. Binodagi eng tinch xona shu, deydi.", "uz"),
        ("Бизнинг маҳаллада иш йўқ, йигитлар Россияга кетишади.", "uz"),
        ("Шавҳарам барои кор ба Русия рафт ва пул мефиристад.", "tg"),
        ("Күйөөм Орусияга иштегени кетти, акча жөнөтөт.", "ky"),
        ("Ну, как сказать, to'y juda qimmat bo'lib ketdi.", "mixed"),
        ("Ok.", "und"),
    ],
)
def test_detects_the_languages_of_the_region(text: str, code: str) -> None:
    assert detect(text) == code


class EnglishOnly(HashEmbedder):
    languages = frozenset({"en"})


def test_segments_in_languages_the_model_lacks_are_named_in_a_warning() -> None:
    counts = Counter({"en": 10, "ru": 7, "uz": 3, "und": 2, "de": 1})
    assert uncovered(counts, EnglishOnly()) == {"ru": 7, "uz": 3}  # 1 German: a misreading
    warning = coverage_warning(counts, EnglishOnly())
    assert warning is not None
    assert "10 of 23 segments" in warning and "Russian 7, Uzbek 3" in warning
    assert "embedding_model=multilingual-e5-small" in warning
    assert coverage_warning(Counter({"en": 5, "und": 1}), EnglishOnly()) is None
    assert coverage_warning(counts, HashEmbedder()) is None  # languages unknown: no claim


def test_process_stores_languages_and_warns(store) -> None:  # type: ignore[no-untyped-def]
    from qualcode.pipeline.components import default_components
    from qualcode.pipeline.ingest import store_transcript
    from qualcode.pipeline.run import process
    from qualcode.records import RawTranscript, TranscriptMeta, Turn
    from qualcode.settings import Settings

    turns = (
        Turn("P1", "Работы нет совсем, все мужчины уехали в Россию на заработки."),
        Turn("P2", "Young men have no jobs here, so they all go to Russia."),
        Turn("P3", "Свадьбы стали очень дорогими, все берут кредиты."),
        Turn("P4", "Девочек после девятого класса забирают из школы."),
    )
    raw = RawTranscript("fg.txt", "text", "h1", turns, TranscriptMeta(title="t"))
    store_transcript(store, raw)
    parts = default_components(Settings.from_strings({}), embedder=EnglishOnly())
    report = process(store, parts=parts)
    assert [s.language for s in store.segments.segments()] == ["ru", "en", "ru", "ru"]
    assert store.languages.segment_languages() == Counter({"ru": 3, "en": 1})
    assert len(report.warnings) == 1 and "Russian 3" in report.warnings[0]
