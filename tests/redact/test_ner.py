"""The spaCy NER layer, with the real trained model in models/ner/model-best."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.errors import ConfigError
from qualcode.redact.ner import DEFAULT_NER_PATH, SpacyNer
from qualcode.redact.words import Candidate


@pytest.fixture(scope="module")
def ner() -> SpacyNer:
    return SpacyNer()


def _found(ner: SpacyNer, text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.kind) for c in ner.find(text)]


def test_the_default_model_is_the_bundled_one() -> None:
    assert DEFAULT_NER_PATH.parts[-3:] == ("models", "ner", "model-best")
    assert (DEFAULT_NER_PATH / "meta.json").is_file()


def test_finds_an_unseen_central_asian_name_mid_sentence_with_offsets(ner: SpacyNer) -> None:
    # Neither the name nor the sentence occurs in the training data.
    text = "Last winter my cousin Gulruxsor started selling samsa near the bus station."
    people = [c for c in ner.find(text) if c.kind == "PERSON"]
    assert len(people) == 1
    (c,) = people
    assert (c.start, c.end) == (22, 31) and text[c.start : c.end] == "Gulruxsor"
    assert c.key == "gulruxsor" and c.confidence == 0.75
    assert isinstance(c, Candidate)


def test_names_with_case_endings_address_forms_and_surnames(ner: SpacyNer) -> None:
    text = "We took the papers to Ortiqboy aka, and Mamlakat Yusupaliyevaning son signed them."
    found = _found(ner, text)
    assert ("Ortiqboy", "PERSON") in found
    assert any(kind == "PERSON" and "Yusupaliyevaning" in span for span, kind in found)
    key = {c.key for c in ner.find(text) if "Yusupaliyevaning" in text[c.start : c.end]}
    assert key and all(k.endswith("yusupaliyeva") for k in key)  # case ending stemmed off


def test_sub_regional_place_is_a_place(ner: SpacyNer) -> None:
    found = _found(ner, "The women in Chaqar makhalla meet every Thursday.")
    assert ("Chaqar", "PLACE") in found


def test_sentences_without_names_give_nothing(ner: SpacyNer) -> None:
    text = "Thank God, during Ramadan we talk on Telegram every Monday evening."
    assert [c for c in ner.find(text) if c.kind == "PERSON"] == []


def test_find_many_matches_find(ner: SpacyNer) -> None:
    texts = ["My neighbour Xurshidabonu went to Kazan.", "", "Nothing here at all."]
    assert ner.find_many(texts) == [ner.find(t) for t in texts]


def test_label_mapping_can_be_narrowed() -> None:
    only_people = SpacyNer(labels={"PERSON": "PERSON"})
    kinds = {c.kind for c in only_people.find("Bahodir works in Chilonzor district.")}
    assert kinds <= {"PERSON"}


def test_construction_loads_nothing() -> None:
    ner = SpacyNer("/nowhere/at/all")  # no error yet: settings only
    assert not ner.loaded
    code = (
        "import sys; from qualcode.redact.ner import SpacyNer; n = SpacyNer(); "
        "assert not n.loaded; assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_model_loads_on_first_use_and_is_cached() -> None:
    ner = SpacyNer()
    ner.find("Hello.")
    nlp = ner.nlp
    ner.find("Hello again.")
    assert ner.loaded and ner.nlp is nlp


def test_a_missing_model_path_is_a_config_error_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(ConfigError, match="no-such-model") as err:
        SpacyNer(missing).find("Dilnoza said no.")
    assert err.value.hint and "ner" in err.value.hint


def test_a_directory_that_is_not_a_pipeline_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a loadable spaCy pipeline"):
        SpacyNer(tmp_path).find("Dilnoza said no.")


def test_a_pipeline_without_ner_is_a_config_error(tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "no-ner")
    with pytest.raises(ConfigError, match=r"no 'ner' component \(it has: sentencizer\)"):
        SpacyNer(tmp_path / "no-ner").find("Dilnoza said no.")


def test_numpy_blas_finds_the_same_entities_as_blis(ner: SpacyNer) -> None:
    import spacy

    texts = [
        "Last winter my cousin Gulruxsor started selling samsa near the bus station.",
        "We took the papers to Ortiqboy aka, and Mamlakat Yusupaliyevaning son signed them.",
        "The women in Chaqar makhalla meet every Thursday with Dilnoza and Aziz Karimov.",
        "Nothing here at all.",
    ] * 8
    blis = spacy.load(DEFAULT_NER_PATH)  # thinc's default ops: blis products
    want = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in blis.pipe(texts)]
    ours = ner.nlp.pipe(texts, batch_size=ner.batch_size)
    assert [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in ours] == want
    assert {type(n.ops).__name__ for n in ner.nlp.get_pipe("tok2vec").model.walk()} == {"NumpyOps"}
    assert not ner.nlp.get_pipe("tok2vec").model.ops.use_blis
    assert any(want)
