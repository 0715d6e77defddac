"""A codebook in several languages: inline per-language fields or a translations mapping;
kept through storage and edits; used by the suggester."""

from __future__ import annotations

from qualcode.codebook.load import codebook_to_dict, load_codebook, parse_codebook
from qualcode.records import CodeText

BOOK = {
    "name": "b",
    "version": "1",
    "codes": [
        {
            "id": "wedding_costs",
            "label": {"en": "Wedding costs", "ru": "Расходы на свадьбу"},
            "definition": "Spending on weddings and the debt it brings.",
            "keywords": {"en": ["wedding"], "ru": ["свадьба"], "uz": ["to'y"]},
        },
        {
            "id": "labour_migration",
            "label": "Labour migration",
            "definition": "Work abroad and its effects on families.",
            "translations": {"ru": {"label": "Трудовая миграция", "keywords": ["мигрант"]}},
        },
    ],
}


def test_inline_languages_become_the_code_and_its_translations() -> None:
    book = parse_codebook(BOOK, source="b.yaml")
    wedding, migration = book.codes
    assert wedding.label == "Wedding costs" and wedding.keywords == ("wedding",)
    assert wedding.translations == (
        CodeText("ru", label="Расходы на свадьбу", keywords=("свадьба",)),
        CodeText("uz", keywords=("to'y",)),
    )
    assert migration.translations == (
        CodeText("ru", label="Трудовая миграция", keywords=("мигрант",)),
    )
    assert parse_codebook(codebook_to_dict(book), source="again") == book


def test_a_codebook_without_translations_writes_none() -> None:
    plain = {**BOOK, "codes": [{"id": "aa", "label": "A", "definition": "Def."}]}
    assert "translations" not in codebook_to_dict(parse_codebook(plain, source="p"))["codes"][0]


def test_a_bad_language_key_is_named() -> None:
    import pytest

    from qualcode.errors import CodebookError

    bad = {**BOOK, "codes": [{**BOOK["codes"][1], "translations": {"Russian": {}}}]}
    with pytest.raises(CodebookError, match="translations"):
        parse_codebook(bad, source="bad.yaml")


def test_translations_survive_storage_and_an_edit(store) -> None:  # type: ignore[no-untyped-def]
    from qualcode.codebook.edit import edit_code
    from qualcode.codebook.project import use_codebook

    book = parse_codebook(BOOK, source="b.yaml")
    store.codebook.save_codebook(book, codebook_to_dict(book))
    edit_code(store, "labour_migration", {"definition": "Work abroad."}, "ann", 1)
    stored = {c.id: c for c in use_codebook(store, None).codes}
    assert stored["labour_migration"].translations == book.codes[1].translations
    assert stored["wedding_costs"].translations == book.codes[0].translations
    assert store.codebook.code("wedding_costs").translations == book.codes[0].translations


def test_the_bundled_codebook_carries_russian_and_uzbek_keywords() -> None:
    from qualcode.codebook.load import default_codebook_path

    book = load_codebook(default_codebook_path())
    assert all({t.language for t in c.translations} == {"ru", "uz"} for c in book.codes)
    assert all(t.keywords for c in book.codes for t in c.translations)


def test_the_suggester_uses_keywords_in_every_language() -> None:
    from helpers import HashEmbedder
    from qualcode.coding.suggest import ZeroShotSuggester

    zs = ZeroShotSuggester(HashEmbedder()).fit(parse_codebook(BOOK, source="b.yaml"))
    hits = zs.keyword_hits(["Все деньги ушли на свадьбу.", "Ular to'yga qarz olishdi."])
    assert hits[:, 0].tolist() == [1.0, 1.0]
    assert "ru" in zs.keyword_languages_ and "uz" in zs.keyword_languages_
