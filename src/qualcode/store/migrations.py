"""Numbered schema migrations, applied in order by sqlite-utils' ``Migrations``.

Never edit a migration that has shipped: add a new numbered one.  Each runs in a
transaction together with the record of it having been applied.
"""

from __future__ import annotations

import sqlite3

from qualcode.store.sqlite import Database, Migrations

migrations = Migrations("qualcode")


def up_to_date(db: Database) -> bool:
    """Whether every migration is recorded as applied, in one query: a server opens a
    connection per worker thread, and ``migrations.apply``'s own check costs ~1 ms."""
    try:
        rows = db.conn.execute(
            f"SELECT name FROM [{migrations.migrations_table}] WHERE migration_set = ?",
            [migrations.name],
        ).fetchall()
    except sqlite3.OperationalError:  # no migrations table yet
        return False
    applied = {name for (name,) in rows}
    return all(m.name in applied for m in migrations._migrations)


def append_only(table: str) -> str:
    """Triggers that refuse UPDATE and DELETE on ``table``: an audit log stays as written."""
    return "".join(
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table}\n"
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;\n"
        for op in ("UPDATE", "DELETE")
    )


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("transcripts").create(
        {
            "id": int,
            "content_hash": str,
            "source_name": str,
            "fmt": str,
            "title": str,
            "region": str,
            "district": str,
            "date": str,
            "grp": str,
            "language": str,
            "facilitator": str,
            "extra": str,
            "text": str,
            "created_at": str,
        },
        pk="id",
        not_null={"content_hash", "source_name", "fmt", "title", "text", "created_at"},
    )
    db.table("transcripts").create_index(["content_hash"], unique=True)
    db.table("turns").create(
        {
            "id": int,
            "transcript_id": int,
            "idx": int,
            "speaker": str,
            "text": str,
            "start_time": float,
            "end_time": float,
            "char_start": int,
            "char_end": int,
        },
        pk="id",
        foreign_keys=[("transcript_id", "transcripts", "id")],
        not_null={"transcript_id", "idx", "speaker", "text", "char_start", "char_end"},
    )
    db.table("turns").create_index(["transcript_id", "idx"], unique=True)
    db.table("redactions").create(
        {
            "id": int,
            "transcript_id": int,
            "kind": str,
            "pseudonym": str,
            "count": int,
            "confidence": float,
            "source": str,
        },
        pk="id",
        foreign_keys=[("transcript_id", "transcripts", "id")],
    )
    db.table("redactions").create_index(["transcript_id", "pseudonym"], unique=True)


@migrations(name="m002_segments_embeddings")
def m002_segments_embeddings(db: Database) -> None:
    db.table("segments").create(
        {
            "id": int,
            "transcript_id": int,
            "seq": int,
            "turn_index": int,
            "speaker": str,
            "text": str,
            "char_start": int,
            "char_end": int,
            "text_hash": str,
        },
        pk="id",
        foreign_keys=[("transcript_id", "transcripts", "id")],
        not_null={"transcript_id", "seq", "text", "char_start", "char_end", "text_hash"},
    )
    db.table("segments").create_index(["transcript_id", "seq"], unique=True)
    db.table("embeddings").create(
        {"model": str, "text_hash": str, "dim": int, "vector": bytes},
        pk=("model", "text_hash"),
        not_null={"dim", "vector"},
    )
    db.table("stages").create({"name": str, "fingerprint": str, "finished_at": str}, pk="name")


@migrations(name="m003_codes_suggestions_topics")
def m003_codes_suggestions_topics(db: Database) -> None:
    db.table("codebooks").create(
        {"id": int, "name": str, "version": str, "content": str, "loaded_at": str}, pk="id"
    )
    db.table("codes").create(
        {
            "id": str,
            "label": str,
            "definition": str,
            "inclusion": str,
            "exclusion": str,
            "examples": str,
            "keywords": str,
            "parent": str,
        },
        pk="id",
        not_null={"label", "definition"},
    )
    db.table("suggestions").create(
        {"segment_id": int, "code_id": str, "score": float, "evidence": str},
        pk=("segment_id", "code_id"),
        foreign_keys=[("segment_id", "segments", "id"), ("code_id", "codes", "id")],
    )
    db.table("topics").create(
        {"id": int, "label": str, "words": str, "size": int, "representatives": str},
        pk="id",
    )
    db.table("segment_topics").create(
        {"segment_id": int, "topic_id": int},
        pk="segment_id",
        foreign_keys=[("segment_id", "segments", "id"), ("topic_id", "topics", "id")],
    )


