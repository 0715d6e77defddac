"""The pseudonymised passages shown beside each redaction for review."""

from __future__ import annotations

from typer.testing import CliRunner

from qualcode.cli import app
from qualcode.redact.context import redaction_contexts, snippets
from qualcode.store import Store

TEXT = (
    "Moderator: Who helps you?\n"
    "[PERSON_1]: My neighbour [PERSON_2] opa came back from Kazan last spring and she "
    "helps with the children.\n[PERSON_3]: Yes, [PERSON_2] too."
)


def test_passages_cut_at_word_boundaries_and_mark_turn_breaks() -> None:
    found = snippets(TEXT, "[PERSON_2]", width=20)
    assert len(found) == 2
    assert found[0].startswith("…") and "[PERSON_2] opa came back" in found[0]
    assert all(" ".join(p.split()) == p.strip() for p in found)  # no half words dropped
    assert "⏎" in found[1]  # the turn break before "[PERSON_3]:" is shown
    assert snippets(TEXT, "[PERSON_9]") == []
    assert len(snippets(TEXT, "[PERSON_2]", limit=1)) == 1


def test_each_redaction_of_a_transcript_has_its_passages(demo_store: Store) -> None:
    rows = demo_store.transcripts.redactions(1)
    pseudonyms = [r["pseudonym"] for r in rows]
    around = redaction_contexts(demo_store, 1, pseudonyms)
    assert set(around) == set(pseudonyms)
    assert all(p in passage for p in pseudonyms for passage in around[p])
    assert (
        sum(bool(v) for v in around.values()) >= len(pseudonyms) // 2
    )  # metadata-only ones may have none
    out = CliRunner().invoke(app, ["redactions", "list", "1", "-p", str(demo_store.path.parent)])
    assert out.exit_code == 0 and "in context" in out.output
