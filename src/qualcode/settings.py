"""Project settings: stored in the project database as plain strings, validated here into
``Settings``.  ``pipeline.components`` builds each stage's default implementation from
them.  This module imports no stage, so every stage may read settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from qualcode.errors import ConfigError

# Redaction layers by name, in the order they run (implemented in ``redact.layers``).
LAYERS = (
    "patterns",
    "known",
    "orgs",
    "places",
    "gazetteer",
    "names",
    "russian",
    "ner",
    "unknown",
)
DEFAULT_LAYERS = ("patterns", "known", "orgs", "places", "gazetteer", "names", "ner", "unknown")

# What `qualcode suggest` removes from a list of texts before embedding them
# (``pipeline.textlist``), as redaction layers: names (every default layer: contacts,
# names, places), contacts (the patterns layer only) or none.
TextRedaction = Literal["names", "contacts", "none"]
TEXT_REDACTION_LAYERS: dict[str, tuple[str, ...]] = {
    "names": DEFAULT_LAYERS,
    "contacts": ("patterns",),
    "none": (),
}

# F-beta behind the per-code thresholds learned from decisions: recall-leaning by
# default, since coders reject a wrong suggestion faster than they find a missed one.
PREFERENCES = {"recall": 2.0, "balanced": 1.0, "precision": 0.5}

DEFAULTS: dict[str, str] = {
    # auto: all-MiniLM-L6-v2 while every segment is English, multilingual-e5-small as soon
    # as any is not; or a sentence-transformers model path, or one of the two by name
    "embedding_model": "auto",
    "embedding_precision": "auto",  # auto: embed.choose.auto_precision (gate-driven)
    "segment_max_chars": "600",
    "topic_reducer": "pca",
    "topic_clusterer": "kmeans",
    "n_topics": "0",
    "min_topic_size": "8",
    "topic_outlier_floor": "0.35",  # short segments / outliers join a topic this similar
    "suggest_threshold": "0.45",
    "suggest_top_k": "0",  # at most this many codes per segment; 0: thresholds decide
    "suggest_preference": "recall",  # thresholds from decisions: recall|balanced|precision
    "blind_coding": "false",  # true: a coder sees only their own decisions
    "redact_keep": "",  # words never redacted, comma-separated (e.g. district names needed)
    "redact_orgs": "",  # organisations that identify a person, comma-separated
    "redact_layers": ",".join(DEFAULT_LAYERS),
    "redact_ner_model": "",  # a spaCy pipeline path; empty: the judge in models/judge
    "redact_districts": "false",  # true: redact the district named in a transcript's metadata
}
BOOLEANS = ("blind_coding", "redact_districts")


@dataclass(frozen=True)
class Settings:
    embedding_model: str
    embedding_precision: str
    segment_max_chars: int
    topic_reducer: str
    topic_clusterer: str
    n_topics: int
    min_topic_size: int
    topic_outlier_floor: float
    suggest_threshold: float
    suggest_top_k: int
    suggest_preference: str
    blind_coding: str
    redact_keep: str
    redact_orgs: str
    redact_layers: str
    redact_ner_model: str
    redact_districts: str

    @classmethod
    def from_strings(cls, values: dict[str, str]) -> Settings:
        merged = {**DEFAULTS, **{k: v for k, v in values.items() if k in DEFAULTS}}
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            kwargs[f.name] = _convert(f.name, merged[f.name], f.type)
        return cls(**kwargs)

    def as_strings(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items()}


ZERO_ALLOWED = ("n_topics", "suggest_top_k")  # 0: automatic / no cap


def _convert(name: str, raw: str, kind: Any) -> Any:
    try:
        if kind in (int, "int"):
            value: Any = int(raw)
            if value < 0 or (value == 0 and name not in ZERO_ALLOWED):
                raise ValueError
            return value
        if kind in (float, "float"):
            number = float(raw)
            if not 0.0 <= number <= 1.0:
                raise ValueError
            return number
        if name in BOOLEANS and raw not in ("true", "false"):
            raise ConfigError(f"Setting '{name}' has the value '{raw}'.", hint="Use true or false.")
        if name == "suggest_preference" and raw not in PREFERENCES:
            raise ConfigError(
                f"Setting 'suggest_preference' has the value '{raw}'.",
                hint=f"Use one of: {', '.join(PREFERENCES)}.",
            )
        if name == "redact_layers":
            return ",".join(check_layers(split_list(raw)))
    except ValueError:
        raise ConfigError(
            f"Setting '{name}' has the value '{raw}', which is not a valid {kind}.",
            hint=f"Set it again, e.g. `qualcode init --set {name}={DEFAULTS[name]}`.",
        ) from None
    return raw


def parse_assignments(items: list[str]) -> dict[str, str]:
    """Parse ``key=value`` strings from the command line, checking keys exist."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key.strip() not in DEFAULTS:
            raise ConfigError(
                f"Cannot use the setting '{item}'.",
                hint=f"Write key=value with a key among: {', '.join(DEFAULTS)}.",
            )
        out[key.strip()] = value.strip()
    Settings.from_strings(out)  # validate values now, before anything is stored
    return out


def split_list(raw: str) -> list[str]:
    return [w.strip() for w in raw.split(",") if w.strip()]


def check_layers(layers: Sequence[str]) -> tuple[str, ...]:
    unknown = [name for name in layers if name not in LAYERS]
    if unknown:
        raise ConfigError(
            f"Unknown redaction layer(s): {', '.join(unknown)}.",
            hint=f"Choose among: {', '.join(LAYERS)}.",
        )
    return tuple(name for name in LAYERS if name in layers)  # canonical order
