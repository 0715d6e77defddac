"""Codebook diagnostics: near-duplicate codes, thin codes, codes that find nothing or
everything, vague codes and notes naming unknown codes are found; a sound code is not."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import numpy as np
import pytest

from helpers import DRIVERS, HashEmbedder
from qualcode.codebook.load import load_codebook, parse_codebook
from qualcode.coding.diagnose import CodebookDiagnosis, diagnose_codebook
from qualcode.coding.findings import (
    FINDS_NOTHING,
    FLAT,
    INDISTINCT,
    THIN,
    TOO_BROAD,
    UNKNOWN_REFERENCE,
    Limits,
)
from qualcode.coding.suggest import ZeroShotSuggester
from qualcode.records import Codebook

TOPICS = {
    "jobs": ["no work", "factory closed", "unemployed men", "no salary", "jobless youth"],
    "school": ["girls leave school", "teachers absent", "school fees", "pupils", "classroom"],
    "wedding": ["wedding costs", "bride price", "wedding debt", "guests feast", "dowry"],
    "police": ["police bribes", "officers ignore complaints", "corrupt police", "court", "arrest"],
}
PLACES = ["village", "district", "town", "valley", "market", "mahalla", "bazaar", "street"]


def corpus() -> list[str]:
    """48 segments, 12 per topic, each naming one topic's phrase and a place."""
    return [
        f"In the {PLACES[(i + k) % len(PLACES)]} people talk about {phrases[i % len(phrases)]}."
        for k, phrases in enumerate(TOPICS.values())
        for i in range(12)
    ]


CODES: list[dict[str, Any]] = [
    {
        "id": "unemployment",
        "label": "Unemployment",
        "definition": "No work for men and youth: the factory closed, jobless and unemployed "
        "people, no salary.",
        "exclusion": "Going abroad for work goes to labour_migration; school matters go to "
        "education.",
        "examples": ["The factory closed and the men have no work."],
        "keywords": ["unemployed", "jobless"],
    },
    {
        "id": "joblessness",
        "label": "Unemployment of men",
        "definition": "Jobless and unemployed men and youth with no work and no salary since "
        "the factory closed.",
        "examples": ["The factory closed, the men have no work and no salary."],
        "keywords": ["jobless", "unemployed"],
    },
    {
        "id": "education",
        "label": "Education",
        "definition": "Girls leave school early; teachers are absent; school fees keep pupils "
        "out of the classroom.",
        "examples": ["Girls leave school because of the school fees."],
        "keywords": ["school", "teachers"],
    },
    {
        "id": "weddings",
        "label": "Wedding costs",
        "definition": "Wedding costs, the bride price and the dowry put families into debt; "
        "feasts for hundreds of guests.",
        "examples": ["The wedding debt and the bride price ruin the family."],
        "keywords": ["wedding", "dowry"],
    },
    {
        "id": "astronomy",
        "label": "Astronomy",
        "definition": "Stars, planets, comets and galaxies seen through telescopes by "
        "astronomers and astronauts.",
        "examples": ["We watched a comet through the telescope."],
        "keywords": ["telescope", "galaxy"],
    },
    {"id": "stuff", "label": "Stuff", "definition": "Stuff."},
]


def book(codes: list[dict[str, Any]] = CODES) -> Codebook:
    return parse_codebook({"name": "test", "version": "1", "codes": codes}, source="test")


@pytest.fixture(scope="module")
def with_corpus() -> CodebookDiagnosis:
    texts = corpus()
    return diagnose_codebook(book(), HashEmbedder(), texts, ids=range(100, 100 + len(texts)))


def kinds(diagnosis: CodebookDiagnosis) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.kind, f.codes) for f in diagnosis.findings}


def test_near_duplicate_codes_are_indistinct_and_distinct_ones_are_not() -> None:
    alone = diagnose_codebook(book(), HashEmbedder())
    pairs = [f.codes for f in alone.findings if f.kind == INDISTINCT]
    assert pairs == [("unemployment", "joblessness")]
    finding = next(f for f in alone.findings if f.kind == INDISTINCT)
    assert finding.evidence["descriptions"] > finding.evidence["typical_descriptions"]
    assert "exclusion note" in finding.message and "merge" in finding.message


