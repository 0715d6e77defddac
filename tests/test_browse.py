"""Browsing segments: filters, paging, context and full-text search."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest
from sqlite_utils import Database

from helpers import DRIVERS
from qualcode.codebook.load import load_codebook
from qualcode.errors import InputError, NotFoundError
from qualcode.records import RedactedTranscript, RedactedTurn, Segment, Suggestion, Topic
from qualcode.records import TranscriptMeta as Meta
from qualcode.redact import review as redactions
from qualcode.review import decisions as review
from qualcode.review.browse import SegmentFilter, list_segments, search, segment_context
from qualcode.store import Store
from qualcode.store.migrations import migrations
from qualcode.text import layout, text_hash

UZ = [
    ("Moderator", "Salom. Ishsizlik haqida gapiraylik."),
    ("P1", "Oʻzbekistonda ish yoʻq, yoshlar Rossiyaga ketadi."),
    ("P2", "Café résumé naïve <b>bold</b> words."),
    ("P1", "Toʻy xarajatlari juda katta."),
]
RU = [
    ("Moderator", "Работа в России тяжёлая?"),
    ("P1", "Ёлка на Новый год дорогая."),
    ("P2", "Мы говорим о свадьбах и работе."),
]
META = [
    Meta("Jizzakh women", "Jizzakh", "Zomin", "2022-04-12", "women", "uz"),
    Meta("Tashkent men", "Tashkent", "Chilonzor", "2022-06-09", "men", "ru"),
]


def add(store: Store, turns: list[tuple[str, str]], meta: Meta) -> None:
    rt = tuple(RedactedTurn(s, t) for s, t in turns)
    doc = RedactedTranscript(meta.title, "text", meta.title, rt, meta, ())
    text, spans = layout(rt)
    tid = store.transcripts.add_transcript(doc, text, spans)
    segs = [
        Segment(tid, i, t.speaker, t.text, s, e, i)
        for i, (t, (s, e)) in enumerate(zip(rt, spans, strict=True))
    ]
    store.segments.add_segments(segs, [text_hash(s.text) for s in segs])


def build(store: Store) -> Store:
    """Segments 1-4 (Uzbek/Latin, transcript 1) and 5-7 (Russian, transcript 2)."""
    add(store, UZ, META[0])
    add(store, RU, META[1])
    store.codebook.save_codebook(load_codebook(DRIVERS), {})
    sugg = [(2, "unemployment", 0.9), (2, "labour_migration", 0.6), (5, "unemployment", 0.7)]
    sugg += [(4, "wedding_costs", 0.8), (7, "wedding_costs", 0.3)]
    store.analysis.replace_suggestions([Suggestion(s, c, x, ("why",)) for s, c, x in sugg], "f")
    topics = [Topic(0, "work", ("ish",), 3, (2,)), Topic(1, "family", ("toʻy",), 2, (4,))]
    store.topics.replace_topics(topics, {2: 0, 5: 0, 1: 0, 4: 1, 7: 1}, "f")
    return store


@pytest.fixture
def b(store: Store) -> Store:
    """A fresh project, for tests that write."""
    return build(store)


@pytest.fixture(scope="module")
def ro(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One project shared by the tests that only read."""
    store = build(Store(tmp_path_factory.mktemp("browse"), create=True))
    yield store
    store.close()


def ids(store: Store, **kw: object) -> list[int]:
    return [r.id for r in list_segments(store, SegmentFilter(**kw), limit=500).items]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "want"),
    [
        ({}, [1, 2, 3, 4, 5, 6, 7]),
        ({"transcript_id": 2}, [5, 6, 7]),
        ({"speaker": "P1"}, [2, 4, 6]),
        ({"region": "Jizzakh"}, [1, 2, 3, 4]),
        ({"district": "Chilonzor"}, [5, 6, 7]),
        ({"group": "women"}, [1, 2, 3, 4]),
        ({"language": "ru"}, [5, 6, 7]),
        ({"date_from": "2022-05-01"}, [5, 6, 7]),
        ({"date_to": "2022-04-12"}, [1, 2, 3, 4]),
        ({"date_from": "2022-04-13", "date_to": "2022-06-08"}, []),
        ({"topic_id": 0}, [1, 2, 5]),
        ({"code_id": "unemployment"}, [2, 5]),
        ({"min_score": 0.75}, [2, 4]),
        ({"max_score": 0.5}, [7]),
        ({"min_score": 0.65, "max_score": 0.75}, [5]),
        ({"code_id": "wedding_costs", "min_score": 0.5}, [4]),
        ({"status": "suggested"}, [2, 4, 5, 7]),
        ({"status": "unreviewed"}, [1, 2, 3, 4, 5, 6, 7]),
        ({"speaker": "P1", "region": "Jizzakh", "topic_id": 1}, [4]),
        ({"query": "ish"}, [2]),
        ({"query": "работа", "speaker": "Moderator"}, [5]),
    ],
)
def test_each_filter_and_combinations(ro: Store, kw: dict[str, object], want: list[int]) -> None:
    assert ids(ro, **kw) == want


