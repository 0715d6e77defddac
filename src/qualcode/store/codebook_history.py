"""Store methods for versioned codes: a status and version per code, and its history.

A code's id never changes.  Every change (add, edit, retire, restore, merge) bumps the
code's ``version`` in ``codes`` and appends a snapshot of the code to the append-only
``code_history``, in one transaction with a new ``codebooks`` row holding the codebook as
it now stands (active codes only), so the pipeline and exports see the change.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from qualcode.errors import ConflictError, NotFoundError
from qualcode.records import Code, Codebook, CodeText, to_code_texts, to_mapping
from qualcode.store.db import Part, utcnow

CODE_FIELDS = (
    "label",
    "definition",
    "inclusion",
    "exclusion",
    "examples",
    "keywords",
    "parent",
    "translations",
)
ROW_COLUMNS = ("id", *CODE_FIELDS, "status", "version", "merged_into")
DEFAULT_HEADER = {"name": "Project codebook", "version": "1", "description": ""}
FILE_USER = "codebook file"
LOAD_USERS = (FILE_USER, "migration")  # history written for a file load, not by a person


def history_now() -> str:
    """Microsecond UTC timestamps, as in the review log, so the two order exactly."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def code_content(row: Mapping[str, Any]) -> dict[str, Any]:
    """A ``codes`` row's snapshot: every field but the id, lists as lists."""
    return {
        "label": row["label"],
        "definition": row["definition"],
        "inclusion": row["inclusion"] or "",
        "exclusion": row["exclusion"] or "",
        "examples": json.loads(row["examples"] or "[]"),
        "keywords": json.loads(row["keywords"] or "[]"),
        "parent": row["parent"],
    } | ({"translations": json.loads(t)} if (t := row.get("translations")) else {})


@dataclass(frozen=True)
class CodeChange:
    """One new version of a code: its content and state afterwards, and who made it."""

    code_id: str
    action: str  # add | edit | merge | retire | restore
    content: dict[str, Any]  # CODE_FIELDS, examples and keywords as lists
    status: str  # active | retired | merged
    version: int  # the new version: 1 for an add, else the previous version + 1
    user: str
    at: str
    note: str = ""
    merged_into: str | None = None


def _row_values(change: CodeChange) -> list[Any]:
    c = change.content
    lists: dict[str, str | None] = {
        k: json.dumps(list(c[k]), ensure_ascii=False) for k in ("examples", "keywords")
    }
    lists["translations"] = (
        json.dumps(c["translations"], ensure_ascii=False) if c.get("translations") else None
    )
    fields = [lists.get(k, c.get(k)) for k in CODE_FIELDS]
    return [change.code_id, *fields, change.status, change.version, change.merged_into]


