"""Say so when segments are in languages the embedding model does not cover: suggestions
and themes for them would be unreliable, and users must not be left to find out."""

from __future__ import annotations

from collections.abc import Mapping

from qualcode.embed.encoder import Embedder
from qualcode.languages import name

NOT_A_LANGUAGE = frozenset({"", "und"})
# A language is reported from this many segments and this share of all of them: a
# detector misreads the odd short English turn as German or Turkish.
MIN_SEGMENTS = 3
MIN_SHARE = 0.01


def uncovered(counts: Mapping[str, int], embedder: Embedder) -> dict[str, int]:
    """Segments per language that ``embedder`` does not cover (none when its languages
    are unknown, as for a model the user brings)."""
    covered = getattr(embedder, "languages", None)
    if covered is None:
        return {}
    mixed_ok = len(covered) > 1  # a mixed segment needs a multilingual model
    enough = max(MIN_SEGMENTS, MIN_SHARE * sum(counts.values()))  # not a stray misreading
    return {
        code: n
        for code, n in counts.items()
        if code not in NOT_A_LANGUAGE
        and code not in covered
        and not (code == "mixed" and mixed_ok)
        and n >= enough
    }


def coverage_warning(counts: Mapping[str, int], embedder: Embedder) -> str | None:
    missing = uncovered(counts, embedder)
    if not missing:
        return None
    total = sum(counts.values())
    which = ", ".join(f"{name(c)} {n}" for c, n in sorted(missing.items(), key=lambda x: -x[1]))
    return (
        f"{sum(missing.values())} of {total} segments are in languages the embedding model "
        f"'{embedder.model_id.split('|')[0]}' does not cover ({which}): their suggestions and "
        "themes will be unreliable. Use the multilingual model: `qualcode init PROJECT --set "
        "embedding_model=multilingual-e5-small`, then `qualcode process`."
    )
