"""What a server holds per project: one background job runner and one live model, each
started on first use and stopped with the server; at start, models are warmed in the
background (``project.models``)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qualcode.pipeline.components import components_for
from qualcode.project.jobs import JobRunner, default_handlers
from qualcode.project.live import LiveModel
from qualcode.project.models import warm_up

RETRAIN_INTERVAL = 1.0  # seconds: under a stream of decisions, retrain at most this often
UPLOAD_SETTLE = 0.3  # seconds a runner waits after a submit: uploads in a row join one job


class ProjectServices:
    """Job runners and live models for the projects of the workspace at ``root``.
    ``enabled=False`` keeps runners from starting (jobs wait in the queue);
    ``retrain_interval``: the least time between two retrainings of a project's model;
    ``isolated_training``: retrain in a child process per project, at a lower priority,
    so requests never wait on it for the GIL (``parts_for`` must then be picklable)."""

    def __init__(
        self,
        root: Path,
        enabled: bool = True,
        parts_for: Callable[..., Any] | None = None,
        retrain_interval: float = RETRAIN_INTERVAL,
        isolated_training: bool = True,
    ) -> None:
        self.root, self.enabled = root, enabled
        self.parts_for = parts_for or components_for
        self.retrain_interval = retrain_interval
        self.isolated_training = isolated_training
        self.runners: dict[str, JobRunner] = {}
        self.models: dict[str, LiveModel] = {}
        self._lock = threading.Lock()  # request threads and the warm-up ask at once
        self.warming: threading.Thread | None = None  # the warm-up thread, once started

    def runner(self, project: str) -> JobRunner:
        if project not in self.runners:
            handlers = default_handlers(self.parts_for)
            path = self.root / "projects" / project
            self.runners[project] = JobRunner(path, handlers, settle=UPLOAD_SETTLE)
        runner = self.runners[project]
        return runner.start() if self.enabled else runner

    def model(self, project: str) -> LiveModel:
        """The project's one live model (one retraining worker per project)."""
        with self._lock:
            if project not in self.models:
                path = self.root / "projects" / project
                self.models[project] = LiveModel(
                    path, self.parts_for, self.retrain_interval, isolated=self.isolated_training
                )
            return self.models[project]

    def start_existing(self, projects: list[str]) -> None:
        """Start the projects' job runners, and warm their models in the background."""
        for name in projects:
            self.runner(name)
        self.warming = warm_up(self.root, projects, self.parts_for, self.model)

    def stop_all(self) -> None:
        for runner in self.runners.values():
            runner.stop(timeout=5)
        with self._lock:
            models = list(self.models.values())
        for model in models:
            model.close()
