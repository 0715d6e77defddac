"""Role labels in the languages of the region name nobody; names in labels do."""

from __future__ import annotations

import pytest

from qualcode.ingest.roles import is_role_label, names_nobody


@pytest.mark.parametrize(
    "label",
    [
        "Ведущая",
        "Ведущий",
        "Модератор",
        "Фасилитатор",
        "Участник 3",
        "Участница 2",
        "Респондент",
        "Интервьюер",
        "Boshlovchi",
        "Moderator",
        "Ishtirokchi 2",
        "Иштирокчи",
        "Иштирокчӣ 5",
        "Катышуучу 4",
        "Алып баруучу",
        "Қатысушы 1",
    ],
)
def test_role_labels_in_the_regions_languages(label: str) -> None:
    assert is_role_label(label) and names_nobody(label)
    assert names_nobody(label.upper()) and names_nobody(label.lower())


@pytest.mark.parametrize("label", ["Участница 2 (Гульнора)", "Все", "Hammasi", "Женщина 2"])
def test_group_labels_and_noted_roles_name_nobody_themselves(label: str) -> None:
    assert names_nobody(label)


@pytest.mark.parametrize("label", ["Гульнора", "Дилноза опа", "Ведущая Умида", "Nodira"])
def test_names_are_not_roles(label: str) -> None:
    assert not names_nobody(label) and not is_role_label(label)