@migrations(name="m004_review_log")
def m004_review_log(db: Database) -> None:
    db.table("review_log").create(
        {
            "id": int,
            "segment_id": int,
            "code_id": str,
            "action": str,
            "coder": str,
            "at": str,
            "memo": str,
            "undoes": int,
        },
        pk="id",
        foreign_keys=[("segment_id", "segments", "id")],
        not_null={"segment_id", "code_id", "action", "coder", "at"},
    )
    db.table("review_log").create_index(["segment_id", "code_id"])
    db.executescript(append_only("review_log"))


@migrations(name="m005_redaction_review")
def m005_redaction_review(db: Database) -> None:
    """Review of redactions: an append-only log (no originals), a status per pseudonym,
    and the optional encrypted mapping (Fernet tokens; the key is never stored)."""
    db.table("redactions").add_column("status", str, not_null_default="active")
    db.table("redaction_log").create(
        {
            "id": int,
            "transcript_id": int,
            "action": str,
            "kind": str,
            "pseudonym": str,
            "count": int,
            "actor": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("transcript_id", "transcripts", "id")],
        not_null={"transcript_id", "action", "pseudonym", "count", "actor", "at"},
    )
    db.executescript(append_only("redaction_log"))
    db.table("redaction_keys").create(
        {"transcript_id": int, "pseudonym": str, "token": str},
        pk=("transcript_id", "pseudonym"),
        foreign_keys=[("transcript_id", "transcripts", "id")],
    )


@migrations(name="m006_users_tokens")
def m006_users_tokens(db: Database) -> None:
    """Users with roles, API tokens (only their sha256 is stored) and an append-only audit
    log of writes (names, ids and counts: never transcript text or secrets)."""
    db.table("users").create(
        {"id": int, "name": str, "created_at": str, "disabled": int},
        pk="id",
        not_null={"name", "created_at", "disabled"},
        defaults={"disabled": 0},
    )
    db.execute("CREATE UNIQUE INDEX idx_users_name ON users (name COLLATE NOCASE)")
    db.table("user_roles").create(
        {"user_id": int, "role": str},
        pk=("user_id", "role"),
        foreign_keys=[("user_id", "users", "id")],
    )
    db.table("tokens").create(
        {
            "id": int,
            "user_id": int,
            "token_hash": str,
            "prefix": str,
            "label": str,
            "created_at": str,
            "revoked_at": str,
            "last_used_at": str,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"user_id", "token_hash", "prefix", "created_at"},
    )
    db.table("tokens").create_index(["token_hash"], unique=True)
    db.table("tokens").create_index(["prefix"])
    db.table("audit_log").create(
        {"id": int, "at": str, "user": str, "action": str, "target": str, "detail": str},
        pk="id",
        not_null={"at", "user", "action"},
    )
    db.executescript(append_only("audit_log"))


@migrations(name="m007_jobs")
def m007_jobs(db: Database) -> None:
    """The persistent job queue: long runs (ingest, process) outside HTTP requests.
    ``params`` and ``result`` are JSON of ids, names, options and counts, never text."""
    db.table("jobs").create(
        {
            "id": int,
            "kind": str,
            "params": str,
            "state": str,
            "progress": float,
            "message": str,
            "result": str,
            "attempts": int,
            "created_at": str,
            "started_at": str,
            "finished_at": str,
            "heartbeat_at": str,
            "worker": str,
            "error": str,
        },
        pk="id",
        not_null={"kind", "params", "state", "progress", "attempts", "created_at"},
        defaults={"state": "queued", "progress": 0.0, "attempts": 0, "params": "{}"},
    )
    db.table("jobs").create_index(["state", "id"])


