"""`qualcode suggest --redact`: how much of a text list is redacted before embedding."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from helpers import DRIVERS, HashEmbedder
from qualcode.cli import app
from qualcode.errors import ConfigError
from qualcode.pipeline.textlist import TextItem, redact_texts

ANSWER = (
    "Since President Mirziyoyev started the Temir daftar programme my family got help; "
    "call me on +998 90 111 22 33."
)


@pytest.fixture
def embedder(monkeypatch: pytest.MonkeyPatch) -> HashEmbedder:
    """The fake embedder in place of the real model; it records what it embeds."""
    fake = HashEmbedder()
    monkeypatch.setattr("qualcode.embed.choose.SentenceTransformerEmbedder", lambda *_, **__: fake)
    return fake


def _suggest(tmp_path: Path, *extra: str) -> Result:
    src = tmp_path / "answers.csv"
    src.write_text(f'id,text\na1,"{ANSWER}"\n', encoding="utf-8")
    args = ["suggest", "--codebook", str(DRIVERS), "--input", str(src)]
    return CliRunner().invoke(app, [*args, "--output", str(tmp_path / "s.jsonl"), *extra])


def _embedded_answer(embedder: HashEmbedder) -> str:
    (text,) = [t for t in embedder.encoded if "my family got help" in t]
    return text


def test_default_redacts_names_and_contacts(tmp_path: Path, embedder: HashEmbedder) -> None:
    result = _suggest(tmp_path)
    assert result.exit_code == 0, result.output
    text = _embedded_answer(embedder)
    assert "Mirziyoyev" not in text and "+998" not in text and "[PHONE_1]" in text
    assert result.stderr == ""


def test_contacts_keeps_a_public_figure_and_removes_the_phone(
    tmp_path: Path, embedder: HashEmbedder
) -> None:
    result = _suggest(tmp_path, "--redact", "contacts")
    assert result.exit_code == 0, result.output
    assert _embedded_answer(embedder) == ANSWER.replace("+998 90 111 22 33", "[PHONE_1]")
    assert result.stderr == ""


def test_none_embeds_the_text_as_written_and_warns(tmp_path: Path, embedder: HashEmbedder) -> None:
    result = _suggest(tmp_path, "--redact", "none")
    assert result.exit_code == 0, result.output
    assert _embedded_answer(embedder) == ANSWER
    assert "Warning: --redact none: the texts go unredacted into the embeddings" in result.stderr


def test_an_unknown_choice_is_refused(tmp_path: Path, embedder: HashEmbedder) -> None:
    result = _suggest(tmp_path, "--redact", "everything")
    assert result.exit_code == 2 and "--redact" in result.output
    assert embedder.encoded == []


def test_redact_texts_names_the_choices_for_a_bad_value() -> None:
    with pytest.raises(ConfigError, match="Choose among: names, contacts, none"):
        redact_texts([TextItem("1", "x")], "all")  # type: ignore[arg-type]
