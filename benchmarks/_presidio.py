"""Microsoft Presidio (presidio-analyzer) as a peer detector, configured to run fully offline.

What Presidio is given, and nothing more:

- NLP engine: ``spacy.blank("en")`` (tokenizer only; no NER model, nothing downloaded), plus a
  tiny component that sets each token's lemma to its lower-cased text so that Presidio's
  context words ("phone", "email", "card", ...) can still raise scores.  Without an NER
  model Presidio's ``SpacyRecognizer`` would find nothing, so it is not registered.
- Recognizers: every predefined recognizer that Presidio enables by default for English
  (credit card, crypto, date, email, IBAN, IP, MAC, URL, UUID, US/UK ID numbers, medical
  licence, ...), with ``PhoneRecognizer`` widened to the regions of this project: UZ, TJ, KG,
  KZ, RU on top of Presidio's defaults (US, GB, DE, FR, IL, IN, CA, BR).
- Known names: for each transcript, an ad-hoc ``PatternRecognizer`` (PERSON) whose deny list
  holds the participant list and the facilitator, each full name and each of its words
  (two letters or more) -- the same list that qualcode's redactor receives.  Presidio's deny
  list matches whole words only (case-insensitive), so inflected forms ("Dilnozaning") are
  left to Presidio's other recognizers, as they would be in a real deployment.
- Score threshold: Presidio's own default (0: every result is kept) unless ``threshold``.

Offline: tldextract (used by Presidio's email validation) would fetch the public suffix list
on first use.  ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS=""`` (no URLs: tldextract falls back to the
snapshot bundled in its wheel) and ``TLDEXTRACT_CACHE=""`` (no cache directory written) are set
before tldextract is imported; ``check_offline()`` verifies that this took effect.
"""

from __future__ import annotations

import os

os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
os.environ["TLDEXTRACT_CACHE"] = ""

from collections.abc import Sequence

import spacy
from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    PatternRecognizer,
    RecognizerRegistry,
)
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer
from spacy.language import Language
from spacy.tokens import Doc

from qualcode.redact.evaluate import EvalDoc, Predicted

LOCAL_REGIONS = ("UZ", "TJ", "KG", "KZ", "RU")
PHONE_REGIONS = LOCAL_REGIONS + tuple(PhoneRecognizer.DEFAULT_SUPPORTED_REGIONS)

# Presidio entity types -> the evaluation set's labels.  Types not listed fall back to ID
# (all remaining predefined types are identifier numbers of some kind).
TO_OURS = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "CREDIT_CARD": "CARD",
    "IBAN_CODE": "ID",
    "US_SSN": "ID",
    "US_PASSPORT": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_ITIN": "ID",
    "US_BANK_NUMBER": "ID",
    "UK_NHS": "ID",
    "MEDICAL_LICENSE": "ID",
    "IP_ADDRESS": "ID",
    "MAC_ADDRESS": "ID",
    "UUID": "ID",
    "CRYPTO": "ID",
    "LOCATION": "PLACE",
    "GPE": "PLACE",
    "ADDRESS": "ADDRESS",
    "DATE_TIME": "DOB",
    "AGE": "AGE",
    "ORGANIZATION": "ORG",
    "NRP": "ORG",
}


@Language.component("qualcode_bench_lower_lemma")
def _lower_lemma(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = token.lower_
    return doc


class BlankSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over ``spacy.blank("en")``: tokens and lower-case lemmas only."""

    def __init__(self) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": "blank:en"}])

    def load(self) -> None:
        nlp = spacy.blank("en")
        nlp.add_pipe("qualcode_bench_lower_lemma")
        self.nlp = {"en": nlp}  # type: ignore[assignment]


def check_offline() -> None:
    """Fail loudly if tldextract would go to the network for the public suffix list."""
    import tldextract.tldextract as tx

    extractor = tx.TLD_EXTRACTOR
    if extractor.suffix_list_urls or extractor._cache.enabled:
        raise RuntimeError(
            "tldextract was imported before benchmarks/_presidio.py could switch it to its "
            f"bundled snapshot (urls={extractor.suffix_list_urls!r}); import _presidio first"
        )


def build_analyzer(regions: Sequence[str] = PHONE_REGIONS) -> AnalyzerEngine:
    """Presidio's analyzer with the offline engine and its default English recognizers."""
    check_offline()
    engine = BlankSpacyNlpEngine()
    engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
    registry.recognizers = [
        rec
        for rec in registry.recognizers
        if not isinstance(rec, SpacyRecognizer | PhoneRecognizer)
    ]
    registry.add_recognizer(PhoneRecognizer(supported_regions=tuple(regions)))
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])


def name_terms(names: Sequence[str]) -> list[str]:
    """Deny-list terms for known names: each full name and each of its words."""
    terms: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        terms.add(name)
        terms.update(w for w in name.split() if len(w) >= 2)
    # Longest first, so that a full name wins over its first word in the alternation.
    return sorted(terms, key=lambda t: (-len(t), t))


class PresidioDetector:
    """A ``Detector`` (``EvalDoc -> list[Predicted]``) backed by Presidio's analyzer.

    Each turn's speaker label and text are analysed separately, as qualcode redacts them.
    """

    def __init__(
        self,
        *,
        threshold: float | None = None,
        regions: Sequence[str] = PHONE_REGIONS,
        known_names: bool = True,
    ) -> None:
        self.regions = tuple(regions)
        self.analyzer = build_analyzer(self.regions)
        self.threshold = threshold
        self.known_names = known_names

    def describe(self) -> str:
        names = "participant+facilitator deny list" if self.known_names else "no known names"
        thr = "default (0)" if self.threshold is None else f"{self.threshold:g}"
        return f"blank spaCy en, phone regions {'/'.join(self.regions)}, {names}, threshold {thr}"

    def __call__(self, doc: EvalDoc) -> list[Predicted]:
        ad_hoc: list[EntityRecognizer] = []
        if self.known_names:
            names = [*doc.participants, *([doc.facilitator] if doc.facilitator else [])]
            terms = name_terms(names)
            if terms:
                ad_hoc.append(
                    PatternRecognizer(supported_entity="PERSON", deny_list=terms, name="KnownNames")
                )
        out: dict[Predicted, None] = {}  # ordered set: two ID types on one span count once
        for i, turn in enumerate(doc.turns):
            for field, text in (("speaker", turn.speaker), ("text", turn.text)):
                if not text or not text.strip():
                    continue
                results = self.analyzer.analyze(
                    text,
                    language="en",
                    ad_hoc_recognizers=ad_hoc or None,
                    score_threshold=self.threshold,
                )
                for r in results:
                    label = TO_OURS.get(r.entity_type, "ID")
                    out[Predicted(i, field, r.start, r.end, label)] = None
        return list(out)
