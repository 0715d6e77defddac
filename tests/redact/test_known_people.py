"""``names.known_people``: the people a transcript's lists name, one entry per person."""

from __future__ import annotations

from qualcode.redact.names import Person, known_people


def test_names_sharing_a_word_are_one_person_in_order_of_first_mention() -> None:
    people = known_people(
        ["Dilnoza", "Aziz", "Moderator", "Bobur Aliyev", "DILNOZA"],
        ["Dilnoza Karimova", "Aziz Rahimov", "Karimova Sevara"],
        "Malika",
    )
    assert people == [
        Person(key="Dilnoza Karimova", tokens=("Dilnoza", "Karimova", "Sevara", "DILNOZA")),
        Person(key="Aziz Rahimov", tokens=("Aziz", "Rahimov")),
        Person(key="Malika", tokens=("Malika",)),
        Person(key="Bobur Aliyev", tokens=("Bobur", "Aliyev")),
    ]


def test_a_word_added_by_a_merge_links_a_later_name() -> None:
    # 'Sevara' joins Dilnoza Karimova through 'Karimova'; 'Sevara Yusupova' then joins her.
    people = known_people(["Sevara Yusupova"], ["Dilnoza Karimova", "Karimova Sevara"], None)
    assert [p.key for p in people] == ["Dilnoza Karimova"]
    assert people[0].tokens == ("Dilnoza", "Karimova", "Sevara", "Yusupova")
