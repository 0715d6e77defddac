"""The pipeline: ingest -> redact -> store; then segment -> embed -> topics -> suggest.

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode import ingest
from qualcode.codebook.project import use_codebook
from qualcode.coding.apply import suggest_all
from qualcode.embed.cache import embed_cached
from qualcode.embed.coverage import coverage_warning
from qualcode.errors import ConflictError, QualcodeError
from qualcode.ingest.meta import file_meta
from qualcode.pipeline.components import Components, components_for, redactor_for
from qualcode.progress import ProgressLike, tracker
from qualcode.records import RawTranscript, RedactedTranscript
from qualcode.redact import Redactor, RuleRedactor, pool
from qualcode.redact.vault import seal
from qualcode.segment.languages import detect_languages
from qualcode.segment.transcripts import segment_transcripts
from qualcode.store import Store
from qualcode.text import layout
from qualcode.topics.update import update_topics

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

log = logging.getLogger("qualcode.pipeline")


@dataclass
class IngestReport:
    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # redacted source names
    errors: list[str] = field(default_factory=list)  # messages naming the file
    notices: list[str] = field(default_factory=list)  # how a file was read (prose, ...)
    kept_places: list[str] = field(default_factory=list)  # metadata regions/districts kept

    def add_stored(self, tid: int, notices: Sequence[str], kept_places: Sequence[str]) -> None:
        """A file was stored as transcript ``tid``: what it says joins the report."""
        self.added.append(tid)
        self.notices.extend(notices)
        self.kept_places += [p for p in kept_places if p not in self.kept_places]


@dataclass
class ProcessReport:
    segmented: int = 0
    embedded: int = 0
    topics: str = "skipped"
    suggestions: str = "skipped"
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def store_transcript(
    store: Store, raw: RawTranscript, redactor: Redactor | None = None, key: Fernet | None = None
) -> int:
    """Redact ``raw`` and store it; the original text goes no further than this call,
    except encrypted with the user's ``key`` (for authorised re-identification)."""
    if (tid := store.transcripts.transcript_id_by_hash(raw.content_hash)) is not None:
        raise ConflictError(f"Transcript already ingested as id {tid}.")
    red = redactor or redactor_for(store)
    tokens = None
    if key is not None and isinstance(red, RuleRedactor):
        doc, originals = red.redact_with_key(raw)
        tokens = seal(key, originals)
        del originals
    else:
        doc = red.redact(raw)
    return _store_redacted(store, doc, tokens)


def _store_redacted(
    store: Store, doc: RedactedTranscript, tokens: dict[str, str] | None = None
) -> int:
    text, spans = layout(doc.turns)
    tid = store.transcripts.add_transcript(doc, text, spans, tokens)
    log.info(
        "stored transcript %d: %d turns, %d redactions",
        tid,
        len(doc.turns),
        sum(r.count for r in doc.redactions),
    )
    return tid


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    overrides: Mapping[str, Any] | None = None,
    redactor: Redactor | None = None,
    key: Fernet | None = None,
    names: Mapping[Path, str] | None = None,
    progress: ProgressLike = None,
) -> IngestReport:
    """Ingest files and folders; a bad file is reported and the others go on.  Notices
    about the files stored (e.g. read as paragraphs, having no speaker labels) are
    reported too.  ``names``: what the report calls a file instead of its path (an
    upload's own name rather than where the server keeps it).  ``progress``: stage
    "ingest", one step per file (each read, redacted and stored)."""
    report = IngestReport()
    files = list(ingest.find_transcripts(paths))
    workers = pool.default_workers()
    with tracker(progress).stage("ingest", len(files)) as step:
        if redactor is None and key is None and pool.worth_a_pool(files, workers):
            spec = redactor_for(store).spec()
            _ingest_pooled(store, files, report, spec, workers, names or {}, overrides, step)
            return report
        red = redactor or redactor_for(store)
        for path in files:
            _ingest_one(store, path, report, red, key, names, overrides)
            step.advance()
    return report


def _ingest_pooled(
    store: Store,
    files: list[Path],
    report: IngestReport,
    spec: Mapping[str, Any],
    workers: int,
    names: Mapping[Path, str],
    overrides: Mapping[str, Any] | None,
    step: Any,
) -> None:
    """``_ingest_one`` for each file, read and redacted by worker processes, stored
    here in the order of ``files``; files already stored are not sent to a worker."""
    known = store.transcripts.transcript_id_by_hash
    stored = {p for p in files if (h := ingest.content_hash(p)) and known(h) is not None}
    todo = [p for p in files if p not in stored]
    with closing(pool.redact_in_workers(todo, spec, overrides, names, workers)) as redacted:
        for path in files:
            done = pool.Redacted(None) if path in stored else next(redacted)
            if done.error:
                report.errors.append(done.error)
            elif done.doc is not None and known(done.doc.content_hash) is None:
                report.add_stored(_store_redacted(store, done.doc), done.notices, done.kept_places)
            else:  # stored before, or twice in this batch
                report.duplicates.append(names.get(path) or path.name)
            step.advance()


def _ingest_one(
    store: Store,
    path: Path,
    report: IngestReport,
    red: Redactor,
    key: Fernet | None,
    names: Mapping[Path, str] | None,
    overrides: Mapping[str, Any] | None,
) -> None:
    """Read, redact and store one file; what happened goes into ``report``."""
    name = (names or {}).get(path)
    try:
        raw = ingest.read_transcript(path, file_meta(path, overrides), name=name)
        tid = store_transcript(store, raw, red, key)
        kept = red.kept_places(raw.meta) if isinstance(red, RuleRedactor) else ()
        report.add_stored(tid, raw.notices, kept)
    except ConflictError:
        report.duplicates.append(name or path.name)
    except QualcodeError as err:
        report.errors.append(str(err))


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