def test_statuses_follow_the_review_log_with_undo(b: Store) -> None:
    acc = review.record(b, 2, "unemployment", "accept", "ann")
    review.record(b, 5, "unemployment", "reject", "ann")
    added = review.record(b, 3, "gender_norms", "add", "bob", memo="note")
    assert ids(b, status="accepted") == [2] and ids(b, status="rejected") == [5]
    assert ids(b, status="added") == [3] and ids(b, code_id="gender_norms") == [3]
    assert ids(b, status="suggested") == [2, 4, 7]  # 2 still has labour_migration pending
    assert ids(b, status="suggested", code_id="unemployment") == []
    assert ids(b, status="unreviewed") == [1, 4, 6, 7]
    assert ids(b, status="unreviewed", code_id="unemployment") == [1, 3, 4, 6, 7]
    assert ids(b, status="accepted", min_score=0.95) == []
    row = list_segments(b, SegmentFilter(status="added")).items[0]
    state = row.codes[0]
    assert (state.code_id, state.status, state.score, state.decided_by) == (
        "gender_norms",
        "added",
        None,
        "bob",
    )
    assert state.memo == "note" and state.event_id == added
    assert json.dumps(row.as_dict()) == json.dumps(asdict(row))  # the queue's cheap one
    review.undo(b, acc, "ann")
    review.undo(b, added, "ann")
    assert ids(b, status="accepted") == [] and ids(b, status="added") == []
    assert ids(b, code_id="gender_norms") == [] and ids(b, status="suggested") == [2, 4, 7]


def test_blind_coding_counts_only_the_coders_decisions(b: Store) -> None:
    first = review.record(b, 2, "unemployment", "accept", "ann")
    review.record(b, 2, "unemployment", "reject", "bob")
    assert ids(b, status="rejected") == [2]
    assert ids(b, status="accepted", coder="ann") == [2]
    assert ids(b, status="rejected", coder="ann") == []
    assert 2 in ids(b, status="unreviewed", coder="carol")
    row = list_segments(b, SegmentFilter(transcript_id=1, coder=" ann ")).items[1]
    assert {c.code_id: c.status for c in row.codes}["unemployment"] == "accepted"
    review.undo(b, first, "bob")  # an undo counts whoever wrote it
    assert ids(b, status="accepted", coder="ann") == []
    assert 2 in ids(b, status="unreviewed", coder="ann")


def test_sql_statuses_equal_the_python_fold_of_a_random_log(b: Store) -> None:
    rng = random.Random(7)
    codes = ["unemployment", "labour_migration", "wedding_costs"]
    for _ in range(120):
        events = [e for e in b.review.review_events() if e["action"] != "undo"]
        undone = {e["undoes"] for e in b.review.review_events()}
        live = [e for e in events if e["id"] not in undone]
        if live and rng.random() < 0.25:
            review.undo(b, rng.choice(live)["id"], "ann")
        else:
            action = rng.choice(["accept", "reject", "add"])
            coder = rng.choice(["ann", "bob"])
            review.record(b, rng.randint(1, 7), rng.choice(codes), action, coder)
    for coder in (None, "ann", "bob"):
        log = [e for e in b.review.review_events() if coder in (None, e["coder"]) or e["undoes"]]
        want = review.current_state(log)
        sugg = {(s.segment_id, s.code_id) for s in b.analysis.suggestions()}
        want |= {p: "suggested" for p in sugg if p not in want}
        rows = list_segments(b, SegmentFilter(coder=coder)).items
        got = {(r.id, c.code_id): c.status for r in rows for c in r.codes}
        assert got == want


