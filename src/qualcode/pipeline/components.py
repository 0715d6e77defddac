"""The default implementation of each stage, built from the project's settings.

Pass your own ``Components`` (any objects with the stages' interfaces) to
``pipeline.process`` to swap a stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qualcode.embed.choose import embedder_for
from qualcode.settings import PREFERENCES, Settings, split_list

if TYPE_CHECKING:
    from qualcode.coding.suggest import Suggester
    from qualcode.embed.encoder import Embedder
    from qualcode.redact import RuleRedactor
    from qualcode.segment.sentences import Segmenter
    from qualcode.store import Store
    from qualcode.topics.model import TopicModeler


@dataclass
class Components:
    """One implementation per stage; any object with the stage's interface will do."""

    embedder: Embedder
    segmenter: Segmenter
    topic_modeler: TopicModeler
    suggester: Suggester
    topic_settings: dict[str, Any]
    suggest_settings: dict[str, Any]


def components_for(store: Store, *, cache: bool = True) -> Components:
    """The defaults for this project; an ``auto`` embedding model is chosen from the
    languages of the segments detected so far.  With ``cache``, every text the stages
    embed is kept in the project's store, so a run encodes only what is new."""
    from qualcode.embed.cache import CachedEmbedder

    settings = Settings.from_strings(store.settings.settings())
    embedder = embedder_for(settings, store.languages.present())
    return default_components(settings, CachedEmbedder(store, embedder) if cache else embedder)


def default_components(s: Settings, embedder: Embedder | None = None) -> Components:
    from qualcode.coding.suggest import ZeroShotSuggester
    from qualcode.segment.sentences import SentenceSegmenter
    from qualcode.topics.model import BERTopicModeler

    emb: Embedder = embedder or embedder_for(s)
    topic: dict[str, Any] = {
        "reducer": s.topic_reducer,
        "clusterer": s.topic_clusterer,
        "n_topics": s.n_topics,
        "min_topic_size": s.min_topic_size,
        "outlier_floor": s.topic_outlier_floor,
    }
    return Components(
        embedder=emb,
        segmenter=SentenceSegmenter(max_chars=s.segment_max_chars),
        topic_modeler=BERTopicModeler(**topic, embedder=emb),  # for KeyBERT-style words
        suggester=ZeroShotSuggester(emb, threshold=s.suggest_threshold, top_k=s.suggest_top_k),
        topic_settings=dict(topic),
        suggest_settings={
            "threshold": s.suggest_threshold,
            "top_k": s.suggest_top_k,
            "beta": PREFERENCES[s.suggest_preference],
        },
    )


def redactor_for(store: Store) -> RuleRedactor:
    """The project's redactor, from its ``redact_*`` settings."""
    from qualcode.redact import RuleRedactor

    s = Settings.from_strings(store.settings.settings())
    return RuleRedactor(
        keep=split_list(s.redact_keep),
        layers=split_list(s.redact_layers),
        orgs=split_list(s.redact_orgs),
        ner_model=s.redact_ner_model or None,
        redact_districts=s.redact_districts == "true",
    )
