"""Emergent themes: topics mapped onto the codebook, candidate codes, adopting one,
distribution; new segments assigned to existing topics without a refit."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from helpers import DRIVERS, HashEmbedder
from qualcode.codebook.load import ID_PATTERN
from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.pipeline.components import Components, default_components
from qualcode.pipeline.run import process
from qualcode.records import RedactedTranscript, RedactedTurn, TranscriptMeta
from qualcode.review.selection import Selection
from qualcode.settings import Settings
from qualcode.store import Store
from qualcode.topics import themes
from qualcode.topics.model import TopicResult

PEOPLE = "brother sister cousin son daughter uncle neighbour nephew niece friend".split()
THEMES = {
    "migration": "My {p} went to work in Russia with a patent and sends money home {n}.",
    "school": "Our {p} left school after ninth grade because the family said no college {n}.",
    "wedding": "The wedding of my {p} cost so much, the qalin and the feast, we owe debt {n}.",
}
WHEN = ["every month", "each spring"]


def _lines(theme: str) -> list[str]:
    return [THEMES[theme].format(p=p, n=n) for p in PEOPLE for n in WHEN]


def add_transcript(store: Store, title: str, lines: list[str], region: str, group: str) -> int:
    from qualcode.text import layout

    turns = tuple(RedactedTurn(f"P{i % 4 + 1}", line) for i, line in enumerate(lines))
    meta = TranscriptMeta(title=title, region=region, group=group)
    doc = RedactedTranscript(f"{title}.txt", "text", title, turns, meta, ())
    text, spans = layout(turns)
    return store.transcripts.add_transcript(doc, text, spans)


class Spy:
    """A topic modeler that counts its fits."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.fits = inner, 0

    def fit(self, ids: Any, texts: Any, vectors: np.ndarray) -> TopicResult:
        self.fits += 1
        result: TopicResult = self.inner.fit(ids, texts, vectors)
        return result


def parts_with_spy() -> tuple[Components, Spy]:
    parts = default_components(Settings.from_strings({}), embedder=HashEmbedder())
    spy = Spy(parts.topic_modeler)
    return replace(parts, topic_modeler=spy), spy


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """The drivers codebook without wedding_costs: weddings are a theme it misses."""
    content = yaml.safe_load(DRIVERS.read_text(encoding="utf-8"))
    content["codes"] = [c for c in content["codes"] if c["id"] != "wedding_costs"]
    path = tmp_path / "no_weddings.yaml"
    path.write_text(yaml.safe_dump(content), encoding="utf-8")
    return path


@pytest.fixture
def project(store: Store, book: Path) -> Store:
    migration, school, wedding = (_lines(t) for t in THEMES)
    add_transcript(store, "A", migration[:10] + school[:10] + wedding[:10], "Jizzakh", "women")
    short = ["Yes.", "The wedding debt again.", "Zzz qqq."]
    add_transcript(store, "B", migration[10:] + school[10:] + wedding[10:] + short, "Sughd", "men")
    process(store, codebook=book, parts=parts_with_spy()[0])
    return store


def _topic_of(store: Store, word: str) -> int:
    return next(t.topic_id for t in store.topics.topics() if word in t.words)


def test_short_segments_are_reassigned_by_similarity_not_dropped(project: Store) -> None:
    inputs = project.topics.topic_inputs()
    by_text = {s.text: s.id for s in project.segments.segments()}
    assert inputs[by_text["The wedding debt again."]][1] == "reassigned"
    assert project.topics.topic_assignment()[by_text["The wedding debt again."]] == _topic_of(
        project, "wedding"
    )
    assert inputs[by_text["Zzz qqq."]][1] == "outlier"  # like no topic: stays without one
    assert by_text["Zzz qqq."] not in project.topics.topic_assignment()


def test_new_transcript_is_assigned_without_a_refit_and_refit_on_demand(project: Store) -> None:
    parts, spy = parts_with_spy()
    new = [line.replace("every month", "this year") for line in _lines("wedding")[:6]]
    tid = add_transcript(project, "C", [*new, "Qqq zzz www."], "Sughd", "youth")
    report = process(project, parts=parts)
    assert spy.fits == 0 and "6 of 7 new segments assigned" in report.topics
    added = {s.id for s in project.segments.segments(tid)}
    assignment = project.topics.topic_assignment()
    assert {assignment.get(i) for i in added} == {_topic_of(project, "wedding"), None}
    assert sum(t.size for t in project.topics.topics()) == len(assignment)
    assert process(project, parts=parts).topics == "skipped"
    refit = process(project, parts=parts, refit_topics=True)
    assert spy.fits == 1 and refit.topics.endswith("topics")
    assert {project.topics.topic_inputs()[i][1] for i in added} == {"fit", "outlier"}


def test_changed_settings_refit(project: Store) -> None:
    parts, spy = parts_with_spy()
    process(project, parts=replace(parts, topic_settings={**parts.topic_settings, "n_topics": 4}))
    assert spy.fits == 1


