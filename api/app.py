"""The FastAPI app: the workspace, the routers, the error handler, the web pages and
one background job runner per project (``qualcode.project.jobs``)."""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from api import errors, openapi_docs
from api.context import Workspace
from api.guard import BodyGuard
from api.i18n import LanguageMiddleware
from api.routes import (
    admin,
    codebook,
    exports,
    projects,
    research,
    review,
    segments,
    themes,
    web,
    workbench,
)
from qualcode.pipeline.components import Components
from qualcode.project.services import ProjectServices
from qualcode.store import Store

MAX_UPLOAD_BYTES = 20_000_000


def create_app(
    root: Path,
    *,
    run_jobs: bool = True,
    max_upload: int = MAX_UPLOAD_BYTES,
    parts_for: Callable[[Store], Components] | None = None,
    isolated_training: bool = True,
) -> FastAPI:
    """The app over the workspace at ``root``.  ``run_jobs`` starts the job runners;
    ``parts_for`` picks pipeline components (tests pass fast fakes);
    ``isolated_training``: retrain live models in child processes (off: in threads)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        freeze_heap(app.state.runners.warming)
        yield
        app.state.runners.stop_all()

    app = FastAPI(
        title="qualcode",
        version="0.1",
        description="Review service for coded focus-group transcripts (redacted text only).",
        lifespan=lifespan,
    )
    app.state.workspace = Workspace(root)
    app.state.max_upload = max_upload
    app.state.runners = ProjectServices(
        Path(root), enabled=run_jobs, parts_for=parts_for, isolated_training=isolated_training
    )
    if run_jobs:
        app.state.runners.start_existing(app.state.workspace.project_names())
    errors.install(app)
    app.add_exception_handler(web.PageRefused, web.refused)  # pages: redirect or 403/404
    openapi_docs.install(app)
    app.add_middleware(BodyGuard, upload_limit=max_upload)
    app.add_middleware(LanguageMiddleware)
    routers = (admin, projects, segments, review, codebook, exports, themes, workbench, web)
    for module in (*routers, research):
        app.include_router(module.router)
    app.include_router(workbench.me_router)
    return app


def freeze_heap(warming: threading.Thread | None) -> None:
    """Move what start-up allocated (modules, the app, then the warmed models) out of
    the collector's reach.  Left in, every full collection walked it all: 60-110 ms
    pauses that stalled every request in flight (a burst of 20 queue reads)."""
    gc.freeze()
    if warming is not None:

        def after_warm_up() -> None:
            warming.join()
            gc.freeze()

        threading.Thread(target=after_warm_up, name="qualcode-gc-freeze", daemon=True).start()
