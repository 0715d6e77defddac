"""Names in Russian (Cyrillic) passages of English transcripts, found by natasha (MIT):
slovnet NER on navec embeddings, both bundled in the natasha wheel, so nothing is
downloaded at run time.  natasha is imported on the first text with Cyrillic in it.

Only the Cyrillic stretches of a text are tagged (a stretch runs from a Cyrillic letter
to the last Cyrillic letter before the next Latin one), sentence by sentence (razdel),
all sentences of a text in batches; offsets are mapped back.
Region-level places (Москва, Ферганская область) are left: the analysis needs them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from qualcode.redact.gazetteer import is_region
from qualcode.redact.words import CYRILLIC, WORD, Candidate, stem

CONFIDENCE = 0.85
KINDS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
STRETCH = re.compile(r"[\u0400-\u04FF](?:[^A-Za-z]*[\u0400-\u04FF])?")
# Words around a region name that do not make it a smaller place: "Ферганской области".
GENERIC = re.compile(
    r"(?i)^(?:област\w*|обл|регион\w*|республик\w*|город\w*|г|столиц\w*|вилоят\w*|"
    r"край|края|краю|краем|крае|oblast|region|viloyati?)$"
)


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    """razdel's sentence splitter and natasha's news NER tagger (0.5 s to load)."""
    from natasha import NewsEmbedding, NewsNERTagger
    from razdel import sentenize

    return sentenize, NewsNERTagger(NewsEmbedding())


def cyrillic_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of Cyrillic text."""
    return [m.span() for m in STRETCH.finditer(text)]


def _region(words: list[str]) -> bool:
    words = [w for w in words if not GENERIC.match(w)]
    return bool(words) and is_region(" ".join(words))


class NatashaNer:
    """Russian NER (natasha) over the Cyrillic passages of a text."""

    def __init__(self, *, keep_regions: bool = True) -> None:
        self.keep_regions = keep_regions  # drop LOC spans that are region-level names

    def find(self, text: str) -> list[Candidate]:
        if not CYRILLIC.search(text):
            return []
        sentenize, tagger = _models()
        sents = [
            (offset + sent.start, sent.text)
            for offset, end in cyrillic_stretches(text)
            for sent in sentenize(text[offset:end])
        ]
        sents.sort(key=lambda s: len(s[1]))  # batches of similar length pad least
        found: list[Candidate] = []
        for (offset, _), markup in zip(sents, tagger.map([s for _, s in sents]), strict=True):
            for span in markup.spans:
                kind = KINDS.get(span.type)
                words = WORD.findall(markup.text[span.start : span.stop])
                if kind is None or (kind == "PLACE" and self.keep_regions and _region(words)):
                    continue
                key = " ".join(stem(w) for w in words)
                start, stop = offset + span.start, offset + span.stop
                found.append(Candidate(start, stop, kind, key, CONFIDENCE))
        return sorted(found, key=lambda c: c.start)
