"""Retraining is off the request path: a decision returns while the project's model
trains, and decisions arriving meanwhile fold into one more retraining; a server trains
in a child process at a lower priority, so requests never wait on it for the GIL."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from helpers import Team, loaded_after
from qualcode.pipeline.components import Components
from qualcode.project import auth, reviewing
from qualcode.project.live import LiveModel
from qualcode.project.services import ProjectServices
from qualcode.store import Store
from service.conftest import fake_parts


class GatedParts:
    """``fake_parts`` that hold the first retraining until ``gate`` opens."""

    def __init__(self) -> None:
        self.gate, self.started = threading.Event(), threading.Event()

    def __call__(self, store: Store) -> Components:
        self.started.set()
        assert self.gate.wait(10), "the test never opened the gate"
        return fake_parts(store)


@pytest.fixture
def gated(team: Team) -> Iterator[tuple[LiveModel, GatedParts]]:
    parts = GatedParts()
    model = LiveModel(team.root / "projects" / "demo", parts)
    yield model, parts
    parts.gate.set()
    model.wait_idle(10)


def test_a_decision_returns_while_the_model_retrains(
    client: TestClient, team: Team, gated: tuple[LiveModel, GatedParts]
) -> None:
    model, parts = gated
    services = client.app.state.runners  # type: ignore[attr-defined]
    services.warming.join(10)  # its first retraining is requested: now swap the model
    services.models["demo"] = model
    model.notify()
    assert parts.started.wait(10)  # training is blocked now
    h = team.headers("cem")
    segment = client.get("/api/projects/demo/queue?limit=1", headers=h).json()["items"][0]
    body = {"code_id": segment["codes"][0]["code_id"], "action": "accept"}
    r = client.post(f"/api/projects/demo/segments/{segment['id']}/decisions", json=body, headers=h)
    assert r.status_code == 201 and model.trainer.generation == 0  # not waiting on it
    parts.gate.set()
    assert model.wait_idle(10) and model.trainer.generation == 2  # and one for the decision


def test_decisions_during_a_retraining_become_one_more_that_learns_them_all(
    team: Team, gated: tuple[LiveModel, GatedParts]
) -> None:
    model, parts = gated
    home, store = Store(team.root), Store(team.root / "projects" / "demo")
    try:
        coder = auth.get_user(home, "cem")
        code = sorted(store.codebook.code_ids())[0]
        model.notify()
        assert parts.started.wait(10)
        segments = [s.id or 0 for s in store.segments.segments()][:30]
        for sid in segments:
            reviewing.decide(store, model, coder, sid, code, "accept")
        assert model.trainer.generation == 0
        parts.gate.set()
        assert model.wait_idle(10)
        snap = model.snapshot()
    finally:
        home.close()
        store.close()
    assert model.trainer.generation == 2  # the one running, then one for all 30
    assert snap is not None and snap.n_labels.sum() == len(segments) == 30


def test_the_server_trains_the_model_before_the_first_request(client: TestClient) -> None:
    services = client.app.state.runners  # type: ignore[attr-defined]
    services.warming.join(10)
    model = services.models["demo"]
    assert model.wait_idle(10) and model.trainer.generation == 1 and model.snapshot() is not None


def test_a_server_trains_in_a_child_process_that_learns_from_the_log_and_restarts(
    team: Team,
) -> None:
    model = LiveModel(team.root / "projects" / "demo", fake_parts, isolated=True)
    home, store = Store(team.root), Store(team.root / "projects" / "demo")
    try:
        assert model.snapshot(wait=120) is not None and model.process is not None
        pid = model.process.pid
        assert pid is not None and pid != os.getpid()
        assert os.getpriority(os.PRIO_PROCESS, pid) > os.getpriority(os.PRIO_PROCESS, 0)
        coder, code = auth.get_user(home, "cem"), sorted(store.codebook.code_ids())[0]
        for sid in [s.id or 0 for s in store.segments.segments()][:30]:
            reviewing.decide(store, model, coder, sid, code, "accept")
        os.kill(pid, signal.SIGKILL)  # a child that died is started again
        assert model.wait_idle(120) and model.trainer.last_error is None
        snap = model.snapshot()
        assert snap is not None and snap.n_labels.sum() == 30 and model.process.pid != pid
    finally:
        model.close()
        home.close()
        store.close()
    assert model.process.pid is None


def test_the_server_isolates_training_and_needs_parts_it_can_send(team: Team) -> None:
    services = ProjectServices(team.root, enabled=False, parts_for=fake_parts)
    assert services.model("demo").process is not None  # the default
    with pytest.raises(ValueError, match="module-level"):
        LiveModel(team.root / "projects" / "demo", GatedParts(), isolated=True)


def _cached_fake_parts(store: Store) -> Components:
    """As the server's components: the embedder behind the project's vector cache."""
    from helpers import HashEmbedder
    from qualcode.embed.cache import CachedEmbedder
    from qualcode.pipeline.components import default_components
    from qualcode.settings import Settings

    settings = Settings.from_strings(store.settings.settings())
    return default_components(settings, CachedEmbedder(store, HashEmbedder()))


def test_retraining_after_a_codebook_edit_embeds_the_new_codebook(team: Team) -> None:
    from qualcode.codebook.edit import add_code
    from qualcode.project.training import SnapshotTrainer

    project = team.root / "projects" / "demo"
    trainer = SnapshotTrainer(project, _cached_fake_parts)
    first = trainer()
    store = Store(project)
    new = {"id": "new_code", "label": "New code", "definition": "Talk of bus timetables."}
    add_code(store, new, "rita")
    store.close()
    second = trainer()  # the components of the first call had a store since closed
    assert second.raw.shape[1] == first.raw.shape[1] + 1  # scored against the new code


def test_the_server_starts_without_the_learners_libraries() -> None:
    """scikit-learn and SciPy cost seconds to import on 2 cores: the first retraining,
    in the background, loads them, not the server's start."""
    assert loaded_after("import api.app", ("sklearn", "scipy", "pandas", "torch")) == []
