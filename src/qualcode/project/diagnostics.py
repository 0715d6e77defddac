"""The project's codebook diagnosed against the project's own segments before coding
starts (``coding.diagnose``): what ``qualcode codebook check --project`` and
``GET /api/projects/{project}/codebook/diagnostics`` report.

The segments are the stored, redacted ones, so the findings' example segments carry
redacted text only.  A check may come right after ``ingest``: transcripts not segmented
yet are segmented first, as ``process`` would, and segments not embedded yet are
embedded (and cached) with the project's embedder, so ``process`` does neither again.
"""

from __future__ import annotations

from dataclasses import replace

from qualcode.codebook.project import current_codebook
from qualcode.coding.diagnose import CodebookDiagnosis, diagnose_codebook
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.embed.cache import embed_cached
from qualcode.pipeline.components import Components, components_for
from qualcode.records import Codebook
from qualcode.segment.languages import detect_languages
from qualcode.segment.transcripts import segment_transcripts
from qualcode.store import Store

NO_SEGMENTS = (
    "The project has no transcripts yet (`qualcode ingest`): only the codebook's own text "
    "was checked."
)


def diagnose_project(
    store: Store, codebook: Codebook | None = None, parts: Components | None = None
) -> CodebookDiagnosis:
    """Diagnose ``codebook`` (default: the project's active codebook, read only) against
    the project's segments, with the project's embedder and suggest settings (``parts``:
    ``components_for(store)`` unless given)."""
    parts = _segmented(store, parts)
    book = codebook or current_codebook(store)
    segments = store.segments.segments()
    ids, texts = [s.id or 0 for s in segments], [s.text for s in segments]
    vectors = embed_cached(store, parts.embedder, texts)[0] if texts else None
    diagnosis = diagnose_codebook(
        book, parts.embedder, texts, vectors, ids=ids, suggester=_zero_shot(parts)
    )
    return diagnosis if texts else replace(diagnosis, notes=(NO_SEGMENTS,))


def _segmented(store: Store, parts: Components | None) -> Components:
    """Segment what is not segmented yet; the project's parts (an ``auto`` embedding model
    is chosen once the segments' languages are known)."""
    if store.transcripts.unsegmented_transcript_ids():
        segment_transcripts(store, (parts or components_for(store)).segmenter)
        detect_languages(store)
    return parts or components_for(store)


def _zero_shot(parts: Components) -> ZeroShotSuggester:
    """The project's zero-shot suggester (a fresh one if the project swapped in another
    kind): diagnostics judge the codebook as it reads before any decision."""
    if isinstance(parts.suggester, ZeroShotSuggester):
        return parts.suggester
    settings = parts.suggest_settings
    return ZeroShotSuggester(
        parts.embedder, threshold=settings["threshold"], top_k=settings["top_k"]
    )
