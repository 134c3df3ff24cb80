"""The organisation's settings and sign-in settings on SQLite: one row each (id 1)."""

from __future__ import annotations

import json

from functions.domain.models import Settings, SigninSettings
from functions.store.sqlite_database import Database


class SqliteSettings:
    """Settings and sign-in settings (the SettingsStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get_settings(self, default: Settings) -> Settings:
        """The stored settings, or `default`."""
        rows = self._db.read(
            "SELECT anonymity_threshold, cooldown_seconds, idle_reset_seconds "
            "FROM settings WHERE id = 1"
        )
        return Settings(**dict(rows[0])) if rows else default

    def put_settings(self, settings: Settings) -> None:
        """Replace the settings."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO settings (id, anonymity_threshold, cooldown_seconds, "
                "idle_reset_seconds) VALUES (1, ?, ?, ?)",
                (
                    settings.anonymity_threshold,
                    settings.cooldown_seconds,
                    settings.idle_reset_seconds,
                ),
            )

    def get_signin_settings(self) -> SigninSettings:
        """The stored sign-in settings, or the defaults."""
        rows = self._db.read(
            "SELECT admin_emails, admin_groups, viewer_links FROM signin_settings WHERE id = 1"
        )
        if not rows:
            return SigninSettings()
        return SigninSettings(
            admin_emails=tuple(json.loads(rows[0]["admin_emails"])),
            admin_groups=tuple(json.loads(rows[0]["admin_groups"])),
            viewer_links=bool(rows[0]["viewer_links"]),
        )

    def put_signin_settings(self, settings: SigninSettings) -> None:
        """Replace the sign-in settings."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO signin_settings (id, admin_emails, admin_groups, "
                "viewer_links) VALUES (1, ?, ?, ?)",
                (
                    json.dumps(list(settings.admin_emails)),
                    json.dumps(list(settings.admin_groups)),
                    int(settings.viewer_links),
                ),
            )
