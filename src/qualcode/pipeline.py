"""The pipeline: ingest -> redact -> store; then segment -> embed -> topics -> suggest.

Each step is skipped when its inputs are unchanged: segments exist, embeddings are cached
by (model id, text hash), and topics and suggestions carry a fingerprint of their inputs.
Every step writes inside one transaction, so an interrupted run leaves the database as
it was before that step.  Logs carry counts and ids only, never transcript text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from qualcode import ingest
from qualcode.codebook import codebook_to_dict, load_codebook, parse_codebook
from qualcode.config import Components, components_for, redactor_for
from qualcode.errors import CodebookError, ConflictError, QualcodeError
from qualcode.models import Codebook, RawTranscript, TranscriptMeta
from qualcode.redact import Redactor, RuleRedactor
from qualcode.redact.vault import seal
from qualcode.segment import layout, text_hash
from qualcode.store import Store

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

    from qualcode.embed import Embedder

log = logging.getLogger("qualcode.pipeline")


@dataclass
class IngestReport:
    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # redacted source names
    errors: list[str] = field(default_factory=list)  # messages naming the file


@dataclass
class ProcessReport:
    segmented: int = 0
    embedded: int = 0
    topics: str = "skipped"
    suggestions: str = "skipped"
    seconds: dict[str, float] = field(default_factory=dict)


def store_transcript(
    store: Store, raw: RawTranscript, redactor: Redactor | None = None, key: Fernet | None = None
) -> int:
    """Redact ``raw`` and store it; the original text goes no further than this call,
    except encrypted with the user's ``key`` (for authorised re-identification)."""
    if (tid := store.transcript_id_by_hash(raw.content_hash)) is not None:
        raise ConflictError(f"Transcript already ingested as id {tid}.")
    red = redactor or redactor_for(store)
    tokens = None
    if key is not None and isinstance(red, RuleRedactor):
        doc, originals = red.redact_with_key(raw)
        tokens = seal(key, originals)
        del originals
    else:
        doc = red.redact(raw)
    text, spans = layout(doc.turns)
    tid = store.add_transcript(doc, text, spans, tokens)
    log.info(
        "stored transcript %d: %d turns, %d redactions",
        tid,
        len(doc.turns),
        sum(r.count for r in doc.redactions),
    )
    return tid


def file_meta(path: Path, overrides: Mapping[str, Any] | None = None) -> TranscriptMeta:
    """The sidecar's metadata (or the file's stem as title), with ``overrides`` on top."""
    base = ingest.load_sidecar_meta(path) or TranscriptMeta(title=path.stem)
    if not overrides:
        return base
    merged = {**asdict(base), **overrides}
    return ingest.parse_meta(merged, source=f"metadata for {path.name}")


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    overrides: Mapping[str, Any] | None = None,
    redactor: Redactor | None = None,
    key: Fernet | None = None,
) -> IngestReport:
    """Ingest files and folders; a bad file is reported and the others go on."""
    report = IngestReport()
    red = redactor or redactor_for(store)
    for path in ingest.find_transcripts(paths):
        try:
            raw = ingest.read_transcript(path, file_meta(path, overrides))
            report.added.append(store_transcript(store, raw, red, key))
        except ConflictError:
            report.duplicates.append(path.name)
        except QualcodeError as err:
            report.errors.append(str(err))
    return report


def use_codebook(store: Store, path: Path | None) -> Codebook:
    """Load ``path`` into the project (if given), else the project's stored codebook.
    Codes retired or merged in the project are left out: they are no longer suggested."""
    if path is not None:
        codebook = load_codebook(path)
        if store.codebook_content() != codebook_to_dict(codebook):
            store.save_codebook(codebook, codebook_to_dict(codebook))
        return _active_codes(store, codebook)
    content = store.codebook_content()
    if content is None:
        from qualcode.codebook import default_codebook_path

        return use_codebook(store, default_codebook_path())
    return _active_codes(store, parse_codebook(content, source="the project's stored codebook"))


