"""Sidecar metadata: lookup, precedence, validation and hostile YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcode.errors import InputError
from qualcode.ingest import load_sidecar_meta, parse_meta, read_transcript
from qualcode.ingest.meta import MAX_SIDECAR_BYTES
from qualcode.records import TranscriptMeta

SIDECAR_YAML = """\
title: Women 18-30, Fergana
region: Fergana
district: Margilan
date: 2023-05-14
participant_group: women 18-30
language: uz
facilitator: Aziza
participants: [Dilnoza, Malika, Nodira opa, 4]
venue: makhalla committee office
sessions: 2
topics: [to'y, kelin]
"""


def _transcript(tmp_path: Path, name: str = "fg1.txt") -> Path:
    path = tmp_path / name
    path.write_text("Moderator: Salom\nP1: Salom\n", encoding="utf-8")
    return path


def test_yaml_sidecar(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    (tmp_path / "fg1.txt.meta.yaml").write_text(SIDECAR_YAML, encoding="utf-8")
    meta = read_transcript(path).meta
    assert meta == TranscriptMeta(
        title="Women 18-30, Fergana",
        region="Fergana",
        district="Margilan",
        date="2023-05-14",
        group="women 18-30",
        language="uz",
        facilitator="Aziza",
        participants=("Dilnoza", "Malika", "Nodira opa", "4"),
        extra={
            "venue": "makhalla committee office",
            "sessions": "2",
            "topics": '["to\'y", "kelin"]',
        },
    )


def test_sidecar_lookup_order(tmp_path: Path) -> None:
    path = _transcript(tmp_path, "fg1.docx")
    assert load_sidecar_meta(path) is None
    (tmp_path / "fg1.meta.json").write_text(json.dumps({"region": "Sughd"}), encoding="utf-8")
    meta = load_sidecar_meta(path)
    assert meta is not None and (meta.title, meta.region) == ("fg1", "Sughd")
    (tmp_path / "fg1.meta.yml").write_text("region: Khatlon\n", encoding="utf-8")
    assert load_sidecar_meta(path) == TranscriptMeta(title="fg1", region="Khatlon")
    (tmp_path / "fg1.docx.meta.json").write_text('{"region": "Bukhara"}', encoding="utf-8")
    assert load_sidecar_meta(path) == TranscriptMeta(title="fg1", region="Bukhara")
    (tmp_path / "fg1.docx.meta.yaml").write_text("region: Khorezm\n", encoding="utf-8")
    assert load_sidecar_meta(path) == TranscriptMeta(title="fg1", region="Khorezm")


def test_explicit_meta_replaces_sidecar(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    (tmp_path / "fg1.meta.yaml").write_text("region: Fergana\ndate: nonsense\n", encoding="utf-8")
    explicit = TranscriptMeta(title="Given", language="ru")
    assert read_transcript(path, explicit).meta == explicit  # the broken sidecar is unread


def test_no_sidecar_title_is_stem(tmp_path: Path) -> None:
    assert read_transcript(_transcript(tmp_path)).meta == TranscriptMeta(title="fg1")


def test_bad_date_names_file_and_field(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    (tmp_path / "fg1.meta.yaml").write_text("date: yesterday\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert str(err.value) == (
        f"{tmp_path / 'fg1.meta.yaml'}: field 'date' is not a valid date (use YYYY-MM-DD)."
    )


@pytest.mark.parametrize("value", ["Shahnoza Karimova", "2023-02-30", "14.05.2023", 12])
def test_a_bad_date_is_refused_without_echoing_it(value: object) -> None:
    """The value may be anything a person typed there, a participant's name included."""
    with pytest.raises(InputError) as err:
        parse_meta({"title": "x", "date": value}, source="meta.yaml")
    assert str(err.value) == "meta.yaml: field 'date' is not a valid date (use YYYY-MM-DD)."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "x", "date": "2023-02-30"}, "field 'date' is not a valid date"),
        ({"title": "x", "date": "14.05.2023"}, "field 'date' is not a valid date"),
        ({"title": "x", "participants": "Dilnoza, Malika"}, "field 'participants': must be a list"),
        ({"title": "x", "participants": ["Dilnoza", None]}, "field 'participants': must be a list"),
        ({"title": "x", "region": ["Fergana"]}, "field 'region': must be text"),
        ({"title": "", "region": "Fergana"}, "field 'title': must not be empty"),
        ({"region": "Fergana"}, "field 'title': is required"),
        ({"title": "x", "language": " "}, "field 'language': must not be empty"),
    ],
)
def test_parse_meta_errors(data: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=rf"^meta.yaml: {message}") as err:
        parse_meta(data, source="meta.yaml")
    assert "Dilnoza" not in str(err.value)


def test_parse_meta_keys_and_defaults() -> None:
    meta = parse_meta({"Title": " FG 2 ", "Participant Group": "men", "Date": None}, source="m")
    assert meta == TranscriptMeta(title="FG 2", group="men")
    assert parse_meta({}, source="m", default_title="fg2").title == "fg2"


def test_sidecar_must_be_a_mapping(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    (tmp_path / "fg1.meta.yaml").write_text("- Dilnoza\n- Malika\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"fg1.meta.yaml: metadata must be a mapping") as err:
        read_transcript(path)
    assert "Dilnoza" not in str(err.value)


def test_empty_sidecar_is_allowed(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    (tmp_path / "fg1.meta.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert read_transcript(path).meta == TranscriptMeta(title="fg1")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("fg1.meta.yaml", "title: [unclosed\n", "not valid YAML at line"),
        ("fg1.meta.json", '{"title": "Dilnoza",}', "not valid JSON at line 1"),
        ("fg1.meta.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("fg1.meta.yaml", "title: !!python/object:os.system Dilnoza\n", "not valid YAML"),
    ],
)
def test_malformed_sidecars(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = _transcript(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        read_transcript(path)
    assert "Dilnoza" not in str(err.value)


def test_yaml_alias_bomb_is_rejected(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = tmp_path / "fg1.meta.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert bomb.stat().st_size < 1000  # 9**10 strings if expanded
    with pytest.raises(InputError, match=r"anchors and aliases .* are not allowed"):
        read_transcript(_transcript(tmp_path))


def test_oversized_sidecar(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    (tmp_path / "fg1.meta.yaml").write_text("a: " + "x" * MAX_SIDECAR_BYTES, encoding="utf-8")
    with pytest.raises(InputError, match=r"over the 1,000,000-byte limit"):
        read_transcript(path)


def test_non_utf8_sidecar(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    (tmp_path / "fg1.meta.yaml").write_bytes("region: Фергана\n".encode("cp1251"))
    with pytest.raises(InputError, match=r"fg1.meta.yaml: the metadata file is not UTF-8"):
        read_transcript(path)
