"""Importing a library without the optional modules it would load for nothing.

Some libraries import a heavy module at import time only in case it is wanted:
sqlite-utils imports pandas (0.44 s) to store its timestamps, BERTopic imports umap and
plotly for plots, thinc (under spaCy) imports torch (most of spaCy's import: 2.0 s
against 6.1 s on a busy 2-core machine).  ``without`` marks such modules missing while
the library imports, so it takes the path it has for their absence; they import as
usual afterwards, for whoever does need them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

# a module marked missing is missing for every thread: one such import at a time
_LOCK = threading.RLock()


@contextmanager
def without(names: Sequence[str], *, unless_loaded: Sequence[str] = ()) -> Iterator[None]:
    """While the block runs, ``import name`` fails for each of ``names`` not yet loaded.
    Nothing is hidden once any of ``unless_loaded`` (the library itself) is loaded:
    it was imported already, as it was."""
    with _LOCK:
        hidden = [n for n in names if n not in sys.modules]
        if any(m in sys.modules for m in unless_loaded):
            hidden = []
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # "import name" fails
        try:
            yield
        finally:
            for name in hidden:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