def test_a_theme_the_codebook_lacks_becomes_a_candidate_code(project: Store) -> None:
    mappings = {m.topic.topic_id: m for m in themes.map_topics(project, HashEmbedder())}
    wedding = mappings[_topic_of(project, "wedding")]
    migration = mappings[_topic_of(project, "patent")]
    assert migration.candidate is None and migration.codes[0][0] == "labour_migration"
    assert [m.candidate is not None for m in mappings.values()].count(True) == 1
    draft = wedding.candidate
    assert draft is not None and re.match(ID_PATTERN, draft.code_id)
    assert draft.code_id not in project.codebook.code_ids() and "DRAFT" in draft.definition
    vocabulary = " ".join(_lines("wedding")).lower()
    assert all(w.lower() in vocabulary for w in draft.label.split(", "))
    assert len(draft.examples) == 3 and all("wedding" in e for e in draft.examples)


def test_adopting_a_candidate_adds_a_code_the_next_run_suggests(project: Store) -> None:
    topic = _topic_of(project, "wedding")
    state = themes.adopt_candidate(project, topic, "rita", embedder=HashEmbedder())
    assert state.status == "active" and state.version == 1 and len(state.code.examples) == 3
    assert project.codebook.code_history_rows(state.code.id)[0]["note"].startswith("adopted from")
    process(project, parts=parts_with_spy()[0])
    members = {s for s, t in project.topics.topic_assignment().items() if t == topic}
    suggested = {s.segment_id for s in project.analysis.suggestions() if s.code_id == state.code.id}
    assert suggested and suggested <= members | set(project.topics.topic_inputs())
    with pytest.raises(ConflictError, match="already covered"):
        themes.adopt_candidate(project, topic, "rita", embedder=HashEmbedder())


def test_adopt_errors_are_clear(project: Store) -> None:
    emb = HashEmbedder()
    with pytest.raises(NotFoundError, match="No topic 99"):
        themes.adopt_candidate(project, 99, "rita", embedder=emb)
    with pytest.raises(ConflictError, match="already covered"):
        themes.adopt_candidate(project, _topic_of(project, "patent"), "rita", embedder=emb)
    wedding = _topic_of(project, "wedding")
    with pytest.raises(ConflictError, match="taken"):
        themes.adopt_candidate(project, wedding, "rita", code_id="gender_norms", embedder=emb)
    state = themes.adopt_candidate(project, wedding, "rita", code_id="toy_costs", embedder=emb)
    assert state.code.id == "toy_costs"
    with pytest.raises(ConflictError, match="refit"):  # topics from another embedder
        themes.map_topics(project, replace_model(emb))


def replace_model(emb: HashEmbedder) -> HashEmbedder:
    other = HashEmbedder(dim=384)
    other.model_id = "other|fp32"
    return other


def test_distribution_counts_sum_to_the_assigned_segments(project: Store) -> None:
    assigned = len(project.topics.topic_assignment())
    for by in ("transcript", "region", "group"):
        rows = themes.distribution(project, by)
        assert sum(r.count for r in rows) == assigned
        for key in {r.key for r in rows}:
            assert sum(r.share for r in rows if r.key == key) == pytest.approx(1.0, abs=1e-3)
    jizzakh = themes.distribution(project, "region", Selection(regions=("Jizzakh",)))
    assert {r.key for r in jizzakh} == {"Jizzakh"} and sum(r.count for r in jizzakh) == 30
    with pytest.raises(InputError):
        themes.distribution(project, "district")


def test_no_topics_no_mapping(store: Store) -> None:
    assert themes.map_topics(store, HashEmbedder()) == []
    with pytest.raises(NotFoundError):
        themes.adopt_candidate(store, 0, "rita", embedder=HashEmbedder())


@pytest.mark.slow
def test_the_real_model_gives_readable_labels(real_embedder: Any) -> None:
    from qualcode.topics.model import BERTopicModeler

    texts = [line for theme in THEMES for line in _lines(theme)]
    vecs = real_embedder.encode(texts)
    fit = BERTopicModeler(min_topic_size=5, embedder=real_embedder)
    result = fit.fit(list(range(len(texts))), texts, vecs)
    labels = sorted(t.label.lower() for t in result.topics)
    expected = [{"college", "school", "grade"}, {"russia", "patent", "money"}, {"wedding", "qalin"}]
    assert len(labels) == 3, labels
    for label in labels:
        assert any(set(label.split(" · ")) & words for words in expected), labels


class UnscaledHash(HashEmbedder):
    """The hashing embedder under a model name, measured for its scale as a real model is."""

    model_id = "test-hash|fp32"
    scale = None


def test_themes_list_reads_cached_vectors_and_loads_no_model(
    project: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from qualcode.cli import app
    from qualcode.embed import scale

    project.settings.set_settings({"embedding_model": "test-hash"})  # its id: test-hash|fp32
    first = themes.map_topics(project, UnscaledHash())  # embeds the codebook and the scale
    monkeypatch.setattr(scale, "_CACHE", {})  # as in a fresh process

    def no_model(model: str | None) -> None:
        raise AssertionError("themes list loaded the embedding model")

    monkeypatch.setattr("qualcode.embed.encoder.load_sentence_transformer", no_model)
    listed = CliRunner().invoke(app, ["themes", "list", "--project", str(project.path.parent)])
    assert listed.exit_code == 0, listed.output
    for m in first:
        assert f"{m.topic.topic_id:>3} {m.topic.size:>5}" in listed.output
    assert sum(line.startswith("* ") for line in listed.output.splitlines()) == sum(
        m.candidate is not None for m in first
    )