SEGMENT_FTS_TRIGGERS = {
    "insert": "AFTER INSERT ON segments BEGIN {new} END",
    "delete": "AFTER DELETE ON segments BEGIN {old} END",
    "update": "AFTER UPDATE OF text ON segments BEGIN {old} {new} END",
}


@migrations(name="m008_segment_search")
def m008_segment_search(db: Database) -> None:
    """Full-text index over segment text (external content: the text is stored once),
    kept in step by triggers and filled with the segments already there.  Diacritics are
    folded (cafe = café) and Uzbek ʻ/ʼ split words like ' and ‘ do (oʻzbek = o'zbek)."""
    db.execute(
        "CREATE VIRTUAL TABLE segments_fts USING fts5(text, content='segments', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2 separators \u02bb\u02bc')"
    )
    db.execute("INSERT INTO segments_fts(segments_fts) VALUES ('rebuild')")
    new = "INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);"
    old = "INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    for name, body in SEGMENT_FTS_TRIGGERS.items():
        db.execute(f"CREATE TRIGGER segments_fts_{name} " + body.format(new=new, old=old))
    # FTS5 keeps replaced words in its pages until they merge: once a redaction has
    # rewritten segment text (and been logged), merge so the redacted words leave no trace.
    db.execute(
        "CREATE TRIGGER segments_fts_purge AFTER INSERT ON redaction_log BEGIN "
        "INSERT INTO segments_fts(segments_fts) VALUES ('optimize'); END"
    )


_CODE_SNAPSHOT = (
    "json_object('label', label, 'definition', definition, "
    "'inclusion', coalesce(inclusion, ''), 'exclusion', coalesce(exclusion, ''), "
    "'examples', json(coalesce(examples, '[]')), 'keywords', json(coalesce(keywords, '[]')), "
    "'parent', parent)"
)
_LISTED_CODE_IDS = (  # ids in the latest codebook; json_each has its own "id" column
    "SELECT json_extract(value, '$.id') AS code_id FROM json_each("
    "(SELECT content FROM codebooks ORDER BY id DESC LIMIT 1), '$.codes') "
    "WHERE code_id IS NOT NULL"
)
_HISTORY_INSERT = (
    'INSERT INTO code_history (code_id, version, action, status, content, "user", at, note) '
    f"SELECT id, ?, ?, ?, {_CODE_SNAPSHOT}, 'migration', "
    "coalesce(?, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')), ? FROM codes "
)


@migrations(name="m009_codebook_history")
def m009_codebook_history(db: Database) -> None:
    """Versioned codes: status, version and merged_into on ``codes`` and an append-only
    ``code_history`` of snapshots.  Every existing code is recorded as version 1 (as of the
    first codebook load); one the latest codebook does not list is recorded as retired."""
    codes = db.table("codes")
    codes.add_column("status", str, not_null_default="active")
    codes.add_column("version", int, not_null_default=1)
    codes.add_column("merged_into", str)
    db.table("code_history").create(
        {
            "id": int,
            "code_id": str,
            "version": int,
            "action": str,
            "status": str,
            "content": str,
            "merged_into": str,
            "user": str,
            "at": str,
            "note": str,
        },
        pk="id",
        foreign_keys=[("code_id", "codes", "id")],
        not_null={"code_id", "version", "action", "status", "content", "user", "at"},
    )
    db.table("code_history").create_index(["code_id", "version"], unique=True)
    db.executescript(append_only("code_history"))
    first, last = db.execute("SELECT MIN(loaded_at), MAX(loaded_at) FROM codebooks").fetchone()
    began = "recorded when code history began"
    db.execute(_HISTORY_INSERT + "ORDER BY rowid", [1, "add", "active", first, began])
    if db.execute(f"SELECT count(*) FROM ({_LISTED_CODE_IDS})").fetchone()[0]:
        unlisted = f"WHERE id NOT IN ({_LISTED_CODE_IDS})"
        note = "not in the project's codebook when code history began"
        db.execute(_HISTORY_INSERT + unlisted, [2, "retire", "retired", last, note])
        db.execute(f"UPDATE codes SET status = 'retired', version = 2 {unlisted}")


