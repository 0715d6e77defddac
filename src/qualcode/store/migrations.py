"""Numbered schema migrations, applied in order by sqlite-utils' ``Migrations``.

Never edit a migration that has shipped: add a new numbered one.  Each runs in a
transaction together with the record of it having been applied.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("qualcode")


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
