"""Emergent themes: the topics mapped onto the codebook, candidate new codes, and how the
topics spread over transcripts, regions and participant groups.

For each topic :func:`map_topics` gives the codes its segments carry (the share of the
topic's segments with the code suggested, accepted or added) and the codes it resembles
(cosine of the topic's centroid with each code, built as the suggester does: half the
label-definition-inclusion text, half the nearest example quote).  A topic no code
covers becomes a :class:`CandidateCode` when both

* ``min_coverage`` (default ``MIN_COVERAGE`` = 0.2): no code is on at least 20% of the
  topic's segments, and
* ``min_similarity`` (default ``MIN_SIMILARITY`` = 0.5): no code's similarity reaches 0.5
  (all-MiniLM-L6-v2: related texts score about 0.5-0.7, unrelated ones 0.0-0.3).

:func:`adopt_candidate` adds such a code to the codebook, its representative segments
(redacted text) as example quotes, so the next suggestion run suggests it.  Code vectors
are cached in the store's embeddings table, like segment vectors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from qualcode.codebook.edit import CodeState, add_code
from qualcode.embed.encoder import Embedder
from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.records import Codebook, Topic
from qualcode.review.coded import coded_rows
from qualcode.review.selection import Selection
from qualcode.settings import Settings
from qualcode.store import Store

MIN_COVERAGE = 0.2
MIN_SIMILARITY = 0.5
BY: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "transcript": lambda r: f"{r['title']} (#{r['transcript_id']})",
    "region": lambda r: r["region"] or "(none)",
    "group": lambda r: r["grp"] or "(none)",
}


@dataclass(frozen=True)
class CandidateCode:
    """A draft code for a topic no code covers: edit it, then adopt it."""

    topic_id: int
    code_id: str
    label: str
    definition: str
    examples: tuple[str, ...]  # the topic's representative segments (redacted text)


@dataclass(frozen=True)
class TopicMapping:
    topic: Topic
    codes: tuple[tuple[str, float], ...]  # (code, share of the topic's segments), top first
    similar: tuple[tuple[str, float], ...]  # (code, similarity to the topic), top 3
    coverage: float  # the largest share
    similarity: float  # the largest similarity
    candidate: CandidateCode | None  # set when no code covers the topic


@dataclass(frozen=True)
class DistributionRow:
    key: str  # the transcript, region or participant group
    topic_id: int
    topic_label: str
    count: int  # segments of the key in the topic
    share: float  # of the key's segments that have a topic


def map_topics(
    store: Store,
    embedder: Embedder | None = None,
    *,
    min_coverage: float = MIN_COVERAGE,
    min_similarity: float = MIN_SIMILARITY,
) -> list[TopicMapping]:
    """Each topic (largest first) with the codes it carries and resembles; a topic below
    both thresholds gets a candidate code.  ``embedder``: the project's by default."""
    from qualcode.codebook.project import use_codebook

    topics = [t for t in store.topics.topics() if t.topic_id != -1]
    centroids = store.topics.topic_centroids()
    if not topics or not centroids:
        return []
    embedder = embedder or _project_embedder(store)
    if store.topics.topic_model_id() not in ("", embedder.model_id):
        raise ConflictError(
            f"The topics were fitted on embeddings from '{store.topics.topic_model_id()}', not "
            f"'{embedder.model_id}'.",
            hint="Fit them again: `qualcode themes refit`.",
        )
    book = use_codebook(store, None)
    shares = _code_shares(store, {c.id for c in book.codes})
    sims = _similarities(store, embedder, book, centroids)
    taken = store.codebook.code_ids()
    out = []
    for t in topics:
        carried = sorted(shares[t.topic_id].items(), key=lambda kv: (-kv[1], kv[0]))
        similar = sorted(sims.get(t.topic_id, {}).items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        coverage = carried[0][1] if carried else 0.0
        similarity = similar[0][1] if similar else 0.0
        uncovered = coverage < min_coverage and similarity < min_similarity
        candidate = _candidate(store, t, taken) if uncovered else None
        if candidate is not None:
            taken.add(candidate.code_id)
        out.append(TopicMapping(t, tuple(carried), tuple(similar), coverage, similarity, candidate))
    return out


def candidates(
    store: Store, embedder: Embedder | None = None, **thresholds: float
) -> list[CandidateCode]:
    return [m.candidate for m in map_topics(store, embedder, **thresholds) if m.candidate]


def adopt_candidate(
    store: Store,
    topic_id: int,
    user: str,
    *,
    code_id: str | None = None,
    label: str | None = None,
    definition: str | None = None,
    parent: str | None = None,
    embedder: Embedder | None = None,
) -> CodeState:
    """Add the candidate code of topic ``topic_id`` to the codebook (with history), with
    the topic's representative segments as example quotes; any field may be overridden."""
    mapping = next((m for m in map_topics(store, embedder) if m.topic.topic_id == topic_id), None)
    if mapping is None:
        raise NotFoundError(
            f"No topic {topic_id} in this project.", hint="See `qualcode themes list`."
        )
    if mapping.candidate is None:
        by_similarity = mapping.similarity >= MIN_SIMILARITY or not mapping.codes
        near = (mapping.similar if by_similarity else mapping.codes)[0][0]
        raise ConflictError(
            f"Topic {topic_id} is already covered by the codebook (nearest code: '{near}').",
            hint="Edit that code instead, or see `qualcode themes candidates`.",
        )
    draft = mapping.candidate
    new_id = code_id or draft.code_id
    if store.codebook.code_record(new_id) is not None:
        raise ConflictError(
            f"Code id '{new_id}' is taken in this project.", hint="Choose another id (--id)."
        )
    code = {
        "id": new_id,
        "label": label or draft.label,
        "definition": definition or draft.definition,
        "examples": list(draft.examples),
        "parent": parent,
    }
    return add_code(store, code, user, note=f"adopted from emergent topic {topic_id}")


def distribution(
    store: Store, by: str = "transcript", selection: Selection | None = None
) -> list[DistributionRow]:
    """Topic counts and shares per transcript, region or participant group, over the
    transcripts ``selection`` keeps (its metadata filters; codes and statuses are not
    used).  Segments without a topic are not counted."""
    if by not in BY:
        raise InputError(f"Cannot group topics by '{by}'.", hint=f"Use one of: {', '.join(BY)}.")
    sel = selection or Selection()
    kept = {t["id"] for t in store.transcripts.transcripts(text=False) if sel.keeps_transcript(t)}
    labels = {t.topic_id: t.label for t in store.topics.topics()}
    counts: Counter[tuple[str, int]] = Counter(
        (BY[by](r), r["topic_id"]) for r in store.topics.topic_rows() if r["transcript_id"] in kept
    )
    totals: Counter[str] = Counter()
    for (key, _), n in counts.items():
        totals[key] += n
    return [
        DistributionRow(key, tid, labels.get(tid, ""), n, round(n / totals[key], 4))
        for (key, tid), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
    ]


def _project_embedder(store: Store) -> Embedder:
    """The project's embedder behind the store's cache: listing topics whose codebook and
    scale were embedded before reads vectors back and loads no model."""
    from qualcode.embed.cache import CachedEmbedder
    from qualcode.embed.choose import embedder_for

    settings = Settings.from_strings(store.settings.settings())
    return CachedEmbedder(store, embedder_for(settings, store.languages.present()))


def _code_shares(store: Store, codes: set[str]) -> dict[int, dict[str, float]]:
    """Per topic, the share of its segments carrying each code (suggested, accepted,
    added; a rejected suggestion does not count): the rows the exports count."""
    topic_of = store.topics.topic_assignment()
    sizes = Counter(topic_of.values())
    per_topic: dict[int, Counter[str]] = defaultdict(Counter)
    for row in coded_rows(store):
        if row["code"] in codes and row["segment_id"] in topic_of:
            per_topic[topic_of[row["segment_id"]]][row["code"]] += 1
    return defaultdict(
        dict, {t: {c: round(n / sizes[t], 4) for c, n in cs.items()} for t, cs in per_topic.items()}
    )


def _similarities(
    store: Store, embedder: Embedder, book: Codebook, centroids: Mapping[int, np.ndarray]
) -> dict[int, dict[str, float]]:
    """Per topic, each code's similarity: the mean of the centroid's cosine with the code's
    label-definition-inclusion text and with its nearest example quote, on the reference
    scale (``embed.scale``), so that ``min_similarity`` means the same for every model."""
    from qualcode.embed.cache import CachedEmbedder, embed_cached
    from qualcode.embed.scale import similarity_scale, to_reference

    scale = similarity_scale(CachedEmbedder(store, embedder))  # no model when cached

    tids = sorted(centroids)
    c = np.vstack([centroids[t] for t in tids])
    defs = [f"{k.label}. {k.definition} {k.inclusion}".strip() for k in book.codes]
    vecs = embed_cached(store, embedder, defs + [e for k in book.codes for e in k.examples])[0]
    out: dict[int, dict[str, float]] = {t: {} for t in tids}
    start = len(defs)
    for j, code in enumerate(book.codes):
        definition = c @ vecs[j]
        examples = vecs[start : start + len(code.examples)]
        start += len(code.examples)
        nearest = (c @ examples.T).max(axis=1) if len(examples) else definition
        for row, t in enumerate(tids):
            mean = 0.5 * definition[row] + 0.5 * nearest[row]
            out[t][code.id] = round(float(to_reference(np.asarray(mean), scale)), 4)
    return out


def _candidate(store: Store, topic: Topic, taken: set[str]) -> CandidateCode:
    key = [w for w in topic.label.split(" · ") if w and w != "(no words)"]
    more = [w for w in topic.words if w.lower() not in {k.lower() for k in key}]
    words = [w.lower() for w in key + more[: max(0, 5 - len(key))]]
    named = ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)
    definition = (
        f"DRAFT from emergent topic {topic.topic_id} ({topic.size} segments): participants "
        f"talk about {named or 'a theme no code covers'}. Edit this draft before use: say "
        "what the code covers and where it ends."
    )
    examples = tuple(store.segments.segment(i).text for i in topic.representative_segment_ids)
    label = ", ".join(key) if key else f"Emergent theme {topic.topic_id}"
    return CandidateCode(
        topic.topic_id, _code_id(key, topic.topic_id, taken), label, definition, examples
    )


def _code_id(words: list[str], topic_id: int, taken: set[str]) -> str:
    """A lower_snake id from the label's words, unique among the project's codes."""
    base = re.sub(r"[^a-z0-9]+", "_", "_".join(words[:3]).lower()).strip("_")[:48]
    if not re.match(r"^[a-z][a-z0-9_]+$", base):
        base = f"theme_{topic_id}" + (f"_{base}" if base else "")
    new, n = base, 1
    while new in taken:
        n += 1
        new = f"{base}_{n}"
    return new