@migrations(name="m010_project_members")
def m010_project_members(db: Database) -> None:
    """Which users may open which project of a workspace (the server's own database)."""
    db.table("project_members").create(
        {"user_id": int, "project": str, "added_at": str},
        pk=("user_id", "project"),
        foreign_keys=[("user_id", "users", "id")],
    )


@migrations(name="m011_review_spans")
def m011_review_spans(db: Database) -> None:
    """A code added to part of a segment: character offsets into the segment's text."""
    db.table("review_log").add_column("span_start", int)
    db.table("review_log").add_column("span_end", int)


@migrations(name="m012_topic_centroids")
def m012_topic_centroids(db: Database) -> None:
    """What assigning new segments to existing topics without a refit needs: each topic's
    centroid (mean embedding, normalised; float32 like ``embeddings``), and every segment
    the topics stage has seen with its text hash and how it got its topic (``fit``,
    ``reassigned`` outlier, ``assigned`` without a refit, or ``outlier``: none)."""
    db.table("topic_centroids").create(
        {"topic_id": int, "model": str, "dim": int, "vector": bytes},
        pk="topic_id",
        not_null={"dim", "vector"},
    )
    db.table("topic_inputs").create(
        {"segment_id": int, "text_hash": str, "how": str},
        pk="segment_id",
        not_null={"text_hash", "how"},
    )


@migrations(name="m013_languages")
def m013_languages(db: Database) -> None:
    """The language of each turn and segment (``qualcode.languages.detect``): an ISO 639-1
    code, ``mixed`` or ``und``; NULL until detected (older projects: at the next process)."""
    db.table("turns").add_column("language", str)
    db.table("segments").add_column("language", str)


@migrations(name="m014_code_translations")
def m014_code_translations(db: Database) -> None:
    """A code's texts in other languages (JSON: language -> fields); NULL when none."""
    db.table("codes").add_column("translations", str)


@migrations(name="m015_sessions")
def m015_sessions(db: Database) -> None:
    """Web sign-in sessions: the cookie holds a random session id (stored as its sha256),
    never the API token it was opened with; each expires and can be ended."""
    db.table("sessions").create(
        {
            "id": int,
            "session_hash": str,
            "token_id": int,
            "created_at": str,
            "expires_at": str,
            "ended_at": str,
        },
        pk="id",
        not_null={"session_hash", "token_id", "created_at", "expires_at"},
        foreign_keys=[("token_id", "tokens", "id")],
    )
    db.table("sessions").create_index(["session_hash"], unique=True)


@migrations(name="m016_job_stages")
def m016_job_stages(db: Database) -> None:
    """The stage a running job is in (e.g. ``embed``) and its count of items done out of
    ``total`` (NULL while unknown), beside the overall ``progress`` fraction."""
    for column, kind in (("stage", str), ("done", int), ("total", int)):
        db.table("jobs").add_column(column, kind)


@migrations(name="m017_memos_flags")
def m017_memos_flags(db: Database) -> None:
    """Memos on a project, transcript, segment or code: ``memos`` names the target and the
    author; ``memo_versions`` holds each version of the text (an edit or a deletion is a
    new version pointing at the one it replaces).  Both are append-only.  Flags ("for
    later") are each coder's own bookmarks on segments.  A user's interface language."""
    db.table("memos").create(
        {"id": int, "target": str, "target_id": str, "author": str, "created_at": str},
        pk="id",
        not_null={"target", "target_id", "author", "created_at"},
    )
    db.table("memos").create_index(["target", "target_id"])
    db.table("memo_versions").create(
        {
            "id": int,
            "memo_id": int,
            "version": int,
            "replaces": int,
            "text": str,
            "deleted": int,
            "by": str,
            "at": str,
        },
        pk="id",
        not_null={"memo_id", "version", "text", "deleted", "by", "at"},
        foreign_keys=[("memo_id", "memos", "id"), ("replaces", "memo_versions", "id")],
    )
    db.table("memo_versions").create_index(["memo_id", "version"], unique=True)
    db.executescript(append_only("memos") + append_only("memo_versions"))
    db.table("segment_flags").create(
        {"segment_id": int, "coder": str, "at": str},
        pk=("segment_id", "coder"),
        foreign_keys=[("segment_id", "segments", "id")],
    )
    db.table("users").add_column("language", str)
