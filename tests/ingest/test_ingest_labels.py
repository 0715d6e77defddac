"""Speaker labels and timestamps: the forms transcribers write, and lookalikes."""

from __future__ import annotations

import pytest

from qualcode.ingest.labels import is_plausible_label, match_label, normalise_speaker
from qualcode.ingest.timecode import parse_time_range, parse_timestamp


@pytest.mark.parametrize(
    ("line", "speaker", "text", "start"),
    [
        ("Moderator: Hello everyone", "Moderator", "Hello everyone", None),
        ("P3: yes", "P3", "yes", None),
        ("P3:yes", "P3", "yes", None),
        ("Participant 2 (F, 34): I think so", "Participant 2", "I think so", None),
        ("[00:12:31] Speaker 1: ok", "Speaker 1", "ok", 751.0),
        ("(00:12:31) Speaker 1: ok", "Speaker 1", "ok", 751.0),
        ("12:31 Moderator: hi", "Moderator", "hi", 751.0),
        ("Speaker 1 [00:12:31]: ok", "Speaker 1", "ok", 751.0),
        ("Speaker 1 (00:12:31): ok", "Speaker 1", "ok", 751.0),
        ("MODERATOR - Welcome", "Moderator", "Welcome", None),
        ("MODERATOR – Welcome", "Moderator", "Welcome", None),
        ("Participant 2 - yes", "Participant 2", "yes", None),
        ("**Moderator:** Welcome", "Moderator", "Welcome", None),
        ("**Moderator**: Welcome", "Moderator", "Welcome", None),
        ("__P2:__ Very expensive", "P2", "Very expensive", None),
        ("Dilnoza: the makhalla helped", "Dilnoza", "the makhalla helped", None),
        ("Nodira opa: to'y was big", "Nodira opa", "to'y was big", None),
        ("O'g'iloy: yes", "O'g'iloy", "yes", None),
        ("Дилноза: махалля", "Дилноза", "махалля", None),
        ("Mr. Aliev: hello", "Mr. Aliev", "hello", None),
        ("A. Karimova: hello", "A. Karimova", "hello", None),
        ("Participant #3: yes", "Participant #3", "yes", None),
        ("Note taker: [crosstalk]", "Note taker", "[crosstalk]", None),
        ("Q: What did the khokimiyat say?", "Q", "What did the khokimiyat say?", None),
        ("Moderator:", "Moderator", "", None),
        ("Moderator : spaced colon", "Moderator", "spaced colon", None),
        ("Moderator：full-width colon", "Moderator", "full-width colon", None),
        ("Speaker 1  0:03", "Speaker 1", "", 3.0),
        ("Aziza\t1:02:03", "Aziza", "", 3723.0),
        ("PARTICIPANT 2: ok", "Participant 2", "ok", None),
        ("DILNOZA OPA: ok", "Dilnoza opa", "ok", None),
        ("Moderator: **important** thing", "Moderator", "**important** thing", None),
        ("Ведущая: Добрый день", "Ведущая", "Добрый день", None),
        ("Участница 2 (Гульнора): да", "Участница 2 (Гульнора)", "да", None),  # name kept
        ("Respondent (Zarina, 34): yes", "Respondent (Zarina, 34)", "yes", None),
        ("Participant 3 (older): no", "Participant 3", "no", None),  # no name: dropped
        ("Ishtirokchi 3: Ha", "Ishtirokchi 3", "Ha", None),
        ("КАТЫШУУЧУ 4 - ооба", "Катышуучу 4", "ооба", None),  # a role: dash form allowed
        ("Иштирокчӣ: ҳа", "Иштирокчӣ", "ҳа", None),
    ],
)
def test_label_forms(line: str, speaker: str, text: str, start: float | None) -> None:
    label = match_label(line)
    assert label is not None
    assert (label.speaker, label.text, label.start) == (speaker, text, start)


@pytest.mark.parametrize(
    "line",
    [
        "He said: go home",  # a lowercase second word: prose, not a label
        "I think: maybe",
        "The khokimiyat said: no",
        "Well - I think so",  # the dash form needs an all-caps or role label
        "Time: we met at 5",  # metadata words are never speakers
        "Date: 14 May 2023",
        "Location: makhalla office",
        "Note: the recorder stopped",
        "NOTE: the recorder stopped",
        "Question 3: what does the makhalla do?",
        "https://example.org/page",
        "[laughter]",
        "[inaudible 00:14:02]",
        "Dilnoza 12:30",  # a time, not a label
        "Yes, and then: we left",  # sentence punctuation
        "one two three four five six: too many words",
        "A very long label that goes on and on and on: text",
        "lowercase: no",
        "Фокус-группа: женщины 18-35, Ферганская область",  # a heading, not a speaker
        "Дата: 19.07.2022",
        "Вопрос 3: что делает махалля?",
        "3: numbered list item",
        "",
    ],
)
def test_not_labels(line: str) -> None:
    assert match_label(line) is None


def test_plausible_label_rules() -> None:
    assert is_plausible_label("Nodira opa")
    assert not is_plausible_label("Nodira went")
    assert is_plausible_label("MODERATOR", dash=True)
    assert is_plausible_label("Moderator", dash=True)
    assert not is_plausible_label("Dilnoza", dash=True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("MODERATOR", "Moderator"),
        ("  Moderator  ", "Moderator"),
        ("Participant   2", "Participant 2"),
        ("PARTICIPANT 2", "Participant 2"),
        ("P3", "P3"),
        ("Q", "Q"),
        ("ABDUL-AZIZ", "Abdul-Aziz"),
        ("O'G'ILOY", "O'g'iloy"),
        ("Moderator:", "Moderator"),
        ("Dilnoza OPA", "Dilnoza OPA"),  # not all caps: kept as written
        ("ДИЛНОЗА", "Дилноза"),
    ],
)
def test_normalise_speaker(raw: str, expected: str) -> None:
    assert normalise_speaker(raw) == expected


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("00:01:23", 83.0),
        ("01:23", 83.0),
        ("1:23", 83.0),
        ("83", 83.0),
        ("83.5", 83.5),
        ("83,5", 83.5),
        ("00:01:23,450", 83.45),
        ("00:01:23.450", 83.45),
        ("1:02:03", 3723.0),
        ("75:10", 4510.0),
        ("", None),
        ("yesterday", None),
        ("00:61:00", None),
        ("1:75", None),
    ],
)
def test_parse_timestamp(value: str, seconds: float | None) -> None:
    assert parse_timestamp(value) == (pytest.approx(seconds) if seconds is not None else None)


def test_parse_time_range() -> None:
    assert parse_time_range("00:01:23 - 00:01:30") == (83.0, 90.0)
    assert parse_time_range("1:23 --> 1:30") == (83.0, 90.0)
    assert parse_time_range("1:23") == (83.0, None)
    assert parse_time_range("  ") == (None, None)
    assert parse_time_range("soon") is None


def test_pseudonym_labels_from_redacted_copies_are_speakers() -> None:
    from qualcode.ingest.labels import match_label

    found = match_label("[PERSON_6]: No, but it's not only money.")
    assert found is not None
    assert (found.speaker, found.text) == ("[PERSON_6]", "No, but it's not only money.")
    assert match_label("[laughter] yes") is None
