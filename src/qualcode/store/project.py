"""``Store``: one project's database, as parts per concern.

Each part holds the SQL of one concern over the shared connection; callers name the part
they use (``store.segments.segment(7)``, ``store.review.append_review(...)``), so what a
function touches is visible at its call sites.  A second storage engine (PostgreSQL, say)
would provide the same parts over its own connection.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qualcode.store.analysis import AnalysisStore
from qualcode.store.auth import AuthStore
from qualcode.store.codebook_history import CodebookStore
from qualcode.store.db import Connection
from qualcode.store.embeddings import EmbeddingStore
from qualcode.store.flags import FlagStore
from qualcode.store.jobs import JobStore
from qualcode.store.languages import LanguageStore
from qualcode.store.memos import MemoStore
from qualcode.store.redactions import RedactionStore
from qualcode.store.review import ReviewStore
from qualcode.store.segments import SegmentStore
from qualcode.store.sessions import SessionStore
from qualcode.store.settings import SettingsStore
from qualcode.store.sqlite import Database
from qualcode.store.topics import TopicStore
from qualcode.store.transcripts import TranscriptStore


class Store:
    """The project database (see the module doc): its parts, one transaction helper."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.conn = Connection(path, create=create)
        self.path: Path = self.conn.path
        self.db: Database = self.conn.db
        self.settings = SettingsStore(self.conn)
        self.transcripts = TranscriptStore(self.conn)
        self.segments = SegmentStore(self.conn)
        self.languages = LanguageStore(self.conn)
        self.redactions = RedactionStore(self.conn)
        self.embeddings = EmbeddingStore(self.conn)
        self.topics = TopicStore(self.conn)
        self.analysis = AnalysisStore(self.conn)
        self.codebook = CodebookStore(self.conn)
        self.review = ReviewStore(self.conn)
        self.jobs = JobStore(self.conn)
        self.auth = AuthStore(self.conn)
        self.sessions = SessionStore(self.conn)
        self.memos = MemoStore(self.conn)
        self.flags = FlagStore(self.conn)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction across parts (a savepoint when nested)."""
        with self.conn.atomic():
            yield
