"""spaCy pipelines, made without importing every spaCy plug-in installed beside them.

Each ``spacy.Language()`` imports every package that registers a component factory by
entry point, whether the pipeline uses it or not: with Presidio installed that is its
Hugging Face token pipe, which imports transformers (2.3 s in each process that redacts
or segments).  A pipeline made only of spaCy's own components -- the blank ones here and
the spaCy NER model trained here -- is built with entry points off; any other pipeline (a user's,
with a plug-in's component) loads as spaCy loads it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.imports import refused

if TYPE_CHECKING:
    from spacy.language import Language

_toggle = threading.Lock()


@contextmanager
def _builtin_factories_only() -> Iterator[None]:
    from spacy import util

    registry = util.registry._entry_point_factories
    with _toggle:
        saved = registry.entry_points
        registry.entry_points = False
        try:
            yield
        finally:
            registry.entry_points = saved


def _import_spacy() -> None:
    """Import spaCy, without torch where nothing installed could run a torch model in
    a spaCy pipeline.  thinc imports torch when it can, for its torch wrappers; only
    plug-ins (spacy-transformers, Presidio's token pipe ...) use them, and they come
    with entry points.  With none installed, spaCy imports in a third of the time
    (2.0 s against 6.1 s on a busy 2-core machine) and torch, if a path needs it
    (sentence-transformers), imports as usual later."""
    if _plugins():
        import spacy

        return
    # refuses nothing once torch or thinc is loaded
    with refused(["torch"], unless_loaded=["thinc"]):
        import spacy  # noqa: F401


@functools.cache
def _plugins() -> tuple[str, ...]:
    """Entry points of installed packages that add components, architectures or layers
    to spaCy or thinc; spacy-legacy's (spaCy's own older architectures, plain thinc)
    aside."""
    from importlib.metadata import entry_points

    return tuple(
        e.value
        for group in ("spacy_factories", "spacy_architectures", "thinc_layers")
        for e in entry_points(group=group)
        if not e.value.startswith("spacy_legacy")
    )


def blank(lang: str) -> Language:
    """``spacy.blank(lang)``, without importing spaCy plug-ins."""
    _import_spacy()
    import spacy

    with _builtin_factories_only():
        return spacy.blank(lang)


def load(path: Path) -> Language:
    """``spacy.load(path)``; without importing plug-ins when every component of the
    pipeline's config is one of spaCy's own."""
    _import_spacy()
    import spacy

    if _only_builtin_components(path):
        with _builtin_factories_only():
            return spacy.load(path)
    return spacy.load(path)


def _only_builtin_components(path: Path) -> bool:
    import catalogue
    from spacy import util
    from spacy.pipeline.factories import register_factories

    try:
        config = util.load_config(Path(path) / "config.cfg", interpolate=False)
    except (OSError, ValueError):
        return False  # spacy.load says what is wrong
    register_factories()
    components = config.get("components", {}).values()
    return all(
        "factory" in c and catalogue.check_exists("spacy", "internal_factories", c["factory"])
        for c in components
    )
