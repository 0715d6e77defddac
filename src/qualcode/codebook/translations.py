"""A code in several languages.  A codebook may give any text field per language, either
inline (``label: {en: Wedding costs, ru: Расходы на свадьбу}``) or in a ``translations``
mapping (``translations: {ru: {label: ..., keywords: [...]}}``).  The code's own fields
hold its first language (English when given); the others become ``CodeText`` entries.
Suggestions use every language's definitions, examples and keywords.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from qualcode.records import TEXT_FIELDS, Code, to_mapping

PRIMARY = "en"
LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def fold_inline(raw: Mapping[str, Any]) -> dict[str, Any]:
    """``raw`` with per-language field values moved into ``translations``."""
    out = dict(raw)
    given = raw.get("translations")
    extra: dict[str, dict[str, Any]] = (
        {str(k): dict(v) for k, v in given.items() if isinstance(v, dict)}
        if isinstance(given, dict)
        else {}
    )
    for field in TEXT_FIELDS:
        value = raw.get(field)
        if isinstance(value, dict) and _per_language(value):
            first = PRIMARY if PRIMARY in value else next(iter(value))
            out[field] = value[first]
            for lang, text in value.items():
                if lang != first:
                    extra.setdefault(str(lang), {})[field] = text
    if extra:
        out["translations"] = extra
    return out


def _per_language(value: Any) -> bool:
    """A mapping whose keys all look like language codes ("en", "ru", "uzb")."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and LANGUAGE.match(k) for k in value)
    )


def code_to_dict(code: Code) -> dict[str, Any]:
    """A code as a codebook file writes it; ``translations`` only when there are some."""
    out: dict[str, Any] = {
        "id": code.id,
        "label": code.label,
        "definition": code.definition,
        "inclusion": code.inclusion,
        "exclusion": code.exclusion,
        "examples": list(code.examples),
        "keywords": list(code.keywords),
        "parent": code.parent,
    }
    if code.translations:
        out["translations"] = to_mapping(code.translations)
    return out


def all_texts(code: Code, field: str) -> list[Any]:
    """The field's value in every language the code has, its own first."""
    return [getattr(code, field), *(getattr(t, field) for t in code.translations)]


def languages(code: Code) -> list[str]:
    return [t.language for t in code.translations]
