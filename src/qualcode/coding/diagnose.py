"""Codebook diagnostics before coding starts: which codes the model will confuse, which
are too thin or too vague to find anything, which would be suggested nowhere or nearly
everywhere, and which notes name codes that do not exist, so a researcher can fix the
codebook first.

``diagnose_codebook`` judges with the zero-shot suggester itself (``suggest.py``): fitted
to the codebook and, given a corpus, calibrated to it, so every figure is what coding
would see.  Without a corpus only the codebook's own text is checked.  The findings and
their limits are in ``findings.py`` and ``indistinct.py``, the figures in
``separation.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from qualcode.coding import findings as checks
from qualcode.coding import separation as sep
from qualcode.coding.findings import Finding, Limits
from qualcode.coding.indistinct import indistinct_pairs
from qualcode.coding.suggest import ZeroShotSuggester, code_texts
from qualcode.embed.encoder import Embedder
from qualcode.records import Code, Codebook

PARTS = ("definition", "inclusion", "exclusion", "examples", "keywords")


@dataclass(frozen=True)
class CodeSummary:
    id: str
    label: str
    parts: tuple[str, ...]  # the parts the code has (label aside), of PARTS
    missing: tuple[str, ...]  # what makes it thin: definition, examples, keywords
    nearest: str | None  # the code whose description is most like this one's
    nearest_similarity: float | None  # on the reference scale (embed.scale)
    share_suggested: float | None = None  # with a corpus: share of segments suggested
    standout: float | None = None  # with a corpus: see separation.standout


@dataclass(frozen=True)
class CodebookDiagnosis:
    codebook: str
    version: str
    model_id: str
    segments: int  # corpus segments judged against (0: the codebook alone)
    findings: tuple[Finding, ...]
    codes: tuple[CodeSummary, ...]
    notes: tuple[str, ...] = ()  # what was not checked, and why

    @property
    def ok(self) -> bool:
        return not self.findings


def diagnose_codebook(
    codebook: Codebook,
    embedder: Embedder,
    texts: Sequence[str] = (),
    vectors: np.ndarray | None = None,
    *,
    ids: Sequence[int] | None = None,
    suggester: ZeroShotSuggester | None = None,
    limits: Limits | None = None,
) -> CodebookDiagnosis:
    """Diagnose ``codebook``, against the corpus ``texts`` (with their ``vectors``, encoded
    here if not given, and segment ``ids``, their positions if not given) when there are
    enough of them.  ``suggester``: the zero-shot suggester whose settings to judge with
    (default: ``ZeroShotSuggester(embedder)``); it is refitted."""
    limits = limits or Limits()
    model = (suggester or ZeroShotSuggester(embedder)).fit(codebook)
    corpus, notes = _corpus(model, texts, vectors, ids, limits)
    similar = sep.description_similarity(model)
    found = [
        *checks.unknown_references(codebook),
        *checks.thin_codes(codebook, limits),
        *indistinct_pairs(model, similar, corpus, limits),
        *(checks.corpus_findings(model, corpus, limits) if corpus else []),
    ]
    return CodebookDiagnosis(
        codebook.name,
        codebook.version,
        model.embedder.model_id,
        corpus.size if corpus else 0,
        tuple(found),
        _summaries(model, codebook, similar, corpus, limits),
        notes,
    )


def _corpus(
    model: ZeroShotSuggester,
    texts: Sequence[str],
    vectors: np.ndarray | None,
    ids: Sequence[int] | None,
    limits: Limits,
) -> tuple[sep.CorpusScores | None, tuple[str, ...]]:
    if not len(texts):
        return None, ("No corpus: only the codebook's own text was checked.",)
    if len(texts) < limits.min_segments:
        return None, (
            f"Only {len(texts)} segments: too few to judge the codes against "
            f"(at least {limits.min_segments}); only the codebook's own text was checked.",
        )
    vectors = model.embedder.encode(list(texts)) if vectors is None else vectors
    positions = list(ids) if ids is not None else list(range(len(texts)))
    return sep.corpus_scores(model, positions, texts, np.asarray(vectors)), ()


def _summaries(
    model: ZeroShotSuggester,
    codebook: Codebook,
    similar: np.ndarray,
    corpus: sep.CorpusScores | None,
    limits: Limits,
) -> tuple[CodeSummary, ...]:
    others = similar - np.diag(np.full(len(similar), np.inf))
    shares = corpus.picked.mean(axis=0) if corpus else None
    standout = sep.standout(model, corpus.similarity) if corpus else None
    out = []
    for j, code in enumerate(codebook.codes):
        near = int(np.argmax(others[j])) if len(similar) > 1 else None
        out.append(
            CodeSummary(
                code.id,
                code.label,
                present_parts(code),
                checks.missing_parts(code, limits.definition_words),
                model.code_ids_[near] if near is not None else None,
                round(float(similar[j, near]), 3) if near is not None else None,
                round(float(shares[j]), 4) if shares is not None else None,
                round(float(standout[j]), 2) if standout is not None else None,
            )
        )
    return tuple(out)


def present_parts(code: Code) -> tuple[str, ...]:
    """The parts of PARTS the code has, in its own language or a translation."""
    texts = code_texts(code)
    return tuple(p for p in PARTS if any(getattr(t, p) for t in texts))