def _active_codes(store: Store, codebook: Codebook) -> Codebook:
    inactive = store.inactive_code_ids()
    codes = tuple(c for c in codebook.codes if c.id not in inactive)
    if not codes:
        raise CodebookError(
            f"Every code in codebook '{codebook.name}' is retired or merged in this project.",
            hint="Restore a code, or add one, before processing.",
        )
    return replace(codebook, codes=codes) if len(codes) < len(codebook.codes) else codebook


def process(
    store: Store,
    *,
    codebook: Path | None = None,
    parts: Components | None = None,
    progress: bool = False,
    refit_topics: bool = False,
) -> ProcessReport:
    """Segment, embed, topics, suggest; a stage whose inputs are unchanged is skipped.
    ``refit_topics``: fit topics afresh even when new segments could be assigned to the
    existing ones."""
    parts = parts or components_for(store)
    report = ProcessReport()
    with _timed(report, "segment"):
        report.segmented = segment_all(store, parts)
    segments = store.segments()
    ids = [s.id or 0 for s in segments]
    texts = [s.text for s in segments]
    with _timed(report, "embed"):
        vectors, report.embedded = embed_all(store, parts, texts, progress)
    with _timed(report, "topics"):
        report.topics = _topics(store, parts, ids, texts, vectors, refit_topics)
    with _timed(report, "suggest"):
        book = use_codebook(store, codebook)
        report.suggestions = _suggest(store, parts, book, ids, texts, vectors)
    log.info("process: %s", json.dumps(report.__dict__))
    return report


@contextmanager
def _timed(report: ProcessReport, name: str) -> Iterator[None]:
    t0 = time.perf_counter()
    yield
    report.seconds[name] = round(time.perf_counter() - t0, 3)


def segment_all(store: Store, parts: Components) -> int:
    count = 0
    for tid in store.unsegmented_transcript_ids():
        turns = store.turns(tid)
        spans = [(t["char_start"], t["char_end"]) for t in turns]
        segs = parts.segmenter.segment(
            tid, store.transcript(tid)["text"], spans, [t["speaker"] for t in turns]
        )
        store.add_segments(segs, [text_hash(s.text) for s in segs])
        count += len(segs)
    return count


