"""The project's active codebook: a file loaded into the project, or the stored one, with
the codes retired or merged in the project left out (they are no longer suggested)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qualcode.codebook.load import (
    codebook_to_dict,
    default_codebook_path,
    load_codebook,
    parse_codebook,
)
from qualcode.errors import CodebookError
from qualcode.records import Codebook
from qualcode.store import Store


def use_codebook(store: Store, path: Path | None) -> Codebook:
    """Load ``path`` into the project (if given), else the project's stored codebook.
    Codes retired or merged in the project are left out: they are no longer suggested."""
    if path is not None:
        codebook = load_codebook(path)
        if store.codebook.codebook_content() != codebook_to_dict(codebook):
            store.codebook.save_codebook(codebook, codebook_to_dict(codebook))
        return _active_codes(store, codebook)
    content = store.codebook.codebook_content()
    if content is None:
        return use_codebook(store, default_codebook_path())
    return _active_codes(store, parse_codebook(content, source="the project's stored codebook"))


def current_codebook(store: Store) -> Codebook:
    """The project's active codebook, read only: the stored one, or the default codebook
    when none is stored yet (``use_codebook`` would store it)."""
    content = store.codebook.codebook_content()
    if content is None:
        return _active_codes(store, load_codebook(default_codebook_path()))
    return _active_codes(store, parse_codebook(content, source="the project's stored codebook"))


def _active_codes(store: Store, codebook: Codebook) -> Codebook:
    inactive = store.codebook.inactive_code_ids()
    codes = tuple(c for c in codebook.codes if c.id not in inactive)
    if not codes:
        raise CodebookError(
            f"Every code in codebook '{codebook.name}' is retired or merged in this project.",
            hint="Restore a code, or add one, before processing.",
        )
    return replace(codebook, codes=codes) if len(codes) < len(codebook.codes) else codebook
