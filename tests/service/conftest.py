"""A workspace with users of every role and one processed demo project, built once and
copied per test; the app runs on the fast fake embedder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from api import create_app
from fastapi.testclient import TestClient

from helpers import DEMO_CORPUS, HashEmbedder, Team
from qualcode.pipeline.components import Components, default_components
from qualcode.pipeline.ingest import ingest_paths
from qualcode.pipeline.run import process
from qualcode.project import auth, workspace
from qualcode.settings import Settings
from qualcode.store import Store

ROLES = {"rita": ["researcher"], "cem": ["coder"], "dina": ["coder"], "ana": ["analyst"]}


def fake_parts(store: Store) -> Components:
    return default_components(
        Settings.from_strings(store.settings.settings()), embedder=HashEmbedder()
    )


def build(root: Path) -> dict[str, str]:
    home = Store(root, create=True)
    _, admin_token = auth.create_admin(home, "admin")
    tokens = {"admin": admin_token}
    for name, roles in ROLES.items():
        auth.create_user(home, name, roles)
        tokens[name] = auth.issue_token(home, name, "tests")
    project = workspace.create_project(
        home, root / "projects" / "demo", auth.get_user(home, "rita")
    )
    for name in ("cem", "dina", "ana"):
        workspace.add_member(home, "demo", name, "cli")
    ingest_paths(project, [DEMO_CORPUS])
    process(project, parts=fake_parts(project))
    project.close()
    home.close()
    return tokens


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("workspace-template")
    return root, build(root)


def copy_team(template: tuple[Path, dict[str, str]], where: Path) -> Team:
    """A copy of the template workspace at ``where/ws``, with its users' tokens."""
    root = where / "ws"
    shutil.copytree(template[0], root)
    return Team(root, dict(template[1]))


@pytest.fixture
def team(template: tuple[Path, dict[str, str]], tmp_path: Path) -> Team:
    return copy_team(template, tmp_path)


@pytest.fixture(scope="module")
def module_team(
    template: tuple[Path, dict[str, str]],
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> Team:
    """One copy of the template workspace for all the tests of a module."""
    name = request.module.__name__.rpartition(".")[2]
    return copy_team(template, tmp_path_factory.mktemp(name))


@pytest.fixture
def client(team: Team) -> Iterator[TestClient]:
    # retraining in threads: a training process per test's app would cost seconds each
    # (tests/service/test_retrain.py covers the process)
    app = create_app(
        team.root, run_jobs=True, parts_for=fake_parts, max_upload=200_000, isolated_training=False
    )
    with TestClient(app) as c:
        yield c
