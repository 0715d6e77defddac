"""REFI-QDA interchange: .qdpx / .qdc export checked against the REFI schemas, .qdc import
from other tools, and hostile .qdc input."""

from __future__ import annotations

import itertools
import re
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from helpers import DEMO_CORPUS, copy_project, one_segment_project
from qualcode.codebook.edit import retire_code
from qualcode.errors import InputError, PipelineError
from qualcode.exports.refiqda import (
    MAX_INPUT_BYTES,
    export_qdc,
    export_qdpx,
    import_qdc,
    read_qdc,
    validate,
)
from qualcode.exports.refiqda.qdc import MAX_CODES
from qualcode.exports.refiqda.validate import SCHEMA_DIR, _safe_parser
from qualcode.review import decisions as review
from qualcode.review.coded import coded_rows
from qualcode.review.selection import Selection
from qualcode.store import Store

P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"
CODERS = ("coder_a", "coder_b")
UTF = ("utf-8", "utf-16")  # utf-16 gets past the byte-level DTD check to the parser's


def _shared_schemas() -> Path | None:
    for candidate in (
        Path(__file__).resolve().parents[1].parent / "shared" / "refi-qda",
        Path("/work/shared/refi-qda"),
    ):
        if (candidate / "Project.xsd").is_file():
            return candidate
    return None


