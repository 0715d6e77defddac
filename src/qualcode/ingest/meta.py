"""Transcript metadata from sidecar files (``fg1.docx.meta.yaml``, ``fg1.meta.json``).

Known keys: title, region, district, date (``YYYY-MM-DD``; a YAML date works too),
group (or participant_group), language, facilitator and participants (a list of names
or labels).  Keys are matched case-insensitively, with spaces or hyphens read as
underscores.  Other keys go into ``extra`` as text.  Validation is by a pydantic model;
its errors become :class:`InputError` naming the file and field.  No submitted value
is quoted in an error: any field may hold a participant's name.

YAML is read with ``yaml.safe_load`` only, after a scan that rejects anchors and
aliases: aliases let a small file expand to gigabytes ("billion laughs").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from qualcode.errors import InputError
from qualcode.records import TranscriptMeta

MAX_SIDECAR_BYTES = 1_000_000
MAX_YAML_EVENTS = 100_000
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_KEY_ALIASES = {"participant_group": "group"}
_FIELD_HELP = {
    "title": "must be text",
    "region": "must be text",
    "district": "must be text",
    "group": "must be text",
    "facilitator": "must be text",
    "language": "must be a language code such as 'en', 'uz', 'ru' or 'tg'",
    "participants": "must be a list of names or labels, e.g. [P1, P2]",
}


class _MetaModel(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, coerce_numbers_to_str=True)

    title: str
    region: str | None = None
    district: str | None = None
    date: str | None = None
    group: str | None = None
    language: str = "en"
    facilitator: str | None = None
    participants: list[str] = []

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if value is None:
            return None
        text = str(value).strip()
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError("not a valid date") from None

    @field_validator("title", "language")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("must not be empty")
        return value


def _normalise_keys(data: Mapping[Any, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = re.sub(r"[\s-]+", "_", str(key).strip().lower())
        out.setdefault(_KEY_ALIASES.get(name, name), value)
    return out


def _error_message(error: Mapping[str, Any]) -> str:
    """What is wrong with one field; never the value, which may be anything a person
    typed there (a participant's name in the date field, say)."""
    field = str(error["loc"][0]) if error["loc"] else "?"
    if error["type"] == "missing":
        return f"field '{field}': is required"
    if field == "date":
        return "field 'date' is not a valid date (use YYYY-MM-DD)"
    if error["type"] == "value_error":
        return f"field '{field}': {str(error['msg']).removeprefix('Value error, ')}"
    return f"field '{field}': {_FIELD_HELP.get(field, 'is invalid')}"


def _stringify(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, str | int | float | bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def parse_meta(
    data: Mapping[str, Any], *, source: str, default_title: str | None = None
) -> TranscriptMeta:
    """Validate metadata read from ``source``; unknown keys go into ``extra`` as text.

    ``default_title`` is used when the data has no title (a sidecar's transcript name).
    """
    if not isinstance(data, Mapping):
        raise InputError(f"{source}: metadata must be a mapping of keys to values.")
    fields = _normalise_keys(data)
    if default_title is not None and fields.get("title") in (None, ""):
        fields["title"] = default_title
    try:
        model = _MetaModel.model_validate(fields)
    except ValidationError as exc:  # its message quotes the values: participant names
        first = exc.errors(include_url=False, include_input=False)[0]
        raise InputError(f"{source}: {_error_message(first)}.") from None
    return _to_meta(model)


def _to_meta(model: _MetaModel) -> TranscriptMeta:
    extra = {k: _stringify(v) for k, v in (model.model_extra or {}).items() if v is not None}
    return TranscriptMeta(
        title=model.title,
        region=model.region,
        district=model.district,
        date=model.date,
        group=model.group,
        language=model.language,
        facilitator=model.facilitator,
        participants=tuple(model.participants),
        extra=extra,
    )


def _load_yaml(text: str, source: str) -> Any:
    try:
        for count, event in enumerate(yaml.parse(text, Loader=yaml.SafeLoader), 1):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise InputError(
                    f"{source}: YAML anchors and aliases (&name, *name) are not allowed "
                    "in metadata files.",
                    hint="Write each value out in full.",
                )
            if count > MAX_YAML_EVENTS:
                raise InputError(f"{source}: the metadata file is too complex.")
        return yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{source}: not valid YAML{where}.") from None


def _load_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not valid JSON at line {exc.lineno}.") from None
    except RecursionError:
        raise InputError(f"{source}: the metadata file is nested too deeply.") from None


def read_meta_file(path: Path, *, default_title: str | None = None) -> TranscriptMeta:
    """Metadata from a YAML or JSON file (``.json`` means JSON, anything else YAML)."""
    try:
        size = path.stat().st_size
        if size > MAX_SIDECAR_BYTES:
            raise InputError(
                f"{path}: the metadata file is {size:,} bytes, over the "
                f"{MAX_SIDECAR_BYTES:,}-byte limit."
            )
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the metadata file ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the metadata file is not UTF-8 text.") from None
    loader = _load_json if path.suffix.lower() == ".json" else _load_yaml
    data = loader(text, str(path))
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError(f"{path}: metadata must be a mapping of keys to values.")
    return parse_meta(data, source=str(path), default_title=default_title)


def sidecar_candidates(path: Path) -> list[Path]:
    """Where a transcript's sidecar may be, in order of preference."""
    by_name = [path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES]
    by_stem = [path.with_name(path.stem + suffix) for suffix in SIDECAR_SUFFIXES]
    return by_name + by_stem


def load_sidecar_meta(path: Path) -> TranscriptMeta | None:
    """The metadata in the sidecar beside ``path``, or None if there is none.

    Looks for ``<file name>.meta.yaml|.meta.yml|.meta.json`` then
    ``<stem>.meta.yaml|.meta.yml|.meta.json``; a missing title is the file's stem.
    """
    for candidate in sidecar_candidates(path):
        if candidate.is_file():
            return read_meta_file(candidate, default_title=path.stem)
    return None


def file_meta(path: Path, overrides: Mapping[str, Any] | None = None) -> TranscriptMeta:
    """The sidecar's metadata (or the file's stem as title), with ``overrides`` on top."""
    base = load_sidecar_meta(path) or TranscriptMeta(title=path.stem)
    if not overrides:
        return base
    merged = {**asdict(base), **overrides}
    return parse_meta(merged, source=f"metadata for {path.name}")
