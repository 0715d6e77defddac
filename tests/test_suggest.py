from __future__ import annotations

import numpy as np
import pytest

from helpers import DRIVERS, HashEmbedder
from qualcode.codebook.load import load_codebook, parse_codebook
from qualcode.coding.keywords import KeywordMatcher
from qualcode.coding.suggest import ZeroShotSuggester, referenced_codes

TEXTS = [
    "My son went to Russia for work, he sends money home every month with a patent.",
    "The qalin and the to'y cost so much that families go into debt for the wedding.",
    "The weather was nice yesterday.",
]


def test_keywords_match_inflections_and_phrases_but_not_inside_words() -> None:
    km = KeywordMatcher([["migrant", "debt"], ["early marriage", "beat"]])
    assert km.hits("Many migrants left; we are in debt.") == [
        frozenset({"migrant", "debt"}),
        frozenset(),
    ]
    assert km.hits("Early marriages, and he was beating her.")[1] == {"early marriage", "beat"}
    assert km.hits("immigrantion and a debtor's prison") == [frozenset(), frozenset()]
    assert km.hits("marriage came early") == [frozenset(), frozenset()]


def test_unknown_keyword_language_is_a_clear_error() -> None:
    from qualcode.errors import ConfigError

    with pytest.raises(ConfigError, match="klingon"):
        KeywordMatcher([["a"]], language="klingon")


def test_multi_label_with_evidence_and_none_for_irrelevant_text() -> None:
    emb = HashEmbedder()
    sugg = ZeroShotSuggester(emb, threshold=0.3).fit(load_codebook(DRIVERS))
    out = sugg.suggest([1, 2, 3], TEXTS, emb.encode(TEXTS))
    codes = {s.segment_id: [x.code_id for x in out if x.segment_id == s.segment_id] for s in out}
    assert "labour_migration" in codes[1]
    assert "wedding_costs" in codes[2]
    assert 3 not in codes
    first = next(s for s in out if s.code_id == "wedding_costs")
    assert any(e.startswith("keywords:") for e in first.evidence)
    assert all(0.0 <= s.score <= 1.0 for s in out)


def test_fit_follows_sklearn_conventions() -> None:
    s = ZeroShotSuggester(HashEmbedder(), threshold=0.5)
    assert not hasattr(s, "code_ids_")
    assert s.fit(load_codebook(DRIVERS)) is s
    assert len(s.code_ids_) == 13


@pytest.mark.slow
def test_real_model_ranks_the_right_driver_first(real_embedder: object) -> None:
    book = load_codebook(DRIVERS)
    sugg = ZeroShotSuggester(real_embedder, threshold=0.0, top_k=1).fit(book)  # type: ignore[arg-type]
    texts = [
        "Young men sit at home; there is no work in the district, the factory closed.",
        "Girls are taken out of school after ninth grade to help at home before marriage.",
        "Fake news spreads on Telegram and people believe every video they see.",
    ]
    vecs = real_embedder.encode(texts)  # type: ignore[attr-defined]
    top = [s.code_id for s in sugg.suggest([0, 1, 2], texts, vecs)]
    assert top == ["unemployment", "girls_education", "media_literacy"]
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)


def test_exclusion_note_pulls_a_code_down_where_the_named_code_fits_better() -> None:
    book = parse_codebook(
        {
            "name": "t",
            "version": "1",
            "codes": [
                {
                    "id": "norms",
                    "label": "Norms",
                    "definition": "gender norms and customs",
                    "exclusion": "Acts of violence go to violence.",
                    "keywords": ["custom"],
                },
                {
                    "id": "violence",
                    "label": "Violence",
                    "definition": "a husband beat his wife",
                    "keywords": ["beat", "custom"],
                },
            ],
        },
        source="t.yaml",
    )
    assert referenced_codes(book) == [[1], []]
    emb = HashEmbedder()
    texts = ["He beat her, it is our custom."]
    plain = ZeroShotSuggester(emb, w_exclusion=0.0).fit(book).scores(texts, emb.encode(texts))
    pulled = ZeroShotSuggester(emb, w_exclusion=0.5).fit(book).scores(texts, emb.encode(texts))
    assert plain[0, 1] > plain[0, 0]
    assert pulled[0, 0] < plain[0, 0] and pulled[0, 1] == plain[0, 1]


def test_evidence_quotes_the_nearest_definition_sentence() -> None:
    emb = HashEmbedder()
    book = load_codebook(DRIVERS)
    sugg = ZeroShotSuggester(emb).fit(book)
    j = sugg.code_ids_.index("wedding_costs")
    evidence = sugg.evidence(j, TEXTS[1], emb.encode(TEXTS[1:2])[0])
    definition = next(e for e in evidence if e.startswith("definition: "))
    assert definition.removeprefix("definition: ") in sugg.definition_sentences_[j]
