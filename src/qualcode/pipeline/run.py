"""The pipeline's second half: segment -> embed -> topics -> suggest, over what
``pipeline.ingest`` stored (ingest -> redact -> store).

This module only sequences the stages; each stage's work lives in its own package.

Each step is skipped when its inputs are unchanged: segments exist, embeddings are cached
by (model id, text hash), and topics and suggestions carry a fingerprint of their inputs.
Every step writes inside one transaction, so an interrupted run leaves the database as
it was before that step.  Logs carry counts and ids only, never transcript text.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.codebook.project import use_codebook
from qualcode.coding.apply import suggest_all
from qualcode.embed.cache import embed_cached
from qualcode.embed.coverage import coverage_warning
from qualcode.errors import ConflictError
from qualcode.pipeline.components import Components, components_for
from qualcode.progress import ProgressLike, tracker
from qualcode.segment.languages import detect_languages
from qualcode.segment.transcripts import segment_transcripts
from qualcode.store import Store
from qualcode.topics.update import update_topics

log = logging.getLogger("qualcode.pipeline")


@dataclass
class ProcessReport:
    segmented: int = 0
    embedded: int = 0
    topics: str = "skipped"
    suggestions: str = "skipped"
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def process(
    store: Store,
    *,
    codebook: Path | None = None,
    parts: Components | None = None,
    progress: ProgressLike = None,
    refit_topics: bool = False,
) -> ProcessReport:
    """Segment, embed, topics, suggest; a stage whose inputs are unchanged is skipped.
    ``refit_topics``: fit topics afresh even when new segments could be assigned to the
    existing ones.  ``ConflictError`` when the project has no segments (no transcripts):
    there is nothing to find topics in or suggest codes for.  ``progress``: a reporter
    (:mod:`qualcode.progress`) for the stages segment, load model, embed, topics, suggest."""
    track = tracker(progress)
    book = use_codebook(store, codebook)  # a bad codebook file is reported first
    chosen, parts = parts is not None, parts or components_for(store)
    report = ProcessReport()
    with _timed(report, "segment"), track.stage("segment"):
        report.segmented = segment_transcripts(store, parts.segmenter)
        detect_languages(store)
    segments = store.segments.segments()
    if not segments:
        raise ConflictError(
            "The project has no segments yet: ingest transcripts first.",
            hint="Run `qualcode ingest FILES`, or upload transcripts, then process.",
        )
    if not chosen:  # the languages are known now: an `auto` model may change
        parts = components_for(store)
    if warning := coverage_warning(store.languages.segment_languages(), parts.embedder):
        report.warnings.append(warning)
        log.warning("process: segments in languages the embedding model does not cover")
    model_id = parts.embedder.model_id
    ids = [s.id or 0 for s in segments]
    texts = [s.text for s in segments]
    with _timed(report, "embed"):
        vectors, report.embedded = embed_cached(store, parts.embedder, texts, track)
    with _timed(report, "topics"):
        report.topics = update_topics(
            store,
            parts.topic_modeler,
            model_id,
            parts.topic_settings,
            ids,
            texts,
            vectors,
            refit_topics,
            [s.language for s in segments],
            track.report,
        )
    with _timed(report, "suggest"):
        report.suggestions = suggest_all(
            store,
            parts.suggester,
            model_id,
            parts.suggest_settings,
            book,
            ids,
            texts,
            vectors,
            [s.transcript_id for s in segments],
            track.report,
        )
    log.info("process: %s", json.dumps(report.__dict__))
    return report


@contextmanager
def _timed(report: ProcessReport, name: str) -> Iterator[None]:
    t0 = time.perf_counter()
    yield
    report.seconds[name] = round(time.perf_counter() - t0, 3)
