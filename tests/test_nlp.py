"""spaCy pipelines made of spaCy's own components never import plug-ins' entry points."""

from __future__ import annotations

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