SHARED = _shared_schemas()
SCHEMAS = SHARED or SCHEMA_DIR


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="module")
def project(
    processed_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """The processed demo project with a few review decisions; what they were."""
    store = copy_project(processed_demo, tmp_path_factory.mktemp("refi") / "demo")
    sugg = store.analysis.suggestions()
    accepted, rejected = sugg[0], sugg[1]
    review.record(store, accepted.segment_id, accepted.code_id, "accept", CODERS[0], memo="Clear.")
    review.record(store, rejected.segment_id, rejected.code_id, "reject", CODERS[1], memo="No.")
    non_ascii = next(s for s in store.segments.segments() if any(ord(ch) > 127 for ch in s.text))
    review.record(store, non_ascii.id or 0, "returnees", "add", CODERS[1], memo="Ёлка, é")
    spanned = next(
        s for s in store.segments.segments() if len(s.text) > 40 and s.id != non_ascii.id
    )
    review.record(store, spanned.id or 0, "unemployment", "add", CODERS[0], span=(5, 30))
    yield {
        "store": store,
        "accepted": (accepted.segment_id, accepted.code_id),
        "rejected": (rejected.segment_id, rejected.code_id),
        "non_ascii": non_ascii,
        "spanned": spanned,
    }
    store.close()


@pytest.fixture(scope="module")
def qdpx(project: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("qdpx") / "project.qdpx"
    counts = export_qdpx(project["store"], path)
    return {"path": path, "counts": counts} | _open(path)


def _open(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde")
        files = {n: archive.read(n) for n in archive.namelist() if n.startswith("sources/")}
    root = etree.fromstring(qde)
    texts = {
        s.get("guid"): files[s.get("plainTextPath").replace("internal://", "sources/")].decode()
        for s in root.iter(f"{P}TextSource")
    }
    return {"root": root, "qde": qde, "files": files, "texts": texts}


def _segment_texts(store: Store) -> dict[tuple[int, int, int], str]:
    return {(s.transcript_id, s.start, s.end): s.text for s in store.segments.segments()}


# schemas ----------------------------------------------------------------------
def test_vendored_schemas_are_byte_identical_to_the_shared_ones() -> None:
    if SHARED is None:
        pytest.skip("shared/refi-qda is not present")
    for name in ("Project.xsd", "Codebook.xsd"):
        assert (SCHEMA_DIR / name).read_bytes() == (SHARED / name).read_bytes(), name


def test_qdpx_validates_and_its_guids_are_unique(qdpx: dict[str, Any]) -> None:
    _schema("Project.xsd").assertValid(etree.ElementTree(qdpx["root"]))
    validate(qdpx["path"], "qdpx")
    validate(qdpx["path"].read_bytes(), "qdpx")
    guids = [e.get("guid") for e in qdpx["root"].iter() if e.get("guid")]
    assert len(guids) == len(set(guids))
    assert all(re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", g) for g in guids)


def test_reexport_gives_the_same_bytes(project: dict[str, Any], tmp_path: Path) -> None:
    export_qdpx(project["store"], tmp_path / "a.qdpx")
    export_qdpx(project["store"], tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.qdpx", "b.qdpx"]  # no temp files


def test_sources_are_the_stored_text_byte_for_byte(
    project: dict[str, Any], qdpx: dict[str, Any]
) -> None:
    store: Store = project["store"]
    stored = sorted(
        store.transcripts.transcript(t["id"])["text"].encode()
        for t in store.transcripts.transcripts()
    )
    assert sorted(qdpx["files"].values()) == stored
    assert qdpx["counts"].sources == len(stored) == len(qdpx["texts"])


def test_selection_offsets_slice_the_source_text_to_the_coded_text(
    project: dict[str, Any], qdpx: dict[str, Any]
) -> None:
    store: Store = project["store"]
    segments = {(s.start, s.end): s.text for s in store.segments.segments()}
    spanned, non_ascii = project["spanned"], project["non_ascii"]
    sliced: dict[tuple[int, int], str] = {}
    for source in qdpx["root"].iter(f"{P}TextSource"):
        text = qdpx["texts"][source.get("guid")]
        for sel in source.iter(f"{P}PlainTextSelection"):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            sliced[(start, end)] = text[start:end]
    span = (spanned.start + 5, spanned.start + 30)
    assert sliced.pop(span) == spanned.text[5:30]
    assert all(segments[key] == value for key, value in sliced.items())
    assert sliced[(non_ascii.start, non_ascii.end)] == non_ascii.text
    assert any(ord(ch) > 127 for ch in non_ascii.text)


def test_codings_match_coded_rows_and_who_coded(
    project: dict[str, Any], qdpx: dict[str, Any]
) -> None:
    store: Store = project["store"]
    rows = list(coded_rows(store))
    assert all(r["status"] != "rejected" for r in rows)
    code_guids = {c.get("guid"): c.get("name") for c in qdpx["root"].iter(f"{P}Code")}
    labels = {r["id"]: r["label"] for r in store.codebook.code_records()}
    codings = list(qdpx["root"].iter(f"{P}Coding"))
    assert len(codings) == len(rows) == qdpx["counts"].codings
    by_code = Counter(code_guids[c.find(f"{P}CodeRef").get("targetGUID")] for c in codings)
    assert by_code == Counter(labels[r["code"]] for r in rows)
    users = {u.get("guid"): u.get("id") for u in qdpx["root"].iter(f"{P}User")}
    assert set(users.values()) == {"qualcode", *CODERS}
    by_user = Counter(users[c.get("creatingUser")] for c in codings)
    expected = Counter("qualcode" if r["status"] == "suggested" else r["coder"] for r in rows)
    assert by_user == expected and by_user["qualcode"] > 0
    assert by_user[CODERS[0]] == 2 and by_user[CODERS[1]] == 1  # the rejection is not a coding


def test_codes_are_nested_by_parent(qdpx: dict[str, Any]) -> None:
    nested = qdpx["root"].find(f"{P}CodeBook/{P}Codes/{P}Code/{P}Code")
    assert nested is not None
    assert "qualcode id: gbv_services" in nested.findtext(f"{P}Description")
    assert qdpx["counts"].codes == len(list(qdpx["root"].iter(f"{P}Code")))


def test_review_memos_become_notes(qdpx: dict[str, Any]) -> None:
    notes = {
        n.get("guid"): n.findtext(f"{P}PlainTextContent") for n in qdpx["root"].iter(f"{P}Note")
    }
    assert sorted(notes.values()) == ["Clear.", "Ёлка, é"]  # "No." was on a rejection
    refs = [
        r.get("targetGUID") for c in qdpx["root"].iter(f"{P}Coding") for r in c.iter(f"{P}NoteRef")
    ]
    assert sorted(refs) == sorted(notes) and qdpx["counts"].notes == 2


def test_cases_carry_metadata_as_variable_values(
    project: dict[str, Any], qdpx: dict[str, Any]
) -> None:
    root = qdpx["root"]
    variables = {v.get("guid"): v for v in root.iter(f"{P}Variable")}
    types = {v.get("name"): v.get("typeOfVariable") for v in variables.values()}
    assert types["Date"] == "Date" and types["Region"] == types["Participant group"] == "Text"
    by_text = {t["text"]: t for t in project["store"].transcripts.transcripts()}
    cases = list(root.iter(f"{P}Case"))
    assert len(cases) == len(by_text) == qdpx["counts"].cases
    assert len({c.get("name") for c in cases}) == len(cases)  # two share a title
    for case in cases:
        values = {
            variables[v.find(f"{P}VariableRef").get("targetGUID")].get("name"): v[1].text
            for v in case.iter(f"{P}VariableValue")
        }
        t = by_text[qdpx["texts"][case.find(f"{P}SourceRef").get("targetGUID")]]
        assert values["Region"] == t["region"] and values["Participant group"] == t["grp"]
        assert values["Date"] == t["date"]
    set_names = {s.get("name") for s in root.iter(f"{P}Set")}
    assert {"Region: Jizzakh", "Participant group: youth 16-24"} <= set_names


def test_a_selection_of_one_region_exports_only_its_sources(
    project: dict[str, Any], tmp_path: Path
) -> None:
    store: Store = project["store"]
    sel = Selection(regions=("Jizzakh",))
    counts = export_qdpx(store, tmp_path / "j.qdpx", sel)
    opened = _open(tmp_path / "j.qdpx")
    jizzakh = [t for t in store.transcripts.transcripts() if t["region"] == "Jizzakh"]
    assert counts.sources == len(opened["files"]) == len(jizzakh) == 2
    assert sorted(opened["texts"].values()) == sorted(t["text"] for t in jizzakh)
    assert counts.codings == len(list(coded_rows(store, sel))) > 0
    _schema("Project.xsd").assertValid(etree.ElementTree(opened["root"]))


def test_a_retired_code_still_coded_is_in_the_codebook(store: Store, tmp_path: Path) -> None:
    one_segment_project(store)
    review.record(store, 1, "unemployment", "add", "coder_a", memo="jobs")
    retire_code(store, "unemployment", "coder_a")
    counts = export_qdpx(store, tmp_path / "r.qdpx")
    root = _open(tmp_path / "r.qdpx")["root"]
    names = {c.get("guid"): c.get("name") for c in root.iter(f"{P}Code")}
    ref = root.find(f".//{P}Coding/{P}CodeRef").get("targetGUID")
    assert names[ref] == store.codebook.code("unemployment").label
    assert counts.codes == 13 and counts.codings == counts.notes == 1


def test_an_empty_project_exports_a_valid_qdpx(store: Store, tmp_path: Path) -> None:
    counts = export_qdpx(store, tmp_path / "e.qdpx")
    assert counts.sources == counts.codes == counts.codings == 0
    validate(tmp_path / "e.qdpx", "qdpx")
    with pytest.raises(InputError, match="No codes to export"):
        export_qdc(store, tmp_path / "e.qdc")


def test_no_original_name_is_in_the_qdpx(qdpx: dict[str, Any]) -> None:
    names: set[str] = set()
    for f in DEMO_CORPUS.glob("NAMES_part*.yaml"):
        for entry in yaml.safe_load(f.read_text()).values():
            names.update(entry["names"] + entry.get("contacts", []))
    texts = {"project.qde": qdpx["qde"].decode()} | {
        n: b.decode() for n, b in qdpx["files"].items()
    }
    leaks = [
        (name, where)
        for name in sorted(names)
        for where, text in texts.items()
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    assert names and leaks == []


# codebooks --------------------------------------------------------------------
def test_qdc_validates_and_round_trips(project: dict[str, Any], tmp_path: Path) -> None:
    store: Store = project["store"]
    path = tmp_path / "codes.qdc"
    assert export_qdc(store, path) == 13
    _schema("Codebook.xsd").assertValid(etree.parse(str(path)))
    validate(path, "qdc")
    content = read_qdc(path)
    current = store.codebook.current_codebook_content()["codes"]
    # QDA-XML has no place for a code's other languages: the .qdc carries the first one
    primary = [{k: v for k, v in c.items() if k != "translations"} for c in current]
    assert {c["id"]: c for c in content["codes"]} == {c["id"]: c for c in primary}
    nested = etree.parse(str(path)).find(f"{C}Codes/{C}Code/{C}Code")
    assert nested is not None and nested.get("name").startswith("Support services")


def test_qdc_export_with_a_code_selection_keeps_sub_codes(
    project: dict[str, Any], tmp_path: Path
) -> None:
    sel = Selection(codes=("services_infrastructure",))
    assert export_qdc(project["store"], tmp_path / "s.qdc", sel) == 2
    ids = [c["id"] for c in read_qdc(tmp_path / "s.qdc")["codes"]]
    assert ids == ["services_infrastructure", "gbv_services"]


def test_import_qdc_adds_new_codes_only(
    project: dict[str, Any], store: Store, tmp_path: Path
) -> None:
    export_qdc(project["store"], tmp_path / "drivers.qdc")
    one_segment_project(store)  # already has the drivers codebook
    assert import_qdc(store, tmp_path / "drivers.qdc", "ann") == []
    (tmp_path / "other.qdc").write_text(OTHER_TOOL, encoding="utf-8")
    added = import_qdc(store, tmp_path / "other.qdc", "ann")
    assert "economy" in added and "unemployment" not in added  # drivers has unemployment
    codes = {c["id"]: c for c in store.codebook.current_codebook_content()["codes"]}
    assert codes["jobs_abroad"]["parent"] == "economy"
    assert codes["unemployment_2"]["parent"] == "economy"
    assert import_qdc(store, tmp_path / "other.qdc", "ann") == []


def test_import_qdc_into_an_empty_project(
    project: dict[str, Any], store: Store, tmp_path: Path
) -> None:
    export_qdc(project["store"], tmp_path / "drivers.qdc")
    added = import_qdc(store, tmp_path / "drivers.qdc", "ann")
    assert (
        len(added) == 13 and store.codebook.code("gbv_services").parent == "services_infrastructure"
    )


OTHER_TOOL = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 23">
  <Codes>
    <Code guid="{0C1E2A7B-1111-4F2C-9A3D-5E6F7A8B9C0D}" name="Economy" isCodable="false">
      <Code guid="0c1e2a7b-2222-4f2c-9a3d-5e6f7a8b9c0d" name="Unemployment" isCodable="true">
        <Description>People without work.</Description>
      </Code>
      <Code guid="0c1e2a7b-3333-4f2c-9a3d-5e6f7a8b9c0d" name="Unemployment" isCodable="true"/>
      <Code guid="0c1e2a7b-4444-4f2c-9a3d-5e6f7a8b9c0d" name="Jobs abroad!" isCodable="true"/>
    </Code>
    <Code guid="0c1e2a7b-5555-4f2c-9a3d-5e6f7a8b9c0d" name="Безработица" isCodable="true"/>
    <Code guid="0c1e2a7b-6666-4f2c-9a3d-5e6f7a8b9c0d" name="  " isCodable="true"/>
    <Code guid="0c1e2a7b-7777-4f2c-9a3d-5e6f7a8b9c0d" name="2nd wave" color="#ff0000"
          isCodable="true"/>
  </Codes>
  <Sets><Set guid="0c1e2a7b-8888-4f2c-9a3d-5e6f7a8b9c0d" name="s"/></Sets>
</CodeBook>
"""


def test_a_codebook_from_another_tool_reads_as_a_valid_codebook(tmp_path: Path) -> None:
    path = tmp_path / "atlas.qdc"
    path.write_text(OTHER_TOOL, encoding="utf-8")
    content = read_qdc(path)
    codes = {c["id"]: c for c in content["codes"]}
    assert list(codes) == [
        "economy",
        "unemployment",
        "unemployment_2",
        "jobs_abroad",
        "code_0c1e2a7b",
        "unnamed_code",
        "code_2nd_wave",
    ]
    assert codes["unemployment"]["definition"] == "People without work."
    assert codes["unemployment_2"]["parent"] == "economy"
    assert "No description" in codes["jobs_abroad"]["definition"]
    assert codes["code_0c1e2a7b"]["label"] == "Безработица"
    assert content["name"] == "atlas" and "ATLAS.ti 23" in content["description"]


# hostile input ----------------------------------------------------------------
def _many_codes(n: int, name: str = "Same") -> str:
    code = f'<Code guid="0c1e2a7b-2222-4f2c-9a3d-5e6f7a8b9c0d" name="{name}" isCodable="true"/>'
    return f'<CodeBook xmlns="{C[1:-1]}"><Codes>{code * n}</Codes></CodeBook>'


def test_many_duplicate_names_read_fast_and_too_many_codes_are_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dups.qdc"
    path.write_text(_many_codes(MAX_CODES))
    started = time.monotonic()
    ids = [c["id"] for c in read_qdc(path)["codes"]]
    assert time.monotonic() - started < 20
    assert ids[:3] == ["same", "same_2", "same_3"] and len(set(ids)) == MAX_CODES
    path.write_text(_many_codes(MAX_CODES + 1))
    with pytest.raises(InputError, match=f"at most {MAX_CODES}"):
        read_qdc(path)


def test_a_qdpx_given_as_a_codebook_is_refused_clearly(
    qdpx: dict[str, Any], tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="ZIP archive"):
        read_qdc(qdpx["path"])


def test_xxe_is_refused_and_leaks_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    path = tmp_path / "xxe.qdc"
    for target, encoding in itertools.product((secret.as_uri(), "file:///etc/passwd"), UTF):
        doc = (
            f'<?xml version="1.0" encoding="{encoding}"?>\n'
            f'<!DOCTYPE CodeBook [<!ENTITY x SYSTEM "{target}">]>\n'
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
            '<Code guid="0c1e2a7b-2222-4f2c-9a3d-5e6f7a8b9c0d" name="x" isCodable="true">'
            "<Description>&x;</Description></Code></Codes></CodeBook>"
        )
        path.write_bytes(doc.encode(encoding))
        with pytest.raises(InputError, match="declares a DTD") as err:
            read_qdc(path)
        assert str(path) in str(err.value)
        assert "TOPSECRET" not in str(err.value) and "root:" not in str(err.value)
        parsed = etree.tostring(etree.parse(str(path), _safe_parser()))  # the parser alone
        assert b"TOPSECRET" not in parsed and b"root:" not in parsed


def test_billion_laughs_does_not_expand(tmp_path: Path) -> None:
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    path = tmp_path / "lol.qdc"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE CodeBook [{"".join(lol)}]>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="0c1e2a7b-2222-4f2c-9a3d-5e6f7a8b9c0d" name="x" isCodable="true">'
        "<Description>&lol9;</Description></Code></Codes></CodeBook>"
    )
    started = time.monotonic()
    with pytest.raises(InputError, match="declares a DTD"):
        read_qdc(path)
    assert time.monotonic() - started < 5
    path.write_bytes(path.read_text().encode("utf-16"))  # past the byte-level check
    with pytest.raises(InputError, match=r"not well-formed XML|declares a DTD"):
        read_qdc(path)
    assert time.monotonic() - started < 10


def test_an_oversize_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.qdc"
    with path.open("wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(InputError, match="larger than 20 MB") as err:
        read_qdc(path)
    assert str(path) in str(err.value) and err.value.hint


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage\xff\xfe", "not well-formed XML"),
        (b'<?xml version="1.0"?>\n<CodeBook><Codes>\n<Code>', "not well-formed XML (line 3"),
        (b'<?xml version="1.0"?>\n\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>', "line 3"),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n'
            b'<Code guid="nope" name="x" isCodable="true"/></Codes></CodeBook>',
            "is not a valid REFI-QDA codebook (line 2: Element 'Code', attribute 'guid'",
        ),
        (b"", "not well-formed XML"),
    ],
)
def test_bad_files_are_input_errors_naming_the_file(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    path = tmp_path / "bad.qdc"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_qdc(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_qdc(tmp_path / "nope.qdc")
    with pytest.raises(InputError, match="ZIP"):
        validate(b"not a zip", "qdpx")
    with pytest.raises(InputError, match="not found"):
        validate(tmp_path / "nope.qdpx", "qdpx")


def test_an_invalid_export_is_never_written(
    project: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("qualcode.exports.refiqda.codes.code_guid", lambda code_id: "not-a-guid")
    with pytest.raises(PipelineError, match="schema check"):
        export_qdc(project["store"], tmp_path / "x.qdc")
    with pytest.raises(PipelineError, match="schema check"):
        export_qdpx(project["store"], tmp_path / "x.qdpx")
    assert list(tmp_path.iterdir()) == []