def embed_all(
    store: Store, parts: Components, texts: list[str], progress: bool = False
) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` in order, encoding only those not cached for this model."""
    return embed_cached(store, parts.embedder, texts, progress)


def embed_cached(
    store: Store, embedder: Embedder, texts: list[str], progress: bool = False
) -> tuple[np.ndarray, int]:
    """``embed_all`` for any embedder: cached vectors, and how many were encoded."""
    model_id = embedder.model_id
    hashes = [text_hash(t) for t in texts]
    cached = store.cached_embeddings(model_id, hashes)
    missing = {h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}
    if missing:
        fresh = embedder.encode(list(missing.values()), progress=progress)
        new = dict(zip(missing, fresh, strict=True))
        store.put_embeddings(model_id, new)
        cached.update(new)
    if not hashes:
        return np.zeros((0, 0), dtype=np.float32), 0
    return np.vstack([cached[h] for h in hashes]), len(missing)


def _fingerprint(*parts: object) -> str:
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()


def _topics(
    store: Store,
    parts: Components,
    ids: list[int],
    texts: list[str],
    vectors: np.ndarray,
    refit: bool = False,
) -> str:
    """Fit topics when there are none yet, when the embedder or topic settings changed,
    when a segment already seen changed or went, or when asked (``refit``); when only
    new segments arrived, assign them to the nearest existing topic without a refit."""
    hashes = [text_hash(t) for t in texts]
    settings = _fingerprint("topics", parts.embedder.model_id, parts.topic_settings)
    fp = f"{settings}:{_fingerprint(hashes, ids)}"
    stored = store.stage_fingerprint("topics") or ""
    if not refit and stored == fp:
        return "skipped"
    if not refit and stored.startswith(f"{settings}:"):
        new = _new_segments(store, ids, hashes)
        if new is not None:
            return _assign_new(store, parts, ids, hashes, vectors[new], new, fp)
    return _refit(store, parts, ids, texts, hashes, vectors, fp)


def _new_segments(store: Store, ids: list[int], hashes: list[str]) -> list[int] | None:
    """Rows of segments the topics stage has not seen, or None when a refit is due (no
    topics yet, or a segment seen before changed or is gone)."""
    seen = store.topic_inputs()
    if not seen or not store.topic_centroids():
        return None
    current = dict(zip(ids, hashes, strict=True))
    if any(current.get(s) != h for s, (h, _) in seen.items()):
        return None
    return [k for k, i in enumerate(ids) if i not in seen]


def _assign_new(
    store: Store,
    parts: Components,
    ids: list[int],
    hashes: list[str],
    new_vectors: np.ndarray,
    rows: list[int],
    fp: str,
) -> str:
    """The new segments (``rows``) to the nearest topic centroid, -1 below the floor."""
    from qualcode.topics import OUTLIER_FLOOR, nearest_topics

    floor = getattr(parts.topic_modeler, "outlier_floor", OUTLIER_FLOOR)
    nearest, _ = nearest_topics(new_vectors, store.topic_centroids(), floor)
    assignment = {ids[k]: int(t) for k, t in zip(rows, nearest, strict=True)}
    how = {-1: "outlier"}
    inputs = {ids[k]: (hashes[k], how.get(assignment[ids[k]], "assigned")) for k in rows}
    store.assign_topics(assignment, inputs, fp)
    placed = sum(1 for t in assignment.values() if t != -1)
    return f"{placed} of {len(rows)} new segments assigned to existing topics (no refit)"


def _refit(
    store: Store,
    parts: Components,
    ids: list[int],
    texts: list[str],
    hashes: list[str],
    vectors: np.ndarray,
    fp: str,
) -> str:
    from qualcode.topics import centroids_of

    result = parts.topic_modeler.fit(ids, texts, vectors)
    known = {t.topic_id for t in result.topics if t.topic_id != -1}
    fitted = {s: t for s, t in result.assignment.items() if s not in result.reassigned}
    centroids = {
        t: c
        for t, c in (result.centroids or centroids_of(ids, vectors, fitted)).items()
        if t in known
    }
    inputs = {
        i: (h, _how(result.assignment.get(i, -1), i in result.reassigned))
        for i, h in zip(ids, hashes, strict=True)
    }
    store.replace_topics(
        result.topics,
        result.assignment,
        fp,
        centroids=centroids,
        model=parts.embedder.model_id,
        inputs=inputs,
    )
    return f"{len(known)} topics"


def _how(topic: int, reassigned: bool) -> str:
    return "outlier" if topic == -1 else "reassigned" if reassigned else "fit"


def _suggest(
    store: Store,
    parts: Components,
    book: Codebook,
    ids: list[int],
    texts: list[str],
    vectors: np.ndarray,
) -> str:
    """Suggest codes, learning from the coders' decisions so far (``feedback``)."""
    from qualcode.feedback import suggester_for

    events = store.review_events()
    fp = _fingerprint(
        "suggest",
        parts.embedder.model_id,
        parts.suggest_settings,
        codebook_to_dict(book),
        [text_hash(t) for t in texts],
        ids,
        max((e["id"] for e in events), default=0),  # new decisions: learn again
    )
    if store.stage_fingerprint("suggest") == fp:
        return "skipped"
    beta = parts.suggest_settings.get("beta", 2.0)
    suggester = suggester_for(parts.suggester, book, ids, texts, vectors, events, beta)
    suggestions = suggester.suggest(ids, texts, vectors)
    store.replace_suggestions(suggestions, fp)
    learned = "learned from decisions" if suggester is not parts.suggester else "zero-shot"
    return f"{len(suggestions)} suggestions ({learned})"
