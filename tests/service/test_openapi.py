"""The committed OpenAPI schema is the app's: regenerate with `python -m api.schema`."""

from __future__ import annotations

from api.schema import SCHEMA, current


def test_committed_schema_matches_the_app() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == current(), (
        "api/openapi.json is out of date: run `python -m api.schema` and commit it."
    )
