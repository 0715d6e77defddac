"""Build, once per machine, an OpenVINO model from a local sentence-transformers model:
converted from PyTorch (``openvino.convert_model``) and, for ``int8``, quantised after
training with NNCF on a fixed calibration set.

The calibration texts ship with qualcode: 260 redacted segments of the bundled demo
corpus (``embed/data/calibration.txt``: Russian, Uzbek and English, with pseudonyms, as
transcripts look) and the neutral sentences of ``embed.scale.NEUTRAL``, single and
joined into longer passages so that every length up to the model's limit is seen;
never a user's data, so a model's vectors do not depend on the project that happened
to build it.  The result is kept under
``$QUALCODE_CACHE`` (default ``~/.cache/qualcode``) in ``ov/<key>``, the key hashing the
weights, the precision and the versions of OpenVINO and NNCF; it is written to a
temporary folder and renamed into place, so concurrent processes never see half a model.
Only this module needs torch; running the model does not.
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcode.embed.modelfiles import cache_root, file_digest
from qualcode.errors import ConfigError

log = logging.getLogger("qualcode.embed")
WEIGHTS = ("model.safetensors", "pytorch_model.bin")
CALIBRATION_BATCH = 16


@dataclass(frozen=True)
class Recipe:
    """How ``int8`` is quantised; ``version`` goes into the build key, so a changed
    recipe builds anew instead of reusing a cached model."""

    version: int
    batch: int = CALIBRATION_BATCH  # texts per calibration batch (1: no padding seen)
    ignored: tuple[str, ...] = ()  # regexes of nodes kept in floating point
    smooth_quant: float | None = None  # NNCF's SmoothQuant alpha; None: its default
    fast_bias_correction: bool = True


RECIPE = Recipe(version=1)


def model_key(model_dir: Path, precision: str) -> str:
    import openvino

    recipe = repr(RECIPE) if precision == "int8" else ""  # a new recipe builds anew
    # NNCF's version from its metadata: importing NNCF takes seconds, and only int8
    # builds need it
    nncf_version = importlib.metadata.version("nncf")
    prefix = f"{precision}|{recipe}|{openvino.__version__}|{nncf_version}".encode()
    weights = [model_dir / w for w in WEIGHTS if (model_dir / w).is_file()]
    if not weights:
        raise ConfigError(
            f"No weights ({' or '.join(WEIGHTS)}) in the model folder '{model_dir.name}'.",
            hint="Give a folder saved by sentence-transformers (model.save(path)).",
        )
    return f"{model_dir.name[:40]}-{precision}-{file_digest(weights[0], prefix)[:16]}"


def built_model(model_dir: Path, precision: str, tell: Callable[[str], None] | None = None) -> Path:
    """The OpenVINO model (``.xml``) for ``model_dir`` at ``precision``, built if needed."""
    target = cache_root() / "ov" / model_key(model_dir, precision)
    xml = target / "model.xml"
    if xml.is_file():
        return xml
    if tell:
        tell(f"Preparing the {precision} embedding model (once per machine, about a minute)")
    log.info("building an OpenVINO %s model", precision)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=".build-"))
    try:
        _build(model_dir, precision, work / "model.xml")
        try:
            os.replace(work, target)
        except OSError:  # another process finished first: use its model
            shutil.rmtree(work, ignore_errors=True)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return xml


def _build(model_dir: Path, precision: str, out: Path, recipe: Recipe = RECIPE) -> None:
    import openvino as ov
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(model_dir), device="cpu")
    hf: Any = st[0].auto_model
    hf.eval()
    tokenizer, limit = st.tokenizer, int(st.max_seq_length or 512)
    example = next(_calibration_batches(tokenizer, limit, "pt", CALIBRATION_BATCH))
    model = ov.convert_model(hf, example_input=example)
    if precision == "int8":
        model = _quantize(
            model, list(_calibration_batches(tokenizer, limit, "np", recipe.batch)), recipe
        )
    ov.save_model(model, str(out), compress_to_fp16=False)


def _quantize(model: Any, batches: list[dict[str, Any]], recipe: Recipe) -> Any:
    import nncf
    from nncf.quantization.advanced_parameters import AdvancedQuantizationParameters

    advanced = AdvancedQuantizationParameters(smooth_quant_alpha=recipe.smooth_quant)
    return nncf.quantize(
        model,
        nncf.Dataset(batches),
        model_type=nncf.ModelType.TRANSFORMER,
        subset_size=len(batches),
        fast_bias_correction=recipe.fast_bias_correction,
        ignored_scope=nncf.IgnoredScope(patterns=list(recipe.ignored), validate=False),
        advanced_parameters=advanced,
    )


def calibration_texts() -> list[str]:
    """Every neutral sentence, then passages of 2 to 12 of them joined."""
    from qualcode.embed.scale import NEUTRAL

    singles = [s for sentences in NEUTRAL.values() for s in sentences]
    joined = [
        " ".join(sentences[i : i + n])
        for sentences in NEUTRAL.values()
        for n in (2, 4, 8, 12)
        for i in range(0, len(sentences) - n + 1, max(1, n // 2))
    ]
    demo = Path(__file__).with_name("data") / "calibration.txt"
    segments = [line for line in demo.read_text("utf-8").splitlines() if line.strip()]
    return segments + singles + joined


def _calibration_batches(
    tokenizer: Any, limit: int, tensors: str, size: int
) -> Iterator[dict[str, Any]]:
    return _calibration_items(tokenizer, limit, calibration_texts(), size, tensors)


def _calibration_items(
    tokenizer: Any, limit: int, texts: list[str], size: int, tensors: str = "np"
) -> Iterator[dict[str, Any]]:
    for i in range(0, len(texts), size):
        encoded = tokenizer(
            texts[i : i + size],
            padding=True,
            truncation=True,
            max_length=limit,
            return_tensors=tensors,
        )
        yield dict(encoded)