def test_with_a_corpus_indistinct_codes_share_their_top_segments(
    with_corpus: CodebookDiagnosis,
) -> None:
    finding = next(f for f in with_corpus.findings if f.kind == INDISTINCT)
    assert finding.codes == ("unemployment", "joblessness")
    assert finding.evidence["scores"] > 0.5 and finding.evidence["top"] >= 0.5
    shared = finding.evidence["shared_segments"]
    assert 2 <= len(shared) <= 3
    assert all(s["segment_id"] >= 100 for s in shared)
    assert all(any(p in s["text"] for p in TOPICS["jobs"]) for s in shared)
    assert [f.codes for f in with_corpus.findings if f.kind == INDISTINCT] == [finding.codes]


def test_a_label_only_code_is_thin_and_a_complete_one_is_not() -> None:
    diagnosis = diagnose_codebook(book(), HashEmbedder())
    thin = {f.codes[0]: f for f in diagnosis.findings if f.kind == THIN}
    assert set(thin) == {"stuff"}
    assert thin["stuff"].evidence["missing"] == ["definition", "examples", "keywords"]
    assert "only a label" in thin["stuff"].message or "label" in thin["stuff"].message


def test_a_short_definition_without_keywords_says_which_parts_are_missing() -> None:
    codes = [*CODES[:4], {"id": "media", "label": "Media", "definition": "News on phones."}]
    codes[4]["examples"] = ["Everyone believes the videos on Telegram."]
    finding = next(f for f in diagnose_codebook(book(codes), HashEmbedder()).findings
                   if f.kind == THIN)  # fmt: skip
    assert finding.evidence["missing"] == ["definition", "keywords"]
    assert "3 words" in finding.message and "keywords" in finding.message


def test_a_code_matching_no_segment_finds_nothing(with_corpus: CodebookDiagnosis) -> None:
    found = kinds(with_corpus)
    assert (FINDS_NOTHING, ("astronomy",)) in found
    assert not any(k == FINDS_NOTHING and c != ("astronomy",) and c != ("stuff",) for k, c in found)
    summary = {c.id: c for c in with_corpus.codes}
    assert summary["astronomy"].share_suggested == 0
    assert summary["education"].share_suggested is not None
    assert 0 < summary["education"].share_suggested < 0.5  # few topics: a best code each


def test_an_exclusion_naming_an_unknown_code_is_flagged_and_a_known_one_is_not() -> None:
    diagnosis = diagnose_codebook(book(), HashEmbedder())
    refs = [f for f in diagnosis.findings if f.kind == UNKNOWN_REFERENCE]
    assert [(f.codes, f.evidence["unknown_ids"]) for f in refs] == [
        (("unemployment",), ["labour_migration"])
    ]
    assert "labour_migration" in refs[0].message


def test_backticked_ids_count_as_references() -> None:
    codes = [*CODES[2:4]]
    codes[0] = {**codes[0], "exclusion": "Use `weddings` or `marriage`."}
    refs = [f for f in diagnose_codebook(book(codes), HashEmbedder()).findings
            if f.kind == UNKNOWN_REFERENCE]  # fmt: skip
    assert [f.evidence["unknown_ids"] for f in refs] == [["marriage"]]


def test_too_broad_and_flat_follow_their_limits() -> None:
    texts = corpus()
    broad = diagnose_codebook(book(CODES[2:4]), HashEmbedder(), texts, limits=Limits(broad=0.0))
    assert {(f.kind, f.codes) for f in broad.findings} >= {(TOO_BROAD, ("education",))}
    flat = diagnose_codebook(book(CODES[2:4]), HashEmbedder(), texts, limits=Limits(flat=99))
    assert FLAT in {f.kind for f in flat.findings}
    plain = diagnose_codebook(book(CODES[2:4]), HashEmbedder(), texts)
    assert not [f for f in plain.findings if f.kind != TOO_BROAD]


def test_summary_names_parts_and_the_nearest_code(with_corpus: CodebookDiagnosis) -> None:
    summary = {c.id: c for c in with_corpus.codes}
    assert summary["unemployment"].nearest == "joblessness"
    assert summary["unemployment"].parts == ("definition", "exclusion", "examples", "keywords")
    assert summary["stuff"].parts == ("definition",)
    assert summary["stuff"].missing == ("definition", "examples", "keywords")
    assert with_corpus.segments == 48 and not with_corpus.ok
    json.dumps(asdict(with_corpus))  # JSON-ready throughout


def test_too_few_segments_skip_the_corpus_checks_and_say_so() -> None:
    diagnosis = diagnose_codebook(book(), HashEmbedder(), corpus()[:10])
    assert diagnosis.segments == 0 and "10 segments" in diagnosis.notes[0]
    assert all(c.share_suggested is None for c in diagnosis.codes)


