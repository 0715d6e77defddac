"""Keep the stored topics current: refit when needed, else assign new segments to the
nearest stored topic centroid without a refit."""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qualcode.progress import ProgressLike, Step, tracker
from qualcode.store import Store
from qualcode.text import fingerprint, text_hash
from qualcode.topics.languages import centre_by_language
from qualcode.topics.model import (
    FIT_STEPS,
    OUTLIER_FLOOR,
    TopicModeler,
    centroids_of,
    nearest_topics,
)


def update_topics(
    store: Store,
    modeler: TopicModeler,
    model_id: str,
    settings: Mapping[str, Any],
    ids: list[int],
    texts: list[str],
    vectors: np.ndarray,
    refit: bool = False,
    languages: Sequence[str] = (),
    progress: ProgressLike = None,
) -> str:
    """Fit topics when there are none yet, when the embedder or topic settings changed,
    when a segment already seen changed or went, or when asked (``refit``); when only
    new segments arrived, assign them to the nearest existing topic without a refit.
    ``languages`` (per segment): vectors are centred by language first.  Progress: stage
    ``topics``, in steps (a refit: the modeler's steps, then storing)."""
    track = tracker(progress)
    if languages:
        vectors = centre_by_language(vectors, languages)
    hashes = [text_hash(t) for t in texts]
    config = fingerprint("topics", model_id, dict(settings), "centred by language")
    fp = f"{config}:{fingerprint(hashes, ids)}"
    stored = store.analysis.stage_fingerprint("topics") or ""
    if not refit and stored == fp:
        with track.stage("topics"):  # done at once, as every stage shows
            return "skipped"
    if not refit and stored.startswith(f"{config}:"):
        new = _new_segments(store, ids, hashes)
        if new is not None:
            with track.stage("topics", 1):
                return _assign_new(store, modeler, ids, hashes, vectors[new], new, fp)
    steps = FIT_STEPS if _reports(modeler) else 1
    with track.stage("topics", steps + 1) as step:
        return _refit(store, modeler, model_id, ids, texts, hashes, vectors, fp, step)


def _reports(modeler: TopicModeler) -> bool:
    """Whether the modeler's ``fit`` takes ``advance`` (a swapped-in one may not)."""
    return "advance" in inspect.signature(modeler.fit).parameters


def _new_segments(store: Store, ids: list[int], hashes: list[str]) -> list[int] | None:
    """Rows of segments the topics stage has not seen, or None when a refit is due (no
    topics yet, or a segment seen before changed or is gone)."""
    seen = store.topics.topic_inputs()
    if not seen or not store.topics.topic_centroids():
        return None
    current = dict(zip(ids, hashes, strict=True))
    if any(current.get(s) != h for s, (h, _) in seen.items()):
        return None
    return [k for k, i in enumerate(ids) if i not in seen]


def _assign_new(
    store: Store,
    modeler: TopicModeler,
    ids: list[int],
    hashes: list[str],
    new_vectors: np.ndarray,
    rows: list[int],
    fp: str,
) -> str:
    """The new segments (``rows``) to the nearest topic centroid, -1 below the floor."""
    floor = getattr(modeler, "outlier_floor", OUTLIER_FLOOR)
    nearest, _ = nearest_topics(new_vectors, store.topics.topic_centroids(), floor)
    assignment = {ids[k]: int(t) for k, t in zip(rows, nearest, strict=True)}
    how = {-1: "outlier"}
    inputs = {ids[k]: (hashes[k], how.get(assignment[ids[k]], "assigned")) for k in rows}
    store.topics.assign_topics(assignment, inputs, fp)
    placed = sum(1 for t in assignment.values() if t != -1)
    return f"{placed} of {len(rows)} new segments assigned to existing topics (no refit)"


def _refit(
    store: Store,
    modeler: TopicModeler,
    model_id: str,
    ids: list[int],
    texts: list[str],
    hashes: list[str],
    vectors: np.ndarray,
    fp: str,
    step: Step,
) -> str:
    if _reports(modeler):
        result = modeler.fit(ids, texts, vectors, advance=step.advance)  # type: ignore[call-arg]
    else:
        result = modeler.fit(ids, texts, vectors)
        step.advance()
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
    store.topics.replace_topics(
        result.topics,
        result.assignment,
        fp,
        centroids=centroids,
        model=model_id,
        inputs=inputs,
    )
    step.advance()
    return f"{len(known)} topics"


def _how(topic: int, reassigned: bool) -> str:
    return "outlier" if topic == -1 else "reassigned" if reassigned else "fit"
