"""Russian NER (natasha) on the Cyrillic passages of English transcripts."""

from __future__ import annotations

import subprocess
import sys

from qualcode.redact.russian import NatashaNer, cyrillic_stretches

TEXT = (
    "P2: My neighbour told me in Russian: «Здравствуйте. Меня зовут Дильноза Рахимова, "
    "я из Москвы, раньше жила в Чусте». Akbar said nothing."
)


def test_russian_name_and_surname_in_a_cyrillic_passage() -> None:
    hits = NatashaNer().find(TEXT)
    people = [c for c in hits if c.kind == "PERSON"]
    assert len(people) == 1
    (person,) = people
    start = TEXT.index("Дильноза")
    assert (person.start, person.end) == (start, start + len("Дильноза Рахимова"))
    assert TEXT[person.start : person.end] == "Дильноза Рахимова"
    assert person.key == "дильноза рахимова" and person.confidence == 0.85
    assert all(TEXT[c.start] not in "AP" for c in hits)  # nothing in the English part


def test_region_level_places_are_left_and_districts_are_places() -> None:
    places = [TEXT[c.start : c.end] for c in NatashaNer().find(TEXT) if c.kind == "PLACE"]
    assert places == ["Чусте"]
    assert NatashaNer(keep_regions=False).find("Я живу в Москве.")[0].kind == "PLACE"


def test_cyrillic_stretches_stop_at_latin_text() -> None:
    text = "Hello Иван Петров said «привет»! Bye."
    assert [text[s:e] for s, e in cyrillic_stretches(text)] == ["Иван Петров", "привет"]


def test_pure_english_returns_nothing_without_importing_natasha() -> None:
    code = (
        "import sys\n"
        "from qualcode.redact.russian import NatashaNer\n"
        "assert NatashaNer().find('Dilnoza Rahimova lives in Chust with Akbar.') == []\n"
        "assert 'natasha' not in sys.modules and 'slovnet' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
