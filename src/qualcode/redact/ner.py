"""Statistical NER as a redaction layer: names and places from a trained spaCy pipeline.

The default model (``models/ner/model-best``, see its model card ``models/ner/README.md``)
is a small CNN pipeline trained on WNUT-17 and synthetic Central Asian focus-group
sentences.  Any spaCy v3 pipeline with an ``ner`` component works (``path=``); its labels
are mapped to qualcode's kinds by ``labels`` (default: PERSON/PER -> PERSON,
LOC/GPE/FAC -> PLACE, ORG -> ORG; other labels are ignored).

The pipeline is loaded on first use, not on construction, and cached on the instance.
Region-level places (Tashkent, Moscow ...) are found too: the redactor's keep-list, not
this layer, decides what stays.

The model's matrix products go to numpy's BLAS, on one thread (``_numpy_blas``): thinc
sends them to blis by default, which on the x86 servers we measured (AMD EPYC) is about
three times slower for the same float32 products, and those products (the tok2vec's four
maxout layers) are most of the model's time.  The spans come out the same on all four
evaluation sets (tests/redact/test_ner.py checks a batch against blis).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import ConfigError
from qualcode.nlp import load as load_pipeline
from qualcode.redact.words import Candidate, stem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_NER_PATH = Path(__file__).resolve().parents[3] / "models" / "ner" / "model-best"
DEFAULT_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "LOC": "PLACE",
    "GPE": "PLACE",
    "FAC": "PLACE",
    "ORG": "ORG",
}
CONFIDENCE = 0.75  # below declared names (1.0) and morphology hits (0.9): flagged for review
# Components the NER never needs; disabled in users' full pipelines for speed.
_UNNEEDED = {
    "tagger",
    "morphologizer",
    "parser",
    "lemmatizer",
    "trainable_lemmatizer",
    "attribute_ruler",
    "senter",
    "textcat",
    "textcat_multilabel",
}


class SpacyNer:
    """Entity candidates from a spaCy pipeline (``find`` / ``find_many``)."""

    def __init__(
        self,
        path: str | Path | None = None,
        labels: dict[str, str] | None = None,
        batch_size: int = 64,
    ) -> None:
        self.path = Path(path) if path is not None else DEFAULT_NER_PATH
        self.labels = dict(DEFAULT_LABELS if labels is None else labels)
        self.batch_size = batch_size
        self._nlp: Language | None = None
        self._one_thread: Callable[[], AbstractContextManager[object]] | None = None

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded and checked on first access."""
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    def _load(self) -> Language:
        hint = (
            "Point the NER setting at a spaCy v3 pipeline directory with an 'ner' component "
            f"(the bundled model is {DEFAULT_NER_PATH}; models/ner/train.sh rebuilds it)."
        )
        if not self.path.is_dir():
            raise ConfigError(f"NER model not found: {self.path} is not a directory.", hint=hint)
        try:
            nlp = load_pipeline(self.path)
        except (OSError, ValueError, KeyError) as err:
            raise ConfigError(
                f"NER model {self.path} is not a loadable spaCy pipeline: {err}", hint=hint
            ) from err
        if "ner" not in nlp.pipe_names:
            raise ConfigError(
                f"NER model {self.path} has no 'ner' component "
                f"(it has: {', '.join(nlp.pipe_names) or 'none'}).",
                hint=hint,
            )
        unneeded = [n for n in nlp.pipe_names if nlp.get_pipe_meta(n).factory in _UNNEEDED]
        for name in unneeded:
            nlp.disable_pipe(name)
        self._one_thread = _numpy_blas(nlp)
        return nlp

    def _candidates(self, doc: Doc) -> list[Candidate]:
        found = []
        for ent in doc.ents:
            kind = self.labels.get(ent.label_)
            if kind is None:
                continue
            key = " ".join(stem(w) for w in ent.text.split())
            found.append(Candidate(ent.start_char, ent.end_char, kind, key, CONFIDENCE))
        return found

    def find(self, text: str) -> list[Candidate]:
        """Entities in ``text`` as candidates with character offsets into ``text``."""
        return self.find_many([text])[0]

    def find_many(self, texts: Iterable[str]) -> list[list[Candidate]]:
        """``find`` for many texts at once (batched through ``nlp.pipe``)."""
        nlp = self.nlp
        assert self._one_thread is not None  # set by the load
        with self._one_thread():
            docs = list(nlp.pipe(texts, batch_size=self.batch_size))
        return [self._candidates(d) for d in docs]


def _numpy_blas(nlp: Language) -> Callable[[], AbstractContextManager[object]]:
    """Point every layer of ``nlp`` at thinc's numpy ops without blis (numpy's BLAS does
    the products) and return a context that holds that BLAS to one thread: the redactor
    is one worker among others, and a product of a few thousand rows gains little more."""
    from thinc.api import NumpyOps
    from threadpoolctl import ThreadpoolController

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops
    blas = ThreadpoolController().select(user_api="blas")
    return lambda: blas.limit(limits=1)
