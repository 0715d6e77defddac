"""Suggest codes for every segment and store them, learning from the coders' decisions so
far (``feedback``); skipped when segments, codebook, settings and decisions are unchanged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qualcode.codebook.load import codebook_to_dict
from qualcode.coding.context import neighbour_mean
from qualcode.coding.suggest import Suggester, ZeroShotSuggester
from qualcode.progress import ProgressLike, Step, tracker
from qualcode.records import Codebook, Suggestion
from qualcode.store import Store
from qualcode.text import fingerprint, text_hash

CHUNK = 2048  # segments scored between two progress reports


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
    progress: ProgressLike = None,
) -> str:
    """Suggest codes for the segments ``ids`` (in reading order; ``groups``: each one's
    transcript, so neighbouring turns give context); return what was done, in words.
    Progress: stage ``suggest``, counting the segments scored.

    When only segments were added since the last run (same model, settings, codebook and
    decisions; the earlier segments unchanged), only the new ones are scored and stored:
    an upload does not re-score the project, and no coder's queue reshuffles under them."""
    events = store.review.review_events()
    basis = fingerprint(
        "suggest",
        model_id,
        dict(settings),
        codebook_to_dict(book),
        max((e["id"] for e in events), default=0),  # new decisions: learn again
    )
    hashes = [text_hash(t) for t in texts]
    fp = fingerprint(basis, hashes, ids)  # also the digest of scored_marker
    if store.analysis.stage_fingerprint("suggest") == fp:
        with tracker(progress).stage("suggest"):  # done at once, as every stage shows
            return "skipped"
    new = new_rows(store.analysis.stage_fingerprint("suggest-scored"), basis, ids, hashes)
    rows = list(range(len(ids))) if new is None else new
    with tracker(progress).stage("suggest", len(rows)) as step:
        from qualcode.coding.feedback import suggester_for  # scikit-learn: when suggesting

        beta = settings.get("beta", 2.0)
        context = neighbour_mean(groups, vectors) if groups is not None else None
        model = suggester_for(suggester, book, ids, texts, vectors, events, beta, context=context)
        suggestions = _suggest(model, suggester, (ids, texts, vectors, context), rows, step)
        scored = f"{basis}:{max(ids, default=0)}:{fp}"  # scored_marker(basis, ids, hashes)
        learned = "learned from decisions" if model is not suggester else "zero-shot"
        if new is None:
            store.analysis.replace_suggestions(suggestions, fp, scored)
            return f"{len(suggestions)} suggestions ({learned})"
        store.analysis.add_suggestions([ids[i] for i in rows], suggestions, fp, scored)
        return f"{len(suggestions)} suggestions for {len(new)} new segments ({learned})"


def _suggest(
    model: Suggester,
    zero_shot: Suggester,
    segments: tuple[list[int], list[str], np.ndarray, np.ndarray | None],
    rows: list[int],
    step: Step,
) -> list[Suggestion]:
    """``model``'s suggestions for ``rows`` of ``segments`` (ids, texts, vectors,
    context), ``CHUNK`` rows at a time so that progress shows; qualcode's suggesters score
    each row on its own, so the chunks change nothing.  A swapped-in suggester is called
    once, with the text alone, as it may look at all the rows together."""
    from qualcode.coding.learn import LearningSuggester  # scikit-learn: when suggesting

    ids, texts, vectors, context = segments
    ours = isinstance(model, ZeroShotSuggester | LearningSuggester)
    size = CHUNK if ours else max(len(rows), 1)
    out: list[Suggestion] = []
    for start in range(0, len(rows), size):
        part = rows[start : start + size]
        some = ([ids[i] for i in part], [texts[i] for i in part], vectors[part])
        if model is zero_shot:  # zero-shot, or a swapped-in suggester: the text alone
            out += model.suggest(*some)
        else:
            part_context = None if context is None else context[part]
            out += model.suggest(*some, part_context)  # type: ignore[call-arg]
        step.advance(len(part))
    return out


def scored_marker(basis: str, ids: Sequence[int], hashes: Sequence[str]) -> str:
    """What a run scored: its basis, then the last segment id and a hash of the segments
    up to it, so a later run can tell whether segments were only added."""
    return f"{basis}:{max(ids, default=0)}:{fingerprint(basis, list(hashes), list(ids))}"


def new_rows(
    previous: str | None, basis: str, ids: Sequence[int], hashes: Sequence[str]
) -> list[int] | None:
    """The rows of ``ids`` added since the run ``previous`` describes, when that run had
    the same basis and every segment it scored is still here unchanged; else ``None``
    (score them all)."""
    if not previous or previous.count(":") != 2:
        return None
    old_basis, last, _ = previous.split(":")
    if old_basis != basis or not last.isdigit():
        return None
    old = [i for i, seg in enumerate(ids) if seg <= int(last)]
    if scored_marker(basis, [ids[i] for i in old], [hashes[i] for i in old]) != previous:
        return None
    return [i for i, seg in enumerate(ids) if seg > int(last)]
