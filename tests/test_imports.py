"""``qualcode.imports.without``: a module is missing inside the block, back after it."""

from __future__ import annotations

import sys

import pytest

from qualcode.imports import without


def test_a_module_is_missing_inside_and_back_after() -> None:
    sys.modules.pop("colorsys", None)
    with without(["colorsys"]), pytest.raises(ImportError):
        import colorsys
    import colorsys  # noqa: F401

    assert sys.modules["colorsys"] is not None


def test_a_loaded_module_is_never_hidden() -> None:
    import json

    with without(["json"]):
        import json as again

    assert again is json


def test_nothing_is_hidden_once_the_library_is_loaded() -> None:
    sys.modules.pop("colorsys", None)
    with without(["colorsys"], unless_loaded=["json"]):
        import colorsys  # noqa: F401

    assert sys.modules["colorsys"] is not None


def test_an_error_in_the_block_still_restores() -> None:
    sys.modules.pop("colorsys", None)
    with pytest.raises(RuntimeError), without(["colorsys"]):
        raise RuntimeError("stop")
    assert "colorsys" not in sys.modules
    import colorsys  # noqa: F401
