"""The default NER layer: a classifier of each doubtful word in its context.

The gate (``doubt.DoubtGate``) leaves few words in doubt: capitalised Latin words common
enough in English to pass as a word ('Grace', 'Hope', 'Bill', 'Welcome', 'Twenty') and not
settled by the transcript or the name lists.  The spaCy model (``models/ner``) decided
them by reading six words either side of each, and was the redactor's largest cost.
``WordJudge`` decides each one from a few features of the word and the two words either
side (``features``): a logistic regression trained here (``models/judge``, its model card
and training script), whose weights are a table from feature to weight.  Scoring a word
is a sum of about twenty table look-ups.

The model's threshold was chosen on the NER's development split and the demo corpus, not
on an evaluation set (models/judge/README.md, which also says how that rule came about).
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Sequence
from pathlib import Path

from qualcode.errors import ConfigError
from qualcode.redact.doubt import DoubtGate
from qualcode.redact.givennames import GivenNames
from qualcode.redact.names import fold
from qualcode.redact.ner import CONFIDENCE  # as the spaCy model's hits: flagged for review
from qualcode.redact.ordinary import Ordinary
from qualcode.redact.words import (
    CAP_WORD,
    KEEP,
    WORD,
    Candidate,
    sentence_initial,
    stem,
    zipf,
)

DEFAULT_JUDGE_PATH = Path(__file__).resolve().parents[3] / "models" / "judge" / "model.json.gz"
FORMAT = 1
REACH = 60  # characters either side in which to look for the context words
HINT = "Reinstall qualcode, or rebuild the model with models/judge/train.py."


def _context(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The two words before (folded) and after (as written) the word at start:end, with
    <s> and </s> where the text runs out."""
    before = [fold(m.group(0)) for m in WORD.finditer(text, max(0, start - REACH), start)][-2:]
    after: list[str] = []
    for m in WORD.finditer(text, end, min(len(text), end + REACH)):
        after.append(m.group(0))
        if len(after) == 2:
            break
    return ["<s>"] * (2 - len(before)) + before, after + ["</s>"] * (2 - len(after))


def features(text: str, start: int, end: int) -> list[str]:
    """The features of the word at ``text[start:end]``: the word, its ending and
    frequency band, whether it opens a sentence, the punctuation either side, the two
    words either side, and pairs of these."""
    w = fold(text[start:end])
    (p2, p1), (n1, n2) = _context(text, start, end)
    n1f, n2f = fold(n1), fold(n2)
    left = text[max(0, start - 2) : start].strip()[-1:] or "_"
    right = text[end : end + 2].strip()[:1] or "_"
    ini = "I" if sentence_initial(text, start) else "M"
    n1cap = "C" if n1[:1].isupper() else "l"
    shape = "A" if text[start:end].isupper() else "a"
    z = str(int(zipf(w) * 2))
    n1z = "E" if n1 == "</s>" else str(int(zipf(n1f) * 2))
    return [
        f"w={w}",
        f"s3={w[-3:]}",
        f"ini={ini}",
        f"p1={p1}",
        f"p2={p2}",
        f"n1={n1f}",
        f"n2={n2f}",
        f"L={left}",
        f"R={right}",
        f"n1c={n1cap}",
        f"sh={shape}",
        f"z={z}",
        f"ini|z={ini}{z}",
        f"p1|w={p1}|{w}",
        f"w|n1={w}|{n1f}",
        f"ini|n1c={ini}{n1cap}",
        f"R|ini={right}{ini}",
        f"n1z={n1z}{n1cap}",
        f"p1R={p1}{right}",
    ]


class WordJudge:
    """The probability that a doubtful word names a person, from ``features``.
    ``path``: a model written by models/judge/train.py (default: the bundled one),
    loaded on first use."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_JUDGE_PATH
        self._model: tuple[dict[str, float], float, float] | None = None

    @property
    def threshold(self) -> float:
        return self._load()[2]

    def probability(self, text: str, start: int, end: int) -> float:
        weights, intercept, _ = self._load()
        score = intercept + sum(weights.get(f, 0.0) for f in features(text, start, end))
        return 1.0 / (1.0 + math.exp(-score))

    def is_name(self, text: str, start: int, end: int) -> bool:
        return self.probability(text, start, end) >= self.threshold

    def _load(self) -> tuple[dict[str, float], float, float]:
        if self._model is None:
            self._model = _read(self.path)
        return self._model


def _read(path: Path) -> tuple[dict[str, float], float, float]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
        if data.get("format") != FORMAT:
            raise ValueError("unknown format")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return weights, float(data["intercept"]), float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise ConfigError(
            f"The doubtful-word model {path.name} could not be read ({type(err).__name__}).",
            hint=HINT,
        ) from err


class JudgedDoubts(DoubtGate):
    """The NER layer with ``WordJudge``: each doubtful word that the judge takes for a
    name becomes a PERSON candidate of that word alone (the layers after it, and the
    grouping of adjacent names, join it to the rest of a full name); a keep-list word
    in doubt for the capitalised word after it ('Temir Sattorov', ``DoubtGate.pair``)
    becomes one candidate with that word."""

    def __init__(
        self,
        judge: WordJudge | None = None,
        keep: frozenset[str] = KEEP,
        names: GivenNames | None = None,
    ) -> None:
        super().__init__(keep, names)
        self.judge = judge or WordJudge()

    def find_groups(
        self, groups: Sequence[tuple[Sequence[str], Ordinary | None]]
    ) -> list[list[list[Candidate]]]:
        return [[self._judged(text, ordinary) for text in texts] for texts, ordinary in groups]

    def _judged(self, text: str, ordinary: Ordinary | None) -> list[Candidate]:
        found = []
        for m in self.doubtful_words(text, ordinary):
            if not self.judge.is_name(text, m.start(), m.end()):
                continue
            end = m.end()
            if fold(m.group(0)) in self.keep:  # 'Temir Sattorov': a pair, a name together
                after = CAP_WORD.match(text, end + 1)
                end = after.end() if after else end
            found.append(Candidate(m.start(), end, "PERSON", stem(m.group(0)), CONFIDENCE))
        return self._kept(text, found)
