"""The pipeline's first half: ingest -> redact -> store.

This module only sequences the stages (``qualcode.ingest`` reads, ``qualcode.redact``
redacts, ``qualcode.store`` keeps); ``run.process`` runs the stages after it, and
imports none of these.  A transcript's original text goes no further than
``store_transcript``, except encrypted with the user's key.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode import ingest
from qualcode.errors import ConflictError, QualcodeError
from qualcode.ingest.meta import file_meta
from qualcode.pipeline.components import redactor_for
from qualcode.progress import ProgressLike, tracker
from qualcode.records import RawTranscript, RedactedTranscript
from qualcode.redact import Redactor, RuleRedactor, pool
from qualcode.redact.vault import seal
from qualcode.store import Store
from qualcode.text import layout

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
