"""Review of redactions: list, add a missed string, release a false positive, the key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from helpers import HashEmbedder
from qualcode.errors import ConfigError, InputError, NotFoundError
from qualcode.pipeline.components import default_components
from qualcode.pipeline.ingest import store_transcript
from qualcode.pipeline.run import process
from qualcode.records import RawTranscript, TranscriptMeta, Turn
from qualcode.redact import RuleRedactor
from qualcode.redact.review import add_redaction, list_redactions, release_redaction, reveal
from qualcode.settings import Settings
from qualcode.store import Store
from qualcode.text import text_hash

TURNS = (
    Turn("Moderator", "Who paid for the wedding?"),
    Turn("Bahor", "My neighbour Zuhra paid. Zuhraning husband works in Russia. " * 12),
    Turn("P2", "Bahor is right, Zuhra borrowed from Farrux aka."),
)
RAW = RawTranscript("fg.txt", "text", "h1", TURNS, TranscriptMeta(title="Wedding costs"))
NAIVE = RuleRedactor(layers=("patterns", "known"))  # misses Zuhra: she is only mentioned


def _parts(emb: HashEmbedder):  # type: ignore[no-untyped-def]
    return default_components(Settings.from_strings({}), embedder=emb)


def _check_offsets(store: Store, tid: int) -> None:
    text = store.transcripts.transcript(tid)["text"]
    for seg in store.segments.segments(tid):
        assert text[seg.start : seg.end] == seg.text


def test_adding_a_missed_name_rewrites_every_occurrence_and_refreshes_embeddings(
    store: Store,
) -> None:
    tid = store_transcript(store, RAW, NAIVE)
    emb = HashEmbedder()
    process(store, parts=_parts(emb))
    before = {s.id: s.text for s in store.segments.segments(tid)}
    change = add_redaction(store, tid, "Zuhra", "PERSON")
    assert change.pseudonym == "[PERSON_3]" and change.count == 12 * 2 + 1
    after = {s.id: s.text for s in store.segments.segments(tid)}
    assert after.keys() == before.keys()  # ids kept: review decisions still point at them
    assert not any("Zuhra" in t for t in after.values())
    _check_offsets(store, tid)
    stale = [text_hash(t) for i, t in before.items() if after[i] != t]
    assert stale and store.embeddings.cached_embeddings(emb.model_id, stale) == {}
    emb.encoded.clear()
    process(store, parts=_parts(emb))
    changed = {t for i, t in after.items() if before[i] != t}
    unchanged = {t for i, t in after.items() if before[i] == t}
    assert changed <= set(emb.encoded) and not unchanged & set(emb.encoded)
    assert "Zuhra" not in Path(store.path).read_bytes().decode("utf-8", "ignore")
    (entry,) = store.redactions.redaction_log(tid)
    assert (entry["action"], entry["pseudonym"], entry["count"]) == ("add", "[PERSON_3]", 25)


def test_released_false_positive_comes_back_from_the_encrypted_key(store: Store) -> None:
    key = Fernet(Fernet.generate_key())
    tid = store_transcript(store, RAW, RuleRedactor(), key)
    assert "Bahor" not in store.transcripts.transcript(tid)["text"]
    db_bytes = Path(store.path).read_bytes().decode("utf-8", "ignore")
    assert "Bahor" not in db_bytes and "Zuhra" not in db_bytes  # only encrypted tokens
    mapping = reveal(store, tid, key)
    bahor = next(p for p, forms in mapping.items() if forms == ["Bahor"])
    change = release_redaction(store, tid, bahor, key=key)
    assert change.count == 2  # the speaker label and the mention
    assert [t["speaker"] for t in store.transcripts.turns(tid)][1] == "Bahor"
    _check_offsets(store, tid)
    assert {i.pseudonym: i.status for i in list_redactions(store, tid)}[bahor] == "released"


def test_release_needs_the_original_or_the_right_key(store: Store) -> None:
    tid = store_transcript(store, RAW, RuleRedactor(), Fernet(Fernet.generate_key()))
    pseudo = list_redactions(store, tid)[0].pseudonym
    with pytest.raises(InputError, match="--as TEXT"):
        release_redaction(store, tid, pseudo)
    with pytest.raises(ConfigError, match="does not open"):
        release_redaction(store, tid, pseudo, key=Fernet(Fernet.generate_key()))
    with pytest.raises(NotFoundError):
        release_redaction(store, tid, "[PERSON_99]", original="x")
    assert release_redaction(store, tid, pseudo, original="Zuhra").count >= 1


def test_uncertain_detections_are_listed_first(store: Store) -> None:
    tid = store_transcript(store, RAW, RuleRedactor())
    items = list_redactions(store, tid)
    flags = [i.flagged for i in items]
    assert flags == sorted(flags, reverse=True) and flags[0] and not flags[-1]
    zuhra = items[0]
    assert zuhra.source == "unknown" and zuhra.count == 25


def test_a_string_not_in_the_transcript_changes_nothing(store: Store) -> None:
    tid = store_transcript(store, RAW, NAIVE)
    text = store.transcripts.transcript(tid)["text"]
    with pytest.raises(NotFoundError, match="does not occur") as err:
        add_redaction(store, tid, "Gulnora")
    assert "Gulnora" not in str(err.value)  # errors never quote what the user protects
    with pytest.raises(InputError, match="Unknown redaction type"):
        add_redaction(store, tid, "Zuhra", "NICKNAME")
    assert (
        store.transcripts.transcript(tid)["text"] == text
        and store.redactions.redaction_log(tid) == []
    )


def test_the_redaction_log_is_append_only(store: Store) -> None:
    tid = store_transcript(store, RAW, NAIVE)
    add_redaction(store, tid, "Zuhra")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM redaction_log")
