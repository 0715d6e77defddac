"""Tests for qualcode.codebook.load: the shipped drivers codebook, round trips and errors."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from qualcode.codebook import load as cb_module
from qualcode.codebook.load import (
    codebook_to_dict,
    default_codebook_path,
    dump_codebook,
    load_codebook,
    parse_codebook,
)
from qualcode.errors import CodebookError
from qualcode.records import Code, Codebook

DRIVER_IDS = {
    "gender_norms",
    "domestic_violence",
    "girls_education",
    "unemployment",
    "labour_migration",
    "wedding_costs",
    "legal_literacy",
    "media_literacy",
    "returnees",
    "violent_groups",
    "services_infrastructure",
    "police_authorities",
    "gbv_services",
}


def _code(code_id: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": code_id, "label": f"Label {code_id}", "definition": "Def."}
    return base | fields


def _book(*codes: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"name": "Test", "version": "1.0", "codes": list(codes)} | fields


def _error(data: Any, source: str = "book.yaml") -> str:
    with pytest.raises(CodebookError) as info:
        parse_codebook(data, source=source)
    message = str(info.value)
    assert source in message
    return message


def _problem_lines(message: str) -> list[str]:
    return [line for line in message.splitlines() if line.startswith("  - ")]


def _line_with(message: str, *parts: str) -> str:
    """The single problem line containing every one of ``parts``."""
    lines = [line for line in _problem_lines(message) if all(p in line for p in parts)]
    assert len(lines) == 1, f"expected one line with {parts} in:\n{message}"
    return lines[0]


# --- the shipped codebook ---------------------------------------------------------------


@pytest.fixture(scope="module")
def drivers() -> Codebook:
    return load_codebook(default_codebook_path())


def test_default_path_is_repo_codebook() -> None:
    path = default_codebook_path()
    assert path.is_file()
    assert path.parts[-2:] == ("codebooks", "drivers.yaml")


def test_drivers_has_exactly_the_thirteen_ids(drivers: Codebook) -> None:
    ids = [c.id for c in drivers.codes]
    assert len(ids) == len(set(ids)) == 13
    assert set(ids) == DRIVER_IDS


def test_drivers_header(drivers: Codebook) -> None:
    assert drivers.name.strip()
    assert isinstance(drivers.version, str) and drivers.version.strip()
    assert drivers.description.strip()


@pytest.mark.parametrize("code_id", sorted(DRIVER_IDS))
def test_drivers_code_content(drivers: Codebook, code_id: str) -> None:
    code = drivers.get(code_id)
    assert code is not None
    assert code.label.strip() and code.definition.strip()
    assert code.inclusion.strip() and code.exclusion.strip()
    assert 4 <= len(code.examples) <= 6
    assert 8 <= len(code.keywords) <= 15
    assert all(k == k.lower().strip() and k for k in code.keywords)
    assert len(set(code.keywords)) == len(code.keywords)
    assert all(e.strip() for e in code.examples)


def test_drivers_parents_valid_and_acyclic(drivers: Codebook) -> None:
    ids = {c.id for c in drivers.codes}
    for code in drivers.codes:
        seen = {code.id}
        parent = code.parent
        while parent is not None:
            assert parent in ids
            assert parent not in seen
            seen.add(parent)
            parent_code = drivers.get(parent)
            assert parent_code is not None
            parent = parent_code.parent


def test_drivers_exclusions_point_at_real_codes(drivers: Codebook) -> None:
    """Each overlapping pair names its neighbour in the exclusion text."""
    pairs = [
        ("domestic_violence", "gbv_services"),
        ("domestic_violence", "gender_norms"),
        ("gbv_services", "domestic_violence"),
        ("gender_norms", "domestic_violence"),
        ("unemployment", "labour_migration"),
        ("labour_migration", "unemployment"),
        ("police_authorities", "legal_literacy"),
        ("legal_literacy", "police_authorities"),
        ("returnees", "violent_groups"),
        ("violent_groups", "returnees"),
        ("media_literacy", "violent_groups"),
        ("violent_groups", "media_literacy"),
    ]
    for code_id, other in pairs:
        code = drivers.get(code_id)
        assert code is not None
        assert other in code.exclusion, f"{code_id}.exclusion should mention {other}"


def test_drivers_file_uses_no_anchors() -> None:
    text = default_codebook_path().read_text(encoding="utf-8")
    events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    assert not any(getattr(e, "anchor", None) for e in events)


# --- round trips ------------------------------------------------------------------------


def test_round_trip_yaml(drivers: Codebook, tmp_path: Path) -> None:
    out = tmp_path / "copy.yaml"
    dump_codebook(drivers, out)
    assert load_codebook(out) == drivers
    assert not list(tmp_path.glob(".*.tmp"))


def test_round_trip_dict(drivers: Codebook) -> None:
    data = codebook_to_dict(drivers)
    assert json.loads(json.dumps(data)) == data
    assert parse_codebook(data, source="dict") == drivers


def test_dump_overwrites_existing(drivers: Codebook, tmp_path: Path) -> None:
    out = tmp_path / "book.yml"
    out.write_text("old: content\n", encoding="utf-8")
    dump_codebook(drivers, out)
    assert load_codebook(out) == drivers


def test_load_json(drivers: Codebook, tmp_path: Path) -> None:
    out = tmp_path / "book.json"
    out.write_text(json.dumps(codebook_to_dict(drivers)), encoding="utf-8")
    assert load_codebook(out) == drivers


# --- normalisation ----------------------------------------------------------------------


def test_keywords_lowercased_stripped_deduplicated() -> None:
    book = parse_codebook(
        _book(_code("aa", keywords=[" Migrant ", "migrant", "Labour   Migrant", "patent"])),
        source="t",
    )
    assert book.codes[0].keywords == ("migrant", "labour migrant", "patent")


def test_single_strings_are_wrapped() -> None:
    book = parse_codebook(
        _book(_code("aa", examples=" One quote. ", keywords="Patent")), source="t"
    )
    assert book.codes[0].examples == ("One quote.",)
    assert book.codes[0].keywords == ("patent",)


def test_optional_fields_default_and_null() -> None:
    book = parse_codebook(_book(_code("aa", inclusion=None), description=None), source="t")
    assert book.codes[0] == Code(id="aa", label="Label aa", definition="Def.")
    assert book.description == ""


def test_parse_does_not_mutate_input() -> None:
    data = _book(_code("aa", keywords=["A", "a"]))
    before = copy.deepcopy(data)
    parse_codebook(data, source="t")
    assert data == before


# --- file-level errors ------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(CodebookError, match="not found") as info:
        load_codebook(path)
    assert str(path) in str(info.value)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    with pytest.raises(CodebookError, match="Cannot read codebook"):
        load_codebook(folder)


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    path.write_text("name: x\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"\.yaml, \.yml or \.json"):
        load_codebook(path)


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cb_module, "MAX_CODEBOOK_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("# " + "x" * 200 + "\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="larger than"):
        load_codebook(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(CodebookError, match="UTF-8"):
        load_codebook(path)


def test_invalid_yaml_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\ncodes: [\n  - id: a\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="not valid YAML") as info:
        load_codebook(path)
    assert str(path) in str(info.value) and "line " in str(info.value)


def test_invalid_json_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x",\n "codes": [}', encoding="utf-8")
    with pytest.raises(CodebookError, match="not valid JSON") as info:
        load_codebook(path)
    assert "line 2" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "name: &n x\nversion: '1'\ncodes: []\n",
        "a: &a [1, 2]\nb: [*a, *a]\n",
    ],
)
def test_yaml_anchors_and_aliases_rejected(tmp_path: Path, text: str) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError, match="anchors") as info:
        load_codebook(path)
    assert "line 1" in str(info.value)


def test_yaml_python_tags_rejected(tmp_path: Path) -> None:
    path = tmp_path / "tag.yaml"
    path.write_text("name: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="not valid YAML"):
        load_codebook(path)


@pytest.mark.parametrize(("data", "got"), [([], "list"), ("text", "str"), (None, "empty")])
def test_top_level_not_mapping(data: Any, got: str) -> None:
    message = _error(data)
    assert "top level must be a mapping" in message and got in message


def test_empty_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CodebookError, match="empty file"):
        load_codebook(path)


# --- header errors ----------------------------------------------------------------------


def test_codes_missing() -> None:
    message = _error({"name": "x", "version": "1"})
    assert "field 'codes' is missing" in message


def test_codes_empty() -> None:
    message = _error(_book())
    assert "field 'codes' must not be empty" in message


def test_codes_not_a_list() -> None:
    message = _error({"name": "x", "version": "1", "codes": {"id": "aa"}})
    assert "field 'codes' must be a list" in message


def test_version_must_be_quoted_text() -> None:
    message = _error(_book(_code("aa"), version=1.0))
    line = _line_with(message, "'version'")
    assert "quote" in line and "float" in line


def test_unknown_top_level_field() -> None:
    message = _error(_book(_code("aa"), nmae="x"))
    line = _line_with(message, "'nmae'")
    assert "not allowed" in line and "name, version" in line


# --- code errors ------------------------------------------------------------------------


def test_id_missing_uses_index() -> None:
    message = _error(_book(_code("aa"), {"label": "L", "definition": "D"}))
    line = _line_with(message, "codes[1]", "'id'")
    assert "is missing" in line and "add it" in line


@pytest.mark.parametrize("bad_id", ["Labour", "a", "1abc", "has-dash", "x" * 65, "sp ace"])
def test_id_pattern(bad_id: str) -> None:
    message = _error(_book(_code(bad_id)))
    line = _line_with(message, repr(bad_id), "codes[0]", "'id'")
    assert "lower-case letters" in line


def test_id_not_text() -> None:
    message = _error(_book(_code("aa"), {"id": 7, "label": "L", "definition": "D"}))
    line = _line_with(message, "codes[1] (no id)", "'id'")
    assert "must be text" in line and "int" in line


def test_duplicate_id() -> None:
    message = _error(_book(_code("aa"), _code("bb"), _code("aa")))
    line = _line_with(message, "code 'aa' (codes[2])", "'id'")
    assert "duplicates codes[0]" in line and "unique" in line


@pytest.mark.parametrize("field", ["label", "definition"])
def test_required_text_missing(field: str) -> None:
    code = _code("aa")
    del code[field]
    message = _error(_book(code))
    assert "is missing" in _line_with(message, "code 'aa'", f"'{field}'")


@pytest.mark.parametrize("field", ["label", "definition"])
@pytest.mark.parametrize("value", ["", "   "])
def test_required_text_empty(field: str, value: str) -> None:
    message = _error(_book(_code("aa", **{field: value})))
    assert "must not be empty" in _line_with(message, "code 'aa'", f"'{field}'")


def test_misspelt_field_lists_allowed_fields() -> None:
    code = _code("aa")
    code["defintion"] = code.pop("definition")
    message = _error(_book(code))
    line = _line_with(message, "code 'aa'", "'defintion'")
    assert "check the spelling" in line
    for allowed in ("definition", "inclusion", "exclusion", "examples", "keywords", "parent"):
        assert allowed in line


@pytest.mark.parametrize("field", ["examples", "keywords"])
def test_list_field_wrong_type(field: str) -> None:
    message = _error(_book(_code("aa", **{field: {"a": 1}})))
    line = _line_with(message, "code 'aa'", f"'{field}'")
    assert "must be a list of strings" in line and "dict" in line


@pytest.mark.parametrize("field", ["examples", "keywords"])
def test_list_item_wrong_type_names_index(field: str) -> None:
    message = _error(_book(_code("aa", **{field: ["ok", 3]})))
    line = _line_with(message, "code 'aa'", f"'{field}[1]'")
    assert "must be text" in line


def test_list_item_empty_names_index() -> None:
    message = _error(_book(_code("aa", keywords=["ok", "  "])))
    assert "must not be empty" in _line_with(message, "code 'aa'", "'keywords[1]'")


def test_code_not_a_mapping() -> None:
    message = _error(_book(_code("aa"), "just text"))
    line = _line_with(message, "codes[1]")
    assert "must be a mapping" in line and "str" in line


def test_unknown_parent() -> None:
    message = _error(_book(_code("aa"), _code("bb", parent="zz")))
    line = _line_with(message, "code 'bb' (codes[1])", "'parent'")
    assert "unknown code 'zz'" in line and "null" in line


def test_self_parent_is_a_cycle() -> None:
    message = _error(_book(_code("aa", parent="aa")))
    line = _line_with(message, "code 'aa'", "'parent'")
    assert "cycle (aa -> aa)" in line


def test_parent_cycle_reported_once() -> None:
    message = _error(
        _book(_code("aa", parent="cc"), _code("bb", parent="aa"), _code("cc", parent="bb"))
    )
    line = _line_with(message, "'parent'", "cycle")
    assert "code 'aa' (codes[0])" in line
    assert "aa -> cc -> bb -> aa" in line


def test_valid_parent_chain_accepted() -> None:
    book = parse_codebook(
        _book(_code("aa"), _code("bb", parent="aa"), _code("cc", parent="bb")), source="t"
    )
    assert [c.parent for c in book.codes] == [None, "aa", "bb"]


def test_parent_not_flagged_when_its_code_has_other_errors() -> None:
    """A child whose parent has a bad field gets no spurious 'unknown code' error."""
    message = _error(_book(_code("aa", definition=""), _code("bb", parent="aa")))
    assert "unknown code" not in message
    assert len(_problem_lines(message)) == 1


def test_all_problems_reported_together() -> None:
    message = _error(
        _book(
            _code("Bad"),
            {"label": "x", "definition": "y"},
            _code("cc", label=""),
            _code("dd", parent="nope"),
        )
    )
    assert "4 problem(s)" in message
    assert len(_problem_lines(message)) == 4


def test_problem_list_is_capped() -> None:
    codes = [{"id": f"c{i:02d}"} for i in range(30)]  # each lacks label and definition
    message = _error(_book(*codes))
    lines = _problem_lines(message)
    assert "60 problem(s)" in message
    assert len(lines) == cb_module.MAX_REPORTED_PROBLEMS + 1
    assert "and 40 more" in lines[-1]


def test_load_reports_file_path_in_code_errors(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        "name: T\nversion: '1'\ncodes:\n  - id: aa\n    label: A\n    defintion: oops\n",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    message = str(info.value)
    assert str(path) in message
    _line_with(message, "code 'aa'", "'defintion'", "not allowed")
    _line_with(message, "code 'aa'", "'definition'", "missing")
