"""spaCy pipelines made of spaCy's own components never import plug-ins' entry points."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import catalogue
import pytest

from qualcode import nlp
from qualcode.redact.ner import DEFAULT_NER_PATH


@pytest.fixture
def no_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing a plug-in's component factories fails (Presidio's imports transformers)."""
    original = catalogue.Registry.get_entry_points

    def refuse(self: catalogue.Registry) -> dict[str, object]:
        if self.namespace == ("spacy", "factories"):
            raise AssertionError("spaCy plug-ins' factories were imported")
        return original(self)

    monkeypatch.setattr(catalogue.Registry, "get_entry_points", refuse)


def test_blank_and_the_bundled_ner_skip_plugins(no_plugins: None) -> None:
    assert nlp.blank("en")("One. Two.").text == "One. Two."
    assert "ner" in nlp.load(DEFAULT_NER_PATH).pipe_names
    from spacy import util

    assert util.registry._entry_point_factories.entry_points  # restored


def test_a_pipeline_with_a_plugin_component_loads_as_spacy_loads_it(tmp_path: Path) -> None:
    config = (DEFAULT_NER_PATH / "config.cfg").read_text()
    (tmp_path / "config.cfg").write_text(config.replace('factory = "ner"', 'factory = "x_plugin"'))
    assert nlp._only_builtin_components(DEFAULT_NER_PATH)
    assert not nlp._only_builtin_components(tmp_path)
    assert not nlp._only_builtin_components(tmp_path / "missing")


SPACY_THEN_TORCH = (
    "import sys\nimport qualcode.nlp as nlp\nnlp._plugins = lambda: {plugins!r}\n"
    "nlp.blank('xx')('Bir. Two.')\nprint('torch' in sys.modules)\n"
    "import torch\nimport thinc.api\nprint(torch.ones(2).sum().item())"
)


def _spacy_then_torch(plugins: tuple[str, ...]) -> list[str]:
    code = SPACY_THEN_TORCH.format(plugins=plugins)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


@pytest.mark.slow
def test_spacy_imports_without_torch_where_no_plugin_could_use_it() -> None:
    # torch loaded with spaCy: no; afterwards it imports and works as usual
    assert _spacy_then_torch(()) == ["False", "2.0"]


@pytest.mark.slow
def test_spacy_imports_torch_as_usual_where_a_plugin_could_use_it() -> None:
    assert _spacy_then_torch(("spacy_transformers:make_transformer",)) == ["True", "2.0"]
