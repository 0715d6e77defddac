"""Method notes for a briefing: what the machine did, what people reviewed, and how far
coders (and the model) agree, in plain words an analyst can put in a paper."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from qualcode.coding import trust
from qualcode.errors import ConflictError
from qualcode.exports.memo_table import memo_counts
from qualcode.exports.report.contents import Agreement, MethodNotes
from qualcode.review.selection import COUNTED, STATUSES
from qualcode.settings import Settings
from qualcode.store import Store

MIN_DOUBLE_CODED = 20  # fewer segments coded by two coders: kappa and alpha are not reliable

Row = Mapping[str, Any]


def method_notes(
    store: Store, rows: Sequence[Row], counted: Sequence[Row], tids: Sequence[int], selection: str
) -> MethodNotes:
    """``rows``: the selection's pairs in every status; ``counted``: those the report counts."""
    statuses = Counter(r["status"] for r in rows)
    unreviewed = sum(1 for r in counted if r["status"] == "suggested")
    return MethodNotes(
        automated=automated_steps(store, tids),
        status_counts={s: statuses.get(s, 0) for s in STATUSES},
        counted=len(counted),
        unreviewed=unreviewed,
        unreviewed_share=unreviewed / len(counted) if counted else None,
        coders=tuple(sorted({r["coder"] for r in rows if r["coder"]})),
        selection=selection,
        agreement=agreement(store),
        memos=memo_counts(store),
    )


def automated_steps(store: Store, tids: Sequence[int]) -> tuple[tuple[str, str], ...]:
    settings = Settings.from_strings(store.settings.settings())
    topics = [t for t in store.topics.topics() if t.topic_id != -1]
    models = ", ".join(embedding_models(store)) or "none stored"
    n_segments = sum(len(store.segments.segments(t)) for t in tids)
    return (
        ("Redaction", redaction_note(store, tids, settings)),
        (
            "Segmentation",
            f"Speaker turns split at sentence boundaries into segments of at most "
            f"{settings.segment_max_chars} characters: {n_segments} segments in the "
            "selected transcripts.",
        ),
        ("Embeddings", f"Sentence embeddings of every segment, model: {models}."),
        (
            "Topic model",
            f"Emergent themes clustered from the embeddings ({settings.topic_reducer} "
            f"reduction, {settings.topic_clusterer} clustering): {len(topics)} topics, "
            "labelled by their most distinctive words. Not reviewed by people.",
        ),
        (
            "Code suggestions",
            f"Codes suggested per segment from the codebook (threshold "
            f"{settings.suggest_threshold}, {_cap(settings.suggest_top_k)}; "
            f"{len(store.analysis.suggestions())} suggestions in the project), refined by coders' "
            "decisions where there are some.",
        ),
    )


def embedding_models(store: Store) -> list[str]:
    """The embedding model ids whose vectors are stored (normally one)."""
    return store.embeddings.models()


def redaction_note(store: Store, tids: Sequence[int], settings: Settings) -> str:
    kinds: Counter[str] = Counter()
    changes = 0
    for tid in tids:
        for r in store.transcripts.redactions(tid):
            if r["status"] == "active":
                kinds[r["kind"]] += 1
        changes += len(store.redactions.redaction_log(tid))
    found = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"
    return (
        "Names, contacts and other identifiers replaced by pseudonyms before anything was "
        f"stored (detectors: {settings.redact_layers.replace(',', ', ')}). Distinct redacted "
        f"identifiers in the selected transcripts: {found}. Redactions changed by a "
        f"reviewer: {changes}."
    )


def agreement(store: Store) -> Agreement:
    try:
        report = trust.trust_report(store)
    except ConflictError:  # no review decisions yet
        return _no_agreement(
            "No coder has reviewed any suggestion yet, so there are no agreement figures: "
            "every count in this report is an unreviewed machine suggestion."
        )
    pairs = [*report.model_vs_coders, *report.between_coders]
    labels = _code_labels(store)
    rows = tuple(
        (code, labels.get(code, code), tuple(p.kappa.get(code) for p in pairs))
        for code in report.codes
    )
    double = max((p.n_segments for p in report.between_coders), default=0)
    return Agreement(
        available=True,
        statement=_statement(report, double),
        reading=trust.reading(report),
        pairs=tuple(f"{p.first}~{p.second}" for p in pairs),
        pair_segments=tuple(p.n_segments for p in pairs),
        rows=rows,
        alpha_humans=report.alpha_humans,
        alpha_with_model=report.alpha_with_model,
        double_coded=double,
    )


def _statement(report: trust.TrustReport, double: int) -> str:
    scope = (
        f"{report.n_segments} segments reviewed by {len(report.coders)} coder(s) "
        f"({', '.join(report.coders)}), over the whole project, not only this selection."
    )
    if len(report.coders) < 2:
        return (
            f"{scope} With a single coder there is no coder-to-coder agreement; the "
            "model-to-coder kappa below compares the suggestions with that coder only."
        )
    if double < MIN_DOUBLE_CODED:
        return (
            f"{scope} Only {double} segment(s) were coded by two coders (at least "
            f"{MIN_DOUBLE_CODED} are needed), too few for reliable agreement figures: treat "
            "the kappa and alpha values below as indicative only."
        )
    return f"{scope} {double} segments were coded by two coders."


def _no_agreement(statement: str) -> Agreement:
    return Agreement(False, statement, "", (), (), (), None, None, 0)


def _code_labels(store: Store) -> dict[str, str]:
    return {r["id"]: r["label"] for r in store.codebook.code_records()}


def counted_rows(rows: Sequence[Row], statuses: Sequence[str]) -> list[Row]:
    """Of ``rows``, those in ``statuses`` that mean "this code applies" (never rejected)."""
    return [r for r in rows if r["status"] in statuses and r["status"] in COUNTED]


def _cap(top_k: int) -> str:
    return f"at most {top_k} per segment" if top_k else "as many per segment as pass it"
