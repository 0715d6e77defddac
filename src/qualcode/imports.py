"""Importing a library without the optional modules it would load for nothing.

Some libraries import a heavy module at import time only in case it is wanted:
sqlite-utils imports pandas (0.44 s) to store its timestamps; BERTopic imports umap,
plotly, sentence-transformers, transformers, spaCy and torch for features qualcode
never uses; thinc (under spaCy) imports torch for its torch wrappers.  Both helpers here
make importing such modules fail while the library imports, so it takes the path it
has for their absence; they import as usual afterwards, for whoever does need them.

- ``refused``: a finder at the head of ``sys.meta_path`` fails the import, in this
  thread only; other threads and ``sys.modules`` are untouched.  Other libraries ask
  ``sys.modules`` whether a module is loaded (SciPy's array-API helpers take any entry
  for "torch" to be torch itself), so this is the one for torch.  Only
  ``importlib.util.find_spec`` of a refused module raises instead of answering None.
- ``without``: marks the modules missing (``None``) in ``sys.modules``, for every
  thread, which ``find_spec`` also reads as missing (BERTopic asks it about plotly).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

# one such import at a time: a module marked missing is missing for every thread
_LOCK = threading.RLock()


class _Refuse(MetaPathFinder):
    """Fails, in one thread, the import of these top-level modules and their
    submodules."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)
        self.thread = threading.get_ident()

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"No module named '{fullname}'", name=fullname)
        return None


def _absent(names: Sequence[str], unless_loaded: Sequence[str]) -> list[str]:
    if any(m in sys.modules for m in unless_loaded):
        return []  # the library was imported already, as it was
    return [n for n in names if n not in sys.modules]


@contextmanager
def refused(names: Sequence[str], *, unless_loaded: Sequence[str] = ()) -> Iterator[None]:
    """While the block runs, importing any of ``names`` not yet loaded fails in this
    thread.  Nothing is refused once any of ``unless_loaded`` is loaded."""
    with _LOCK:
        finder = _Refuse(_absent(names, unless_loaded))
        if finder.names:
            sys.meta_path.insert(0, finder)
        try:
            yield
        finally:
            if finder in sys.meta_path:
                sys.meta_path.remove(finder)


@contextmanager
def without(names: Sequence[str], *, unless_loaded: Sequence[str] = ()) -> Iterator[None]:
    """While the block runs, ``import name`` fails for each of ``names`` not yet loaded,
    in every thread.  Nothing is hidden once any of ``unless_loaded`` is loaded."""
    with _LOCK:
        hidden = _absent(names, unless_loaded)
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # "import name" fails
        try:
            yield
        finally:
            for name in hidden:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