def test_picked_is_what_suggest_suggests() -> None:
    emb, texts = HashEmbedder(), corpus()
    model = ZeroShotSuggester(emb, top_k=2).fit(load_codebook(DRIVERS))
    vectors = emb.encode(texts)
    picked = model.picked(model.scores(texts, vectors))
    suggested = {(s.segment_id, s.code_id) for s in model.suggest(range(48), texts, vectors)}
    rows, cols = np.nonzero(picked)
    assert suggested == {(int(r), model.code_ids_[c]) for r, c in zip(rows, cols, strict=True)}
    assert suggested and (picked.sum(axis=1) <= 2).all()


@pytest.mark.slow
def test_the_real_model_finds_a_duplicate_in_the_drivers_codebook(real_embedder: Any) -> None:
    """The real all-MiniLM-L6-v2: the demo codebook is clean; a copy of one of its codes,
    reworded, is caught, with and without a corpus."""
    from dataclasses import replace

    from qualcode.records import Code

    drivers = load_codebook(DRIVERS)
    assert not [f for f in diagnose_codebook(drivers, real_embedder).findings]
    copy = Code(
        "jobs",
        "Lack of work",
        "No jobs and no income at home: people without work, factories closed, "
        "no salary for months.",
        examples=("There is no work here, the factory closed and nobody pays a salary.",),
        keywords=("jobless", "no work"),
    )
    doubled = replace(drivers, codes=(*drivers.codes, copy))
    pairs = [f.codes for f in diagnose_codebook(doubled, real_embedder).findings
             if f.kind == INDISTINCT]  # fmt: skip
    assert pairs == [("unemployment", "jobs")]


def test_a_project_is_checked_right_after_ingest(store: Any) -> None:
    """Transcripts not segmented yet are segmented (as `process` would) and the segments
    embedded and cached; the project's stored codebook is read, not written."""
    from helpers import DEMO_CORPUS
    from qualcode.pipeline.components import default_components
    from qualcode.pipeline.ingest import ingest_paths
    from qualcode.project.diagnostics import diagnose_project
    from qualcode.settings import Settings
    from qualcode.text import text_hash

    ingest_paths(store, [DEMO_CORPUS / "jizzakh_women.txt"])
    assert not store.segments.segments()
    parts = default_components(Settings.from_strings({}), HashEmbedder())
    diagnosis = diagnose_project(store, parts=parts)
    segments = store.segments.segments()
    assert (
        diagnosis.segments == len(segments) >= 30 and diagnosis.codebook == "Drivers of insecurity"
    )
    hashes = {text_hash(s.text) for s in segments}
    assert set(store.embeddings.cached_embeddings(parts.embedder.model_id, list(hashes))) == hashes
    assert store.codebook.codebook_content() is None


def _crafted(scores: np.ndarray) -> Any:
    from qualcode.coding.separation import CorpusScores

    n = len(scores)
    return CorpusScores(tuple(range(n)), ("t",) * n, scores, scores, scores > 0.5)


def test_with_a_corpus_alike_descriptions_alone_are_not_enough() -> None:
    """The voting rule on crafted figures: the pair (0, 1) has alike descriptions; it is a
    finding only once the corpus agrees (scores that move together, shared top segments),
    and without a corpus only while no exclusion note draws the line between them."""
    from qualcode.coding.indistinct import indistinct_pairs

    model = ZeroShotSuggester(HashEmbedder()).fit(book(CODES[:5]))
    rng = np.random.default_rng(0)
    similar = 0.3 + 0.02 * rng.standard_normal((5, 5))  # the codebook's typical pairs
    similar[0, 1] = similar[1, 0] = 0.7
    scores = rng.random((200, 5))
    limits = Limits()
    assert not indistinct_pairs(model, similar, _crafted(scores), limits)
    scores[:, 1] = scores[:, 0] * 0.9 + 0.1 * rng.random(200)
    pairs = [f.codes for f in indistinct_pairs(model, similar, _crafted(scores), limits)]
    assert pairs == [("unemployment", "joblessness")]
    assert [f.codes for f in indistinct_pairs(model, similar, None, limits)] == pairs
    model.excluded_to_[0].append(1)  # unemployment's note now sends cases to joblessness
    assert not indistinct_pairs(model, similar, None, limits)
