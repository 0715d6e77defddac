"""Heavy models loaded once per process and shared by every embedder that asks.

A server runs requests, job workers and retraining threads at once; each builds the
project's embedder (cheap), and without this each would load the model behind it (seconds,
hundreds of MB).  ``shared(key, load)`` returns the one model for ``key`` (model id and
precision), calling ``load`` at most once even when several threads ask at the same time
(a lock per key, so loading one model does not hold up another that is loaded already).
``lock_for(key)`` serialises calls into a shared model whose tokenizer is not safe to use
from two threads at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("qualcode.embed.registry")

_models: dict[str, Any] = {}
_locks: dict[str, threading.Lock] = {}
_use_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()
loads: dict[str, int] = {}  # key -> times loaded in this process (1 after the first use)


def _lock(table: dict[str, threading.Lock], key: str) -> threading.Lock:
    with _guard:
        return table.setdefault(key, threading.Lock())


def shared(key: str, load: Callable[[], Any]) -> Any:
    """The model for ``key``, loaded by ``load()`` on first use, once per process."""
    if key in _models:
        return _models[key]
    with _lock(_locks, key):
        if key not in _models:  # another thread may have loaded it while we waited
            log.info("loading the embedding model (%s)", key)
            _models[key] = load()
            loads[key] = loads.get(key, 0) + 1
    return _models[key]


def lock_for(key: str) -> threading.Lock:
    """The lock to hold while using the shared model for ``key``."""
    return _lock(_use_locks, key)


def forget(key: str | None = None) -> None:
    """Drop ``key``'s model (all models: None), e.g. so a test loads afresh."""
    with _guard:
        for table in (_models, loads):
            if key is None:
                table.clear()
            else:
                table.pop(key, None)
