"""Warming a server's models in the background, so that the first coder does not wait.

The embedding model is loaded once per process (``qualcode.embed.registry``) and shared by
requests, job workers and retraining.  At server start, :func:`warm_up` loads each
served project's embedder on a background thread (encoding one sentence), then starts
the project's first retraining, so the first review page finds a trained queue instead
of loading the model itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from qualcode.pipeline.components import Components
from qualcode.project.live import LiveModel
from qualcode.store import Store

log = logging.getLogger("qualcode.project.models")

WARM_TEXT = "warm up"


def warm_up(
    root: Path,
    projects: Sequence[str],
    parts_for: Callable[[Store], Components],
    model_of: Callable[[str], LiveModel],
) -> threading.Thread:
    """Start (and return) the thread warming ``projects`` of the workspace at ``root``."""

    def run() -> None:
        for name in projects:
            try:
                _warm(root / "projects" / name, parts_for)
                model_of(name).notify()  # the first retraining, on the warm model
            except Exception as err:  # a project that cannot load: its requests will say
                log.warning("warming a project failed (%s)", type(err).__name__)
        log.info("models warm for %d projects", len(projects))

    thread = threading.Thread(target=run, name="qualcode-warm-up", daemon=True)
    thread.start()
    return thread


def _warm(project: Path, parts_for: Callable[[Store], Components]) -> None:
    store = Store(project)
    try:
        parts = parts_for(store)
    finally:
        store.close()
    parts.embedder.encode([WARM_TEXT])
