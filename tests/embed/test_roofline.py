"""bench_embed's count of a model's arithmetic, checked against torch's own count."""

from __future__ import annotations

import pytest
from benchmarks._roofline import Shape, flops, token_lengths

TEXTS = ["Unemployment drives young men to migrate to Russia for work.", "short"]


@pytest.mark.slow
def test_flops_match_torch_count_of_the_real_model() -> None:
    import torch
    from sentence_transformers import SentenceTransformer
    from torch.utils.flop_counter import FlopCounterMode

    from qualcode.embed.encoder import default_model_path

    folder = default_model_path()
    shape = Shape.of(folder)
    # eager attention: its products are bmm calls that torch counts (sdpa's are not)
    st = SentenceTransformer(
        str(folder), device="cpu", model_kwargs={"attn_implementation": "eager"}
    )
    pooler = 2 * shape.hidden * shape.hidden  # BertModel's pooler; sentence-transformers ignores it
    for text in TEXTS:
        (n,) = token_lengths(folder, [text])
        feats = dict(st.tokenizer([text], return_tensors="pt"))
        assert feats["input_ids"].shape[1] == n
        with FlopCounterMode(display=False) as counter, torch.no_grad():
            st[0].auto_model(**feats)
        assert counter.get_total_flops() - pooler == flops(shape, [n])


def test_flops_add_up_over_texts() -> None:
    shape = Shape(layers=2, hidden=4, ffn=8)
    assert flops(shape, [3, 5]) == flops(shape, [3]) + flops(shape, [5])
    # per token 2*2*(4*16 + 2*32) = 512; attention 2*2*2*4*9 = 288
    assert flops(shape, [3]) == 3 * 512 + 288
