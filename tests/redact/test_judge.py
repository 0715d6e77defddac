"""The judge of doubtful words (``redact.judge``), the default NER layer: the bundled model
read in context, the full-name pairs, batching, and a damaged model file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from qualcode.errors import ConfigError
from qualcode.redact.givennames import GivenNames
from qualcode.redact.judge import DEFAULT_JUDGE_PATH, JudgedDoubts, WordJudge, features
from qualcode.redact.words import KEEP


@pytest.fixture(scope="module")
def judged() -> JudgedDoubts:
    return JudgedDoubts(names=GivenNames(KEEP))


def _found(gate: JudgedDoubts, text: str) -> list[str]:
    return [text[c.start : c.end] for c in gate.find(text) if c.kind == "PERSON"]


def test_names_in_context_are_found_and_greetings_and_numbers_are_not(judged: JudgedDoubts) -> None:
    assert _found(judged, "My neighbour Grace said she would come.") == ["Grace"]
    assert _found(judged, "I met Bill yesterday.") == ["Bill"]
    assert _found(judged, "Thank you, Rose.") == ["Rose"]
    assert _found(judged, "Hello, everyone. Welcome to the group.") == []
    assert _found(judged, "Twenty, maybe thirty people came.") == []


def test_the_same_word_scores_by_its_context() -> None:
    judge = WordJudge()
    person = "I met Bill yesterday."
    law = "The Bill was passed."
    assert judge.probability(person, 6, 10) > judge.probability(law, 4, 8)
    assert features(person, 6, 10) != features(law, 4, 8)
    assert features(person, 6, 10) == features(person, 6, 10)


def test_a_kept_word_before_a_surname_is_judged_with_it(judged: JudgedDoubts) -> None:
    """'Temir' (iron) is on the keep-list, but 'Temir Sattorov' is a full name: the span
    takes both words, or the keep-list would drop it and leak the given name."""
    assert _found(judged, "Temir Sattorov came late.") == ["Temir Sattorov"]


def test_find_many_gives_what_find_gives_text_by_text(judged: JudgedDoubts) -> None:
    texts = ["We asked Scott about it.", "Hello, Scott.", "", "Grace and Hope came."]
    assert judged.find_many(texts) == [judged.find(t) for t in texts]


def test_the_bundled_model_holds_a_threshold_and_weights() -> None:
    judge = WordJudge()
    assert 0.0 < judge.threshold < 1.0
    assert judge.path == DEFAULT_JUDGE_PATH and judge._load()[0]


@pytest.mark.parametrize(
    "content", [b"not gzip", gzip.compress(b"{not json"), gzip.compress(b'{"format": 99}')]
)
def test_a_damaged_model_file_is_a_config_error_that_names_no_folder(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "model.json.gz"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as err:
        WordJudge(path).probability("I met Bill.", 6, 10)
    assert "model.json.gz" in str(err.value) and str(tmp_path) not in str(err.value)
    assert "models/judge/train.py" in (err.value.hint or "")


def test_a_missing_model_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        WordJudge(tmp_path / "absent.json.gz").is_name("I met Bill.", 6, 10)
