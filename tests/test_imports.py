"""``qualcode.imports``: a module is missing (or refused) inside the block, back after it."""

from __future__ import annotations

import sys

import pytest

from qualcode.imports import refused, without


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


def test_a_refused_module_is_refused_in_this_thread_only() -> None:
    import threading

    sys.modules.pop("colorsys", None)
    seen: list[bool] = []
    with refused(["colorsys"]):
        with pytest.raises(ModuleNotFoundError):
            import colorsys  # noqa: F401
        other = threading.Thread(target=lambda: seen.append(bool(__import__("colorsys"))))
        other.start()
        other.join()
    assert seen == [True]  # another thread imported it meanwhile


def test_refused_leaves_sys_modules_alone_and_is_undone() -> None:
    sys.modules.pop("colorsys", None)
    with refused(["colorsys"]):
        with pytest.raises(ModuleNotFoundError):
            import colorsys.sub
        assert "colorsys" not in sys.modules  # SciPy reads sys.modules about torch
    import colorsys  # noqa: F401

    assert sys.modules["colorsys"] is not None