class CodebookStore(Part):
    def save_codebook(self, codebook: Codebook, content: dict[str, Any]) -> None:
        """Make ``codebook`` the project's codebook.  Existing codes are kept (not deleted)
        so review decisions that name them keep their meaning; the change is versioned in
        ``code_history`` (codes the file lacks are retired; see ``record_codebook_load``)."""
        with self.atomic():
            self.db.table("codebooks").insert(
                {
                    "name": codebook.name,
                    "version": codebook.version,
                    "content": json.dumps(content, ensure_ascii=False),
                    "loaded_at": utcnow(),
                }
            )
            self.db.table("codes").upsert_all(
                (
                    {
                        "id": c.id,
                        "label": c.label,
                        "definition": c.definition,
                        "inclusion": c.inclusion,
                        "exclusion": c.exclusion,
                        "examples": json.dumps(list(c.examples), ensure_ascii=False),
                        "keywords": json.dumps(list(c.keywords), ensure_ascii=False),
                        "parent": c.parent,
                        "translations": _translations_json(c),
                    }
                    for c in codebook.codes
                ),
                pk="id",
            )
            self.record_codebook_load(codebook)

    def codebook_content(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT content FROM codebooks ORDER BY id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row else None

    def code_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM codes")}

    def code(self, code_id: str) -> Code:
        rows = list(self.db.query("SELECT * FROM codes WHERE id = ?", [code_id]))
        if not rows:
            raise NotFoundError(f"No code '{code_id}' in this project's codebook.")
        r = rows[0]
        return Code(
            id=r["id"],
            label=r["label"],
            definition=r["definition"],
            inclusion=r["inclusion"] or "",
            exclusion=r["exclusion"] or "",
            examples=tuple(json.loads(r["examples"] or "[]")),
            keywords=tuple(json.loads(r["keywords"] or "[]")),
            parent=r["parent"],
            translations=_code_texts(r.get("translations")),
        )

    """Versioned codes and their append-only history.  See ``qualcode.codebook.edit``."""

    def code_records(self) -> list[dict[str, Any]]:
        """Every code ever loaded or added, with status, version and merged_into."""
        return list(self.db.query("SELECT * FROM codes ORDER BY rowid"))

    def code_record(self, code_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM codes WHERE id = ?", [code_id]))
        return rows[0] if rows else None

    def inactive_code_ids(self) -> set[str]:
        """Retired and merged codes: kept for old decisions, never suggested."""
        return {r[0] for r in self.db.execute("SELECT id FROM codes WHERE status != 'active'")}

    def code_history_rows(self, code_id: str) -> list[dict[str, Any]]:
        rows = self.db.query(
            "SELECT * FROM code_history WHERE code_id = ? ORDER BY version", [code_id]
        )
        return [r | {"content": json.loads(r["content"])} for r in rows]

    def current_codebook_content(self) -> dict[str, Any]:
        """The codebook as it stands: the latest header and the active codes, in the latest
        codebook's order (codes it does not list come last, oldest first)."""
        latest = self._latest_codebook()
        listed = codes if isinstance(codes := latest.get("codes"), list) else []
        order = {c.get("id"): i for i, c in enumerate(listed) if isinstance(c, dict)}
        rows = [r for r in self.code_records() if r["status"] == "active"]
        rows.sort(key=lambda r: order.get(r["id"], len(order)))
        return _header(latest) | {"codes": [{"id": r["id"]} | code_content(r) for r in rows]}

    def write_code_change(self, change: CodeChange, *, target: str | None = None) -> None:
        """Apply ``change`` to ``codes``, append it to ``code_history`` and record the
        codebook as it now stands, at once.  A change made from a stale version, a
        duplicate add, or a merge whose ``target`` is no longer active is a ConflictError
        and nothing is written."""
        with self.atomic():
            self._apply(change)
            if target is not None and not self._is_active(target):
                raise ConflictError(
                    f"Code '{target}' is no longer active; reload the codebook and choose "
                    "an active code to merge into."
                )
            self._append_history(change)
            content = self.current_codebook_content()
            self.db.table("codebooks").insert(
                {
                    "name": content["name"],
                    "version": content["version"],
                    "content": json.dumps(content, ensure_ascii=False),
                    "loaded_at": utcnow(),
                }
            )

    def _apply(self, change: CodeChange) -> None:
        values = _row_values(change)
        if change.action == "add":
            marks = ", ".join("?" * len(ROW_COLUMNS))
            sql = f"INSERT OR IGNORE INTO codes ({', '.join(ROW_COLUMNS)}) VALUES ({marks})"
            if self.db.execute(sql, values).rowcount != 1:
                raise ConflictError(
                    f"Code '{change.code_id}' already exists; edit or restore it, or choose "
                    "another id."
                )
            return
        sets = ", ".join(f"{c} = ?" for c in ROW_COLUMNS[1:])
        sql = f"UPDATE codes SET {sets} WHERE id = ? AND version = ?"
        if self.db.execute(sql, [*values[1:], change.code_id, change.version - 1]).rowcount != 1:
            raise self.stale_version(change.code_id, change.version - 1)

    def stale_version(self, code_id: str, expected: int) -> ConflictError:
        row = self.code_record(code_id)
        current = row["version"] if row else "unknown"
        return ConflictError(
            f"Code '{code_id}' is at version {current}, not {expected}: someone changed it; "
            f"reload it, re-apply your change and send expected_version={current}."
        )

    def _append_history(self, change: CodeChange) -> None:
        self.db.table("code_history").insert(
            {
                "code_id": change.code_id,
                "version": change.version,
                "action": change.action,
                "status": change.status,
                "content": json.dumps(change.content, ensure_ascii=False),
                "merged_into": change.merged_into,
                "user": change.user,
                "at": change.at,
                "note": change.note,
            }
        )

    def _is_active(self, code_id: str) -> bool:
        row = self.code_record(code_id)
        return row is not None and row["status"] == "active"

    def _latest_codebook(self) -> dict[str, Any]:
        row = self.db.execute("SELECT content FROM codebooks ORDER BY id DESC LIMIT 1").fetchone()
        content = json.loads(row[0]) if row else None
        return content if isinstance(content, dict) else {}

    # codebook files -------------------------------------------------------------
    def record_codebook_load(self, codebook: Codebook) -> None:
        """History for a codebook file just saved (call inside the same transaction): new
        codes get version 1, changed ones a new version, and active codes the file lacks
        are retired.  A code retired or merged by a person stays so until restored, even if
        the file lists it; one retired only because an earlier file lacked it comes back."""
        latest = self._latest_entries()
        loaded = {c.id for c in codebook.codes}
        note = f"loaded from codebook '{codebook.name}' version {codebook.version}"
        for row in self.code_records():
            entry = latest.get(row["id"])
            steps = _load_steps(row, entry, row["id"] in loaded)
            version = entry["version"] if entry else 0
            for i, (action, status) in enumerate(steps, start=version + 1):
                change = CodeChange(
                    code_id=row["id"],
                    action=action,
                    content=code_content(row),
                    status=status,
                    version=i,
                    user=FILE_USER,
                    at=history_now(),
                    note=note,
                    merged_into=row["merged_into"],
                )
                self._append_history(change)
            if steps:
                self.db.execute(
                    "UPDATE codes SET status = ?, version = ? WHERE id = ?",
                    [steps[-1][1], version + len(steps), row["id"]],
                )

    def _latest_entries(self) -> dict[str, dict[str, Any]]:
        """Each code's latest history entry."""
        rows = self.db.query(
            "SELECT * FROM code_history h WHERE version = "
            "(SELECT MAX(version) FROM code_history WHERE code_id = h.code_id)"
        )
        return {r["code_id"]: r | {"content": json.loads(r["content"])} for r in rows}


def _header(latest: Mapping[str, Any]) -> dict[str, str]:
    """Name, version and description of the latest codebook, or defaults for a project
    whose stored codebook has none."""
    header = dict(DEFAULT_HEADER)
    for key in header:
        value = latest.get(key)
        if isinstance(value, str) and (value.strip() or key == "description"):
            header[key] = value
    return header


def _load_steps(
    row: Mapping[str, Any], latest: Mapping[str, Any] | None, listed: bool
) -> list[tuple[str, str]]:
    """The (action, status) history entries a file load implies for one code."""
    steps: list[tuple[str, str]] = []
    if latest is None:
        steps.append(("add", row["status"]))
    elif latest["content"] != code_content(row):
        steps.append(("edit", row["status"]))
    if row["status"] == "active" and not listed:
        steps.append(("retire", "retired"))
    elif listed and latest and latest["action"] == "retire" and latest["user"] in LOAD_USERS:
        steps.append(("restore", "active"))
    return steps


def _translations_json(code: Code) -> str | None:
    if not code.translations:
        return None
    return json.dumps(to_mapping(code.translations), ensure_ascii=False)


def _code_texts(stored: str | None) -> tuple[CodeText, ...]:
    """The ``translations`` column back as ``CodeText`` entries, by language."""
    return to_code_texts(json.loads(stored)) if stored else ()
