"""The detected language of each turn and segment (NULL until detected)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from qualcode.store.db import Part

_TABLES = ("turns", "segments")


class LanguageStore(Part):
    def undetected(self, table: str) -> list[tuple[int, str]]:
        """(id, text) of the rows of ``table`` (turns or segments) with no language yet."""
        _check(table)
        return [
            (int(r[0]), str(r[1]))
            for r in self.db.execute(f"SELECT id, text FROM {table} WHERE language IS NULL")
        ]

    def set_languages(self, table: str, languages: Mapping[int, str]) -> None:
        _check(table)
        with self.atomic():
            self.db.conn.executemany(
                f"UPDATE {table} SET language = ? WHERE id = ?",
                [(code, row_id) for row_id, code in languages.items()],
            )

    def present(self) -> list[str]:
        """The languages at least one segment is in."""
        return [code for code, n in self.segment_languages().items() if n]

    def segment_languages(self, transcript_id: int | None = None) -> Counter[str]:
        """How many segments are in each language (of one transcript, or all)."""
        where, args = ("WHERE transcript_id = ?", [transcript_id]) if transcript_id else ("", [])
        rows = self.db.execute(
            f"SELECT coalesce(language, ''), count(*) FROM segments {where} GROUP BY 1", args
        )
        return Counter({str(code): int(n) for code, n in rows})


def _check(table: str) -> None:
    if table not in _TABLES:
        raise ValueError(f"no language column in {table!r}")
