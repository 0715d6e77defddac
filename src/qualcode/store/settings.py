"""Project settings: key-value strings (validated by ``qualcode.settings``)."""

from __future__ import annotations

from qualcode.store.db import Part


class SettingsStore(Part):
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_settings(self, values: dict[str, str]) -> None:
        with self.atomic():
            self.db.table("settings").upsert_all(
                [{"key": k, "value": v} for k, v in values.items()], pk="key"
            )

    def settings(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.db.table("settings").rows}
