"""Helpers shared by tests: paths and a fast deterministic fake embedder."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qualcode.embed.scale import REFERENCE
from qualcode.progress import ProgressLike

REPO = Path(__file__).resolve().parents[1]
DEMO_CORPUS = REPO / "demo" / "corpus"
DRIVERS = REPO / "codebooks" / "drivers.yaml"


class HashEmbedder:
    """Bag-of-words hashing embedder: texts sharing words get similar vectors.

    Deterministic and instant, so tests of everything but the model itself stay fast.
    Counts calls so tests can assert what was (not) embedded.
    """

    model_id = "test-hash|fp32"
    scale = REFERENCE  # its cosines are read as they are (no mapping)

    def __init__(self, dim: int = 256) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.vectorizer = HashingVectorizer(
            n_features=dim, alternate_sign=False, norm="l2", stop_words="english"
        )
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str], *, progress: ProgressLike = False) -> np.ndarray:
        self.encoded.extend(texts)
        if not texts:
            return np.zeros((0, self.vectorizer.n_features), dtype=np.float32)
        return self.vectorizer.transform(list(texts)).toarray().astype(np.float32)


@dataclass
class Team:
    """A test workspace (``tests/service``): its folder and each user's API token."""

    root: Path
    tokens: dict[str, str]  # user -> token; "admin" too

    def headers(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[user]}"}


def one_segment_project(store: Any) -> Any:
    """``store`` with one transcript of one segment ("We need jobs.", id 1) and the
    drivers codebook."""
    from qualcode.codebook.load import load_codebook
    from qualcode.records import RedactedTranscript, RedactedTurn, TranscriptMeta
    from qualcode.segment.sentences import SentenceSegmenter
    from qualcode.text import layout, text_hash

    doc = RedactedTranscript(
        "f.txt", "text", "h", (RedactedTurn("P1", "We need jobs."),), TranscriptMeta(title="t"), ()
    )
    text, spans = layout(doc.turns)
    tid = store.transcripts.add_transcript(doc, text, spans)
    segs = SentenceSegmenter().segment(tid, text, spans, ["P1"])
    store.segments.add_segments(segs, [text_hash(s.text) for s in segs])
    store.codebook.save_codebook(load_codebook(DRIVERS), {})
    return store


def copy_project(source: Path, dest: Path) -> Any:
    """A copy of the project folder ``source`` at ``dest``, opened as a Store."""
    import shutil

    from qualcode.store import Store

    shutil.copytree(source, dest)
    return Store(dest)


def loaded_after(statements: str, modules: Sequence[str]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has loaded after running ``statements``
    (e.g. "import api.app"): to keep heavy libraries out of a start-up path."""
    code = f"import sys\n{statements}\nprint(*[m for m in {tuple(modules)!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()
