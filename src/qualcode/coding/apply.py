"""Suggest codes for every segment and store them, learning from the coders' decisions so
far (``feedback``); skipped when segments, codebook, settings and decisions are unchanged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qualcode.codebook.load import codebook_to_dict
from qualcode.coding.context import neighbour_mean
from qualcode.coding.suggest import Suggester
from qualcode.records import Codebook
from qualcode.store import Store
from qualcode.text import fingerprint, text_hash


def suggest_all(
    store: Store,
    suggester: Suggester,
    model_id: str,
    settings: Mapping[str, Any],
    book: Codebook,
    ids: list[int],
    texts: list[str],
    vectors: np.ndarray,
    groups: Sequence[int] | None = None,
) -> str:
    """Suggest codes for the segments ``ids`` (in reading order; ``groups``: each one's
    transcript, so neighbouring turns give context); return what was done, in words."""
    events = store.review.review_events()
    fp = fingerprint(
        "suggest",
        model_id,
        dict(settings),
        codebook_to_dict(book),
        [text_hash(t) for t in texts],
        ids,
        max((e["id"] for e in events), default=0),  # new decisions: learn again
    )
    if store.analysis.stage_fingerprint("suggest") == fp:
        return "skipped"
    from qualcode.coding.feedback import suggester_for  # scikit-learn: only when suggesting

    beta = settings.get("beta", 2.0)
    context = neighbour_mean(groups, vectors) if groups is not None else None
    model = suggester_for(suggester, book, ids, texts, vectors, events, beta, context=context)
    if model is suggester:  # zero-shot, or a swapped-in suggester: the text alone
        suggestions = model.suggest(ids, texts, vectors)
    else:
        suggestions = model.suggest(ids, texts, vectors, context)  # type: ignore[call-arg]
    store.analysis.replace_suggestions(suggestions, fp)
    learned = "learned from decisions" if model is not suggester else "zero-shot"
    return f"{len(suggestions)} suggestions ({learned})"