def test_paging_is_stable_and_totals_count_all_matches(ro: Store) -> None:
    pages = [list_segments(ro, offset=o, limit=3) for o in (0, 3, 6, 9)]
    assert [p.total for p in pages] == [7, 7, 7, 7]
    assert [[r.id for r in p.items] for p in pages] == [[1, 2, 3], [4, 5, 6], [7], []]
    page = list_segments(ro, SegmentFilter(language="uz"), offset=1, limit=2)
    assert (page.total, page.offset, page.limit, [r.id for r in page.items]) == (4, 1, 2, [2, 3])
    row = page.items[0]
    assert (row.transcript_title, row.topic_id, row.topic_label) == ("Jizzakh women", 0, "work")
    assert [(c.code_id, c.score) for c in row.codes] == [
        ("unemployment", 0.9),
        ("labour_migration", 0.6),
    ]
    assert row.codes[0].evidence == ("why",) and row.codes[0].status == "suggested"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: list_segments(s, limit=0), "'limit' must be between 1 and 500"),
        (lambda s: list_segments(s, limit=501), "'limit' must be between 1 and 500"),
        (lambda s: list_segments(s, offset=-1), "'offset' must be 0 or more"),
        (lambda s: list_segments(s, SegmentFilter(status="done")), "Unknown status 'done'"),
        (lambda s: list_segments(s, SegmentFilter(min_score=0.9, max_score=0.1)), "above"),
        (lambda s: list_segments(s, SegmentFilter(date_from="12/04/2022")), "use YYYY-MM-DD"),
        (lambda s: list_segments(s, SegmentFilter(coder="  ")), "'coder' is blank"),
        (lambda s: list_segments(s, SegmentFilter(speaker="P\ud800")), "'speaker' holds"),
        (lambda s: search(s, "ish\udfff"), "'query' holds"),
        (lambda s: search(s, "x" * 501), "the limit is 500"),
        (lambda s: search(s, "   "), "no words"),
        (lambda s: search(s, "a " * 40), "at most 32"),
        (lambda s: search(s, "ish", snippet_words=0), "snippet_words"),
        (lambda s: segment_context(s, 1, before=-1), "'before' must be between 0 and 50"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(ro: Store, call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        call(ro)


def test_unknown_code_transcript_or_segment_is_not_found(ro: Store) -> None:
    with pytest.raises(NotFoundError, match="No code 'nope'"):
        list_segments(ro, SegmentFilter(code_id="nope"))
    with pytest.raises(NotFoundError, match="No transcript with id 9"):
        list_segments(ro, SegmentFilter(transcript_id=9))
    with pytest.raises(NotFoundError, match="No segment with id 99"):
        segment_context(ro, 99)


@pytest.mark.parametrize(
    ("query", "want"),
    [
        ("РОССИИ", [5]),  # Cyrillic, any case
        ("елка", [6]),  # е finds ё ...
        ("тяжелая", [5]),
        ("ёлка", [6]),  # ... and ё finds ё
        ("работ*", [5, 7]),  # prefix
        ("cafe resume", [3]),  # diacritics folded, all words required
        ("NAÏVE", [3]),
        ("o'zbekistonda", [2]),  # Uzbek ʻ matches ' and ‘
        ("o‘zbekistonda yo`q", [2]),
        ("ish yoshlar", [2]),
        ("ish свадьбах", []),
    ],
)
def test_full_text_search(ro: Store, query: str, want: list[int]) -> None:
    assert sorted(h.segment.id for h in search(ro, query).items) == want


def test_search_snippets_mark_matches_and_escape_html(ro: Store) -> None:
    hit = search(ro, "bold").items[0]
    assert [(f.text, f.match) for f in hit.snippet if f.match] == [("bold", True)]
    assert "".join(f.text for f in hit.snippet) == hit.segment.text
    assert hit.snippet_html() == ("Café résumé naïve &lt;b&gt;<mark>bold</mark>&lt;/b&gt; words.")
    page = search(ro, "работ*", SegmentFilter(speaker="P2"), limit=1)
    assert page.total == 1 and page.items[0].segment.id == 7


# fmt: off
INJECTIONS = [
    '"', '"unclosed', "*", "ish*)", "NEAR(", "NEAR(ish ketadi", "ish OR ketadi", "NOT ish",
    "text:ish", "^ish", "'; DROP TABLE segments; --", "ish AND", "(", ")", "{text}: x",
    "ish\x00ketadi", '"" ""', "-ish", "+",
]
# fmt: on


@pytest.mark.parametrize("query", INJECTIONS)
def test_search_syntax_and_injection_never_reach_sqlite(ro: Store, query: str) -> None:
    try:
        page = search(ro, query)
        list_segments(ro, SegmentFilter(query=query))
    except InputError as err:
        assert "no words" in str(err)
    else:
        assert page.total >= 0
    assert len(ro.segments.segments()) == 7


def test_search_follows_edited_segment_text(b: Store) -> None:
    with b.atomic():
        b.redactions.rewrite_transcript(
            2, {}, [], [{"id": 6, "text": "Новый текст про [PERSON_1]."}]
        )
    assert search(b, "ёлка").total == 0
    assert [h.segment.id for h in search(b, "текст").items] == [6]


def test_a_redaction_leaves_no_trace_of_the_word_in_the_index(b: Store) -> None:
    def indexed() -> bool:
        blocks = b.db.execute("SELECT block FROM segments_fts_data").fetchall()
        return any(b"ossiyaga" in (r[0] or b"") for r in blocks)  # stored after a prefix

    assert indexed() and search(b, "rossiyaga").total == 1
    redactions.add_redaction(b, 1, "Rossiyaga", "PLACE")
    assert not indexed() and search(b, "rossiyaga").total == 0
    assert [h.segment.id for h in search(b, "ketadi").items] == [2]


@pytest.mark.parametrize(
    ("seg", "before", "after", "want"),
    [
        (2, 2, 2, ([1], 2, [3, 4])),  # near the start of transcript 1
        (1, 2, 2, ([], 1, [2, 3])),  # first segment
        (4, 2, 2, ([2, 3], 4, [])),  # last segment: nothing from transcript 2
        (5, 1, 1, ([], 5, [6])),  # first of transcript 2: nothing from transcript 1
        (6, 0, 0, ([], 6, [])),
    ],
)
def test_context(
    ro: Store, seg: int, before: int, after: int, want: tuple[list[int], int, list[int]]
) -> None:
    ctx = segment_context(ro, seg, before, after)
    assert ([r.id for r in ctx.before], ctx.segment.id, [r.id for r in ctx.after]) == want
    assert {r.transcript_id for r in (*ctx.before, ctx.segment, *ctx.after)} == {
        ctx.segment.transcript_id
    }


def test_migration_indexes_segments_that_were_there_before(tmp_path: Path) -> None:
    db = Database(tmp_path / "qualcode.db")
    migrations.apply(db, stop_before="m008_segment_search")
    text = "Ishsizlik katta muammo."
    row = {"content_hash": "h", "source_name": "s", "fmt": "text", "title": "t"}
    db.table("transcripts").insert({**row, "text": text, "created_at": "now"})
    seg = {"seq": 0, "char_start": 0, "char_end": 23, "text_hash": "x"}
    db.table("segments").insert({**seg, "transcript_id": 1, "text": text})
    db.close()
    store = Store(tmp_path)
    try:
        assert [h.segment.id for h in search(store, "ishsizlik").items] == [1]
    finally:
        store.close()


@pytest.mark.parametrize(
    "values",
    [{"date_from": "Aziza Karimova"}, {"transcripts": "Aziza Karimova"}, {"statuses": "Aziza"}],
)
def test_a_bad_filter_value_is_never_echoed(values: dict[str, str]) -> None:
    from qualcode.review.selection import Selection

    with pytest.raises(InputError) as err:
        Selection.parse(values)
    assert "Aziza" not in str(err.value)


def test_a_bad_date_in_a_segment_filter_is_never_echoed(ro: Store) -> None:
    with pytest.raises(InputError) as err:
        list_segments(ro, SegmentFilter(date_from="Aziza Karimova"))
    assert "Aziza" not in str(err.value) and "date_from" in str(err.value)
