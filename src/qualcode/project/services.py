"""What a server holds per project: one background job runner and one live model, each
started on first use and stopped with the server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from qualcode.pipeline.components import components_for
from qualcode.project.jobs import JobRunner, default_handlers
from qualcode.project.live import LiveModel


class ProjectServices:
    """Job runners and live models for the projects of the workspace at ``root``.
    ``enabled=False`` keeps runners from starting (jobs wait in the queue)."""

    def __init__(
        self, root: Path, enabled: bool = True, parts_for: Callable[..., Any] | None = None
    ) -> None:
        self.root, self.enabled = root, enabled
        self.parts_for = parts_for or components_for
        self.runners: dict[str, JobRunner] = {}
        self.models: dict[str, LiveModel] = {}

    def runner(self, project: str) -> JobRunner:
        if project not in self.runners:
            handlers = default_handlers(self.parts_for)
            self.runners[project] = JobRunner(self.root / "projects" / project, handlers)
        runner = self.runners[project]
        return runner.start() if self.enabled else runner

    def model(self, project: str) -> LiveModel:
        if project not in self.models:
            self.models[project] = LiveModel(self.root / "projects" / project, self.parts_for)
        return self.models[project]

    def start_existing(self, projects: list[str]) -> None:
        for name in projects:
            self.runner(name)

    def stop_all(self) -> None:
        for runner in self.runners.values():
            runner.stop(timeout=5)
