"""The findings of codebook diagnostics (``diagnose``): each says what is wrong with one
code or pair of codes, what to do about it, and the figures behind it.

Kinds:
  * ``unknown_reference``: an exclusion or inclusion note names a code id the codebook
    does not have (a snake_case word, or any word in backticks).
  * ``thin``: only a label, a definition of a few words, or no examples or keywords.
  * ``indistinct``: two codes the model can hardly tell apart (``indistinct.py``).
  * ``finds_nothing`` / ``too_broad``: the calibrated suggester would suggest the code for
    no segment or almost none (under ``Limits.rare``), or for more than ``Limits.broad``.
  * ``flat``: nothing in the corpus stands out for the code (``separation.standout``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qualcode.coding import separation as sep
from qualcode.coding.suggest import ZeroShotSuggester, code_texts
from qualcode.records import Code, Codebook

UNKNOWN_REFERENCE, THIN, INDISTINCT = "unknown_reference", "thin", "indistinct"
FINDS_NOTHING, TOO_BROAD, FLAT = "finds_nothing", "too_broad", "flat"
KINDS = (UNKNOWN_REFERENCE, THIN, INDISTINCT, FINDS_NOTHING, TOO_BROAD, FLAT)
_ID_LIKE = re.compile(r"`([a-z][a-z0-9_]{1,63})`|\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b")
ADVICE = {
    "definition": "a definition of a sentence or two saying what counts",
    "examples": "two or three typical quotes as examples",
    "keywords": "a few keywords",
}


@dataclass(frozen=True)
class Limits:
    """When a figure becomes a finding (similarities on the reference scale)."""

    tail_z: float = 2.0  # a pair stands out among the codebook's pairs (robust z)
    similar: float = 0.5  # ... and its descriptions are at least this similar
    duplicate: float = 0.85  # descriptions this similar: a finding whatever the others
    correlated: float = 0.5  # ... or its scores correlate at least this much
    shared_top: float = 0.3  # ... or this share of top segments is the same (chance: 5%)
    same_top: float = 0.5  # ... this share of top segments the same: high enough alone
    definition_words: int = 8
    flat: float = 1.0  # standout below this: flat whatever the other codes
    flat_relative: float = 2.5  # standout below this and a low outlier among the codes
    rare: float = 0.005  # suggested for less than this share of segments: finds nothing
    broad: float = 0.4  # suggested for more than this share of segments
    min_segments: int = 30  # fewer segments: no corpus findings


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    codes: tuple[str, ...]
    message: str  # what is wrong and what to do, in plain words
    evidence: dict[str, Any] = field(default_factory=dict)  # the figures (JSON-ready)


def unknown_references(codebook: Codebook) -> list[Finding]:
    known = {c.id for c in codebook.codes}
    out = []
    for code in codebook.codes:
        unknown = sorted(set(referenced_ids(code)) - known)
        if unknown:
            names = ", ".join(f"'{u}'" for u in unknown)
            out.append(
                Finding(
                    UNKNOWN_REFERENCE,
                    (code.id,),
                    f"The notes of '{code.id}' send cases to {names}, which this codebook "
                    "does not have. Correct the id, or add the code.",
                    {"unknown_ids": unknown},
                )
            )
    return out


def referenced_ids(code: Code) -> list[str]:
    """Code-id-like words in the code's inclusion and exclusion notes, in any language."""
    notes = " ".join(f"{t.inclusion} {t.exclusion}" for t in code_texts(code))
    return [a or b for a, b in _ID_LIKE.findall(notes)]


def missing_parts(code: Code, min_words: int) -> tuple[str, ...]:
    texts = code_texts(code)
    short = len(code.definition.split()) < min_words or _same(code.definition, code.label)
    parts = {
        "definition": short,
        "examples": not any(t.examples for t in texts),
        "keywords": not any(t.keywords for t in texts),
    }
    return tuple(name for name, lacking in parts.items() if lacking)


def _same(a: str, b: str) -> bool:
    return a.strip(" .").casefold() == b.strip(" .").casefold()


def thin_codes(codebook: Codebook, limits: Limits) -> list[Finding]:
    out = []
    for code in codebook.codes:
        missing = missing_parts(code, limits.definition_words)
        if missing:
            words = len(code.definition.split())
            evidence = {"missing": list(missing), "definition_words": words}
            out.append(Finding(THIN, (code.id,), _thin_message(code, missing, words), evidence))
    return out


def _thin_message(code: Code, missing: tuple[str, ...], words: int) -> str:
    add = "Add " + "; ".join(ADVICE[m] for m in missing) + "."
    if len(missing) == len(ADVICE) and (words <= 3 or _same(code.definition, code.label)):
        return f"'{code.id}' has little more than a label ('{code.label}'). {add}"
    lacking = {
        "definition": f"the definition has only {words} words",
        "examples": "no examples",
        "keywords": "no keywords",
    }
    return f"'{code.id}' is thin: {', '.join(lacking[m] for m in missing)}. {add}"


def corpus_findings(
    model: ZeroShotSuggester, corpus: sep.CorpusScores, limits: Limits
) -> list[Finding]:
    """Codes the calibrated suggester would suggest nowhere or nearly everywhere, and codes
    for which nothing in the corpus stands out."""
    shares = corpus.picked.mean(axis=0)
    standout = sep.standout(model, corpus.similarity)
    low = sep.robust_z(standout) <= -limits.tail_z
    flat = (standout < limits.flat) | (low & (standout < limits.flat_relative))
    out = []
    for j, code in enumerate(model.code_ids_):
        evidence = {
            "suggested": int(corpus.picked[:, j].sum()),
            "share_suggested": round(float(shares[j]), 4),
            "standout": round(float(standout[j]), 2),
            "typical_standout": round(float(np.median(standout)), 2),
            "segments": corpus.size,
        }
        kind = _coverage_kind(float(shares[j]), bool(flat[j]), limits)
        if kind:
            out.append(Finding(kind, (code,), _coverage_message(kind, code, evidence), evidence))
    return out


def _coverage_kind(share: float, flat: bool, limits: Limits) -> str | None:
    if share < limits.rare:
        return FINDS_NOTHING
    if share > limits.broad:
        return TOO_BROAD
    return FLAT if flat else None


def _coverage_message(kind: str, code: str, e: dict[str, Any]) -> str:
    n, share = e["segments"], e["share_suggested"]
    if kind == FINDS_NOTHING:
        found = f"only {e['suggested']}" if e["suggested"] else "none"
        return (
            f"'{code}' would be suggested for {found} of "
            f"the {n} segments. If the code belongs in this project, add examples and keywords "
            "in the transcripts' own words and languages, and check that no other code's "
            "description covers it; if not, retire it."
        )
    if kind == TOO_BROAD:
        return (
            f"'{code}' would be suggested for {share:.0%} of the {n} segments: too broad to "
            "be useful. Narrow the definition, add an exclusion note, or split it into "
            "sub-codes."
        )
    return (
        f"Nothing in the corpus stands out for '{code}': its best-matching segments are "
        f"barely closer to it than its typical segment ({e['standout']:.1f} against "
        f"{e['typical_standout']:.1f} for the typical code here). Either the code is too vague "
        "(make the definition concrete: who says what, about what; add examples) or the "
        "transcripts hardly talk about it (then retire it)."
    )
