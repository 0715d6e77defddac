from __future__ import annotations

import hashlib

import numpy as np
import pytest

from qualcode.embed.encoder import SentenceTransformerEmbedder, default_model_path
from qualcode.errors import ConfigError


@pytest.mark.slow
def test_default_model_is_the_real_minilm_from_the_package() -> None:
    weights = default_model_path() / "model.safetensors"
    assert hashlib.sha256(weights.read_bytes()).hexdigest().startswith("53aa5117")


@pytest.mark.slow
def test_token_sorted_batches_give_the_same_vectors_as_plain_encode(real_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = [
        "short",
        "a somewhat longer sentence about the makhalla committee",
        "mid length text here",
        "x " * 100,
        "Wedding costs are rising.",
    ]
    ours = real_embedder.encode(texts)
    plain = real_embedder.st.encode(texts, normalize_embeddings=True)
    assert ours.shape == (5, 384) and ours.dtype == np.float32
    assert np.allclose(ours, plain, atol=1e-5)


@pytest.mark.slow
def test_bf16_stays_within_cosine_tolerance_of_fp32(real_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = ["The police do not listen to women.", "My brother works in Moscow."]
    bf16 = SentenceTransformerEmbedder(precision="bf16")
    bf16._st = real_embedder.st  # share the loaded weights
    cos = (bf16.encode(texts) * real_embedder.encode(texts)).sum(axis=1)
    assert (cos > 0.999).all()


def test_a_missing_model_path_is_a_clear_config_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    emb = SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))
    with pytest.raises(ConfigError, match="no-such-model"):
        emb.encode(["x"])


def test_unknown_precision_is_refused() -> None:
    with pytest.raises(ConfigError, match="precision"):
        SentenceTransformerEmbedder(precision="int3")
