"""Load, validate and save codebooks (YAML or JSON).

A codebook file is a mapping with ``name``, ``version`` (a string: quote it in YAML),
optional ``description`` and a non-empty ``codes`` list.  Each code has ``id``, ``label``
and ``definition`` and may have ``inclusion``, ``exclusion``, ``examples``, ``keywords``
``parent`` and ``translations`` (the code in other languages; any text field may also be
given per language inline, see ``codebook.translations``).  Unknown fields are errors,
so a typo such as ``defintion`` is caught.

Normalisation: ``examples`` and ``keywords`` accept a single string as a one-item list;
examples are stripped; keywords are lower-cased, stripped, inner whitespace collapsed and
de-duplicated in order; an empty ``inclusion``/``exclusion`` (YAML null) becomes "".

Every problem found is reported at once (up to :data:`MAX_REPORTED_PROBLEMS`) in a single
:class:`~qualcode.errors.CodebookError` naming the file, the code and the field.  YAML is
read with ``safe_load`` only; anchors and aliases are refused (no alias bombs) and files
over :data:`MAX_CODEBOOK_BYTES` are refused unread.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)
from pydantic_core import ErrorDetails

from qualcode.codebook.translations import code_to_dict, fold_inline
from qualcode.errors import CodebookError
from qualcode.records import Code, Codebook, to_code_texts

MAX_CODEBOOK_BYTES = 2 * 1024 * 1024
MAX_REPORTED_PROBLEMS = 20
ID_PATTERN = r"^[a-z][a-z0-9_]{1,63}$"
YAML_SUFFIXES = (".yaml", ".yml")

_M = TypeVar("_M", bound=BaseModel)


def _none_to_empty(value: Any) -> Any:
    return "" if value is None else value


def _wrap_string(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _normalise_keywords(value: list[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(k.lower().split()) for k in value))


_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_OptionalText = Annotated[
    str, BeforeValidator(_none_to_empty), StringConstraints(strip_whitespace=True)
]
_TextList = Annotated[list[_Text], BeforeValidator(_wrap_string)]
_Keywords = Annotated[_TextList, AfterValidator(_normalise_keywords)]


class _TranslationModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    label: _OptionalText = ""
    definition: _OptionalText = ""
    inclusion: _OptionalText = ""
    exclusion: _OptionalText = ""
    examples: _TextList = Field(default_factory=list)
    keywords: _Keywords = Field(default_factory=list)


_Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class _CodeModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: Annotated[str, StringConstraints(pattern=ID_PATTERN)]
    label: _Text
    definition: _Text
    inclusion: _OptionalText = ""
    exclusion: _OptionalText = ""
    examples: _TextList = Field(default_factory=list)
    keywords: _Keywords = Field(default_factory=list)
    parent: str | None = None
    translations: dict[_Language, _TranslationModel] = Field(default_factory=dict)


class _HeaderModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    name: _Text
    version: _Text
    description: _OptionalText = ""
    codes: Annotated[list[Any], Field(min_length=1)]


_ADVICE = {
    "missing": "is missing; add it",
    "string_type": "must be text; quote the value in YAML",
    "string_too_short": "must not be empty; write some text",
    "list_type": "must be a list",
    "invalid_key": "is not a valid field name; field names must be text",
    "too_short": "must not be empty; list at least one code with id, label and definition",
    "string_pattern_mismatch": (
        "must be 2-64 lower-case letters, digits or underscores starting with a letter, "
        "e.g. 'labour_migration'"
    ),
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    field = _field_name(tuple(error["loc"]))
    if error["type"] == "extra_forbidden":
        allowed = ", ".join(model.model_fields)
        return f"field '{field}' is not allowed; check the spelling (allowed: {allowed})"
    advice = _ADVICE.get(error["type"], error["msg"])
    if error["type"] == "list_type" and field in ("examples", "keywords"):
        advice += " of strings, or a single string"
    if error["type"].endswith("_type"):
        advice += f" (got {type(error['input']).__name__})"
    return f"field '{field}' {advice}"


def _where(index: int, raw: Any) -> str:
    code_id = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(code_id, str) and code_id.strip():
        return f"code {code_id!r} (codes[{index}])"
    return f"codes[{index}] (no id)"


def _validate(model: type[_M], data: Any, where: str, problems: list[str]) -> _M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(f"{where}: {_describe(err, model)}" for err in exc.errors())
        return None


def _to_code(model: _CodeModel) -> Code:
    lists = {"examples": tuple(model.examples), "keywords": tuple(model.keywords)}
    texts = to_code_texts({k: v.model_dump() for k, v in model.translations.items()})
    return Code(**(model.model_dump(exclude={"translations"}) | lists), translations=texts)


def _check_ids(raw_codes: list[Any], problems: list[str]) -> dict[str, int]:
    """Report duplicate ids; return the index of the first code with each id."""
    first_index: dict[str, int] = {}
    for index, raw in enumerate(raw_codes):
        code_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(code_id, str) and code_id in first_index:
            problems.append(
                f"{_where(index, raw)}: field 'id' duplicates codes[{first_index[code_id]}]; "
                "give every code a unique id"
            )
        elif isinstance(code_id, str):
            first_index[code_id] = index
    return first_index


def _check_parents(raw_codes: list[Any], first_index: dict[str, int], problems: list[str]) -> None:
    """Report parents naming unknown codes, and each parent cycle once."""
    for index, raw in enumerate(raw_codes):
        parent = raw.get("parent") if isinstance(raw, dict) else None
        if isinstance(parent, str) and parent not in first_index:
            problems.append(
                f"{_where(index, raw)}: field 'parent' names unknown code {parent!r}; "
                "use the id of another code in this codebook, or null"
            )
    parents = {code_id: raw_codes[i].get("parent") for code_id, i in first_index.items()}
    reported: set[frozenset[str]] = set()
    for start in parents:
        cycle = _find_cycle(start, parents)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            chain = " -> ".join([*cycle, cycle[0]])
            problems.append(
                f"code {cycle[0]!r} (codes[{first_index[cycle[0]]}]): field 'parent' forms a "
                f"cycle ({chain}); remove one of these parent links"
            )


def _find_cycle(start: str, parents: dict[str, Any]) -> list[str] | None:
    """The cycle reached by following parent links from ``start``, if any."""
    path: list[str] = []
    node: Any = start
    while isinstance(node, str) and node in parents:
        if node in path:
            return path[path.index(node) :]
        path.append(node)
        node = parents[node]
    return None


def _fail(source: str, problems: list[str]) -> CodebookError:
    shown = [f"  - {p}" for p in problems[:MAX_REPORTED_PROBLEMS]]
    if len(problems) > MAX_REPORTED_PROBLEMS:
        shown.append(f"  - ... and {len(problems) - MAX_REPORTED_PROBLEMS} more")
    return CodebookError(
        f"Invalid codebook {source}: {len(problems)} problem(s); fix them all, then load it "
        "again:\n" + "\n".join(shown)
    )


def parse_codebook(data: Any, *, source: str) -> Codebook:
    """Validate already-parsed YAML/JSON data; ``source`` names it in error messages."""
    if not isinstance(data, dict):
        got = "an empty file" if data is None else type(data).__name__
        raise _fail(source, [f"top level must be a mapping with name, version, codes; got {got}"])
    problems: list[str] = []
    header = _validate(_HeaderModel, data, "codebook", problems)
    raw_codes = data.get("codes")
    codes: list[Code] = []
    if isinstance(raw_codes, list):
        for index, raw in enumerate(raw_codes):
            if not isinstance(raw, dict):
                problems.append(
                    f"codes[{index}]: must be a mapping with id, label and definition "
                    f"(got {type(raw).__name__}); write the code as 'field: value' lines"
                )
                continue
            model = _validate(_CodeModel, fold_inline(raw), _where(index, raw), problems)
            if model is not None:
                codes.append(_to_code(model))
        _check_parents(raw_codes, _check_ids(raw_codes, problems), problems)
    if problems or header is None:
        raise _fail(source, problems)
    return Codebook(
        name=header.name, version=header.version, codes=tuple(codes), description=header.description
    )


def _syntax_error(source: str, mark: Any, problem: str) -> CodebookError:
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return _fail(source, [f"{where}{problem}"])


def _reject_anchors(text: str, source: str) -> None:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            problem = "YAML anchors (&) and aliases (*) are not allowed; write values out in full"
            raise _syntax_error(source, event.start_mark, problem)


def _parse_text(text: str, suffix: str, source: str) -> Any:
    try:
        if suffix == ".json":
            return json.loads(text)
        _reject_anchors(text, source)
        return yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            source,
            [f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); fix the syntax"],
        ) from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        mark = getattr(exc, "problem_mark", None)
        raise _syntax_error(source, mark, f"not valid YAML ({problem}); fix the syntax") from None


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_CODEBOOK_BYTES + 1)
    except FileNotFoundError:
        raise CodebookError(f"Codebook {path} not found.", hint="Check the path.") from None
    except OSError as exc:
        raise CodebookError(f"Cannot read codebook {path}: {exc.strerror}.") from None
    if len(raw) > MAX_CODEBOOK_BYTES:
        raise CodebookError(
            f"Codebook {path} is larger than {MAX_CODEBOOK_BYTES // (1024 * 1024)} MB.",
            hint="A codebook should be a small text file; check you chose the right file.",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CodebookError(
            f"Codebook {path} is not UTF-8 text.", hint="Save it as UTF-8 and try again."
        ) from None


def load_codebook(path: Path) -> Codebook:
    """Read and validate a codebook from a ``.yaml``, ``.yml`` or ``.json`` file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (*YAML_SUFFIXES, ".json"):
        raise CodebookError(
            f"Codebook {path} has an unsupported extension {path.suffix!r}.",
            hint="Use a .yaml, .yml or .json file.",
        )
    data = _parse_text(_read_text(path), suffix, str(path))
    return parse_codebook(data, source=str(path))


def codebook_to_dict(codebook: Codebook) -> dict[str, Any]:
    """Plain data for YAML/JSON; ``parse_codebook`` turns it back into an equal codebook."""
    codes = [code_to_dict(c) for c in codebook.codes]
    return {
        "name": codebook.name,
        "version": codebook.version,
        "description": codebook.description,
        "codes": codes,
    }


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_codebook(codebook: Codebook, path: Path) -> None:
    """Write ``codebook`` to ``path`` as YAML, replacing the file atomically."""
    path = Path(path)
    text = yaml.dump(
        codebook_to_dict(codebook),
        Dumper=_NoAliasDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def default_codebook_path() -> Path:
    """The repository's ``codebooks/drivers.yaml`` (present in a source/editable install)."""
    path = Path(__file__).resolve().parents[3] / "codebooks" / "drivers.yaml"
    if not path.is_file():
        raise CodebookError(
            f"Default codebook {path} not found.",
            hint="It ships with the source checkout, not the wheel; install qualcode in "
            "editable mode from the repository, or pass the path of a codebook file.",
        )
    return path
