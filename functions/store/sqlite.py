"""The Store on one SQLite file, for the embedded stack (tables in store/sqlite_database.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import AuditEntry, Pin, Prompt, Settings, SigninSettings, Workplace
from functions.store.sqlite_access import SqliteAccess
from functions.store.sqlite_database import Database, raising_on_duplicate
from functions.store.sqlite_digests import SqliteDigests
from functions.store.sqlite_languages import SqliteLanguages
from functions.store.sqlite_records import SqliteRecords

_WORKPLACE = "SELECT id, name, area, kiosk_shows_last_week, leaders FROM workplaces"
_PROMPT = "SELECT id, da, en, active FROM prompts"


def _workplace(row: sqlite3.Row) -> Workplace:
    return Workplace(
        id=row["id"],
        name=row["name"],
        area=row["area"],
        kiosk_shows_last_week=bool(row["kiosk_shows_last_week"]),
        leaders=tuple(json.loads(row["leaders"])),
    )


def _prompt(row: sqlite3.Row) -> Prompt:
    return Prompt(id=row["id"], da=row["da"], en=row["en"], active=bool(row["active"]))


class SqliteStore(SqliteRecords, SqliteAccess, SqliteDigests, SqliteLanguages):
    """The Store on one SQLite file. `trace`, if given, sees every SQL statement (tests count)."""

    def __init__(self, path: str, *, trace: Callable[[str], None] | None = None):
        self._db = Database(path, trace)

    def close(self) -> None:
        """Close the file's connections (every thread's)."""
        self._db.close()

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

    def create_workplace(self, workplace: Workplace) -> None:
        """Add a workplace; Conflict if the id exists."""
        exists = Conflict(f"Workplace {workplace.id!r} exists.")
        with self._db.transaction() as db, raising_on_duplicate(exists):
            db.execute(
                "INSERT INTO workplaces (id, name, area, kiosk_shows_last_week, leaders) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    workplace.id,
                    workplace.name,
                    workplace.area,
                    int(workplace.kiosk_shows_last_week),
                    json.dumps(list(workplace.leaders)),
                ),
            )

    def get_workplace(self, workplace_id: str) -> Workplace | None:
        """One workplace, or None."""
        rows = self._db.read(f"{_WORKPLACE} WHERE id = ?", (workplace_id,))
        return _workplace(rows[0]) if rows else None

    def list_workplaces(self) -> list[Workplace]:
        """All workplaces, by name (case-folded, as on DynamoDB)."""
        workplaces = map(_workplace, self._db.read(_WORKPLACE))
        return sorted(workplaces, key=lambda w: (w.name.casefold(), w.id))

    def update_workplace(self, workplace: Workplace) -> None:
        """Replace name, area, kiosk setting and leaders; NotFound if missing."""
        with self._db.transaction() as db:
            changed = db.execute(
                "UPDATE workplaces SET name = ?, area = ?, kiosk_shows_last_week = ?, leaders = ? "
                "WHERE id = ?",
                (
                    workplace.name,
                    workplace.area,
                    int(workplace.kiosk_shows_last_week),
                    json.dumps(list(workplace.leaders)),
                    workplace.id,
                ),
            )
            if changed.rowcount == 0:
                raise NotFound(f"No workplace with id {workplace.id!r}.")

    def list_prompts(self) -> list[Prompt]:
        """Every prompt, in creation order."""
        return [_prompt(row) for row in self._db.read(f"{_PROMPT} ORDER BY seq")]

    def get_prompt(self, prompt_id: str) -> Prompt | None:
        """One prompt, or None."""
        rows = self._db.read(f"{_PROMPT} WHERE id = ?", (prompt_id,))
        return _prompt(rows[0]) if rows else None

    def put_prompt(self, prompt: Prompt) -> None:
        """Create or replace a prompt; a replaced prompt keeps its place in creation order."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT INTO prompts (id, da, en, active) VALUES (?, ?, ?, ?) ON CONFLICT (id) "
                "DO UPDATE SET da = excluded.da, en = excluded.en, active = excluded.active",
                (prompt.id, prompt.da, prompt.en, int(prompt.active)),
            )

    def get_rotation(self) -> list[str]:
        """The ordered prompt ids of the rotation."""
        rows = self._db.read("SELECT prompt_id FROM rotation ORDER BY position")
        return [row["prompt_id"] for row in rows]

    def set_rotation(self, prompt_ids: list[str]) -> None:
        """Replace the rotation order."""
        with self._db.transaction() as db:
            db.execute("DELETE FROM rotation")
            db.executemany(
                "INSERT INTO rotation (position, prompt_id) VALUES (?, ?)",
                list(enumerate(prompt_ids)),
            )

    def list_pins(self, first_week: str, last_week: str) -> list[Pin]:
        """Pins of weeks first..last, by week; the all-workplaces pin first."""
        rows = self._db.read(
            "SELECT week, scope, prompt_id FROM pins WHERE week BETWEEN ? AND ? "
            "ORDER BY week, scope",
            (first_week, last_week),
        )
        return [
            Pin(week=row["week"], prompt_id=row["prompt_id"], workplace_id=row["scope"] or None)
            for row in rows
        ]

    def put_pin(self, pin: Pin) -> None:
        """Pin a prompt to a week, replacing the pin of the same week and scope."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO pins (week, scope, prompt_id) VALUES (?, ?, ?)",
                (pin.week, pin.workplace_id or "", pin.prompt_id),
            )

    def delete_pin(self, week: str, workplace_id: str | None) -> None:
        """Remove a pin, if there is one."""
        with self._db.transaction() as db:
            db.execute("DELETE FROM pins WHERE week = ? AND scope = ?", (week, workplace_id or ""))

    def append_audit(self, entry: AuditEntry) -> None:
        """Add one entry to the audit log."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT INTO audit (at, admin, action, detail) VALUES (?, ?, ?, ?)",
                (entry.at, entry.admin, entry.action, entry.detail),
            )

    def list_audit(self, limit: int) -> list[AuditEntry]:
        """The newest `limit` entries, newest first."""
        rows = self._db.read(
            "SELECT at, admin, action, detail FROM audit ORDER BY at DESC, seq DESC LIMIT ?",
            (max(limit, 0),),
        )
        return [AuditEntry(**dict(row)) for row in rows]

    def count_attempt(self, bucket: str, window: int, expires_at: int) -> int:
        """Add one to the window's counter; the new count."""
        with self._db.transaction() as db:
            row = db.execute(
                "INSERT INTO attempts (bucket, time_window, attempts, expires_at) "
                "VALUES (?, ?, 1, ?) ON CONFLICT (bucket, time_window) DO UPDATE SET "
                "attempts = attempts + 1, expires_at = excluded.expires_at RETURNING attempts",
                (bucket, window, expires_at),
            ).fetchall()[0]
        return row["attempts"]

    def get_attempts(self, bucket: str, window: int) -> int:
        """The window's counter, without adding to it."""
        rows = self._db.read(
            "SELECT attempts FROM attempts WHERE bucket = ? AND time_window = ?", (bucket, window)
        )
        return rows[0]["attempts"] if rows else 0

    def is_empty(self) -> bool:
        """No workplace, prompt or settings yet (as on DynamoDB: tokens do not count)."""
        rows = self._db.read(
            "SELECT EXISTS (SELECT 1 FROM workplaces) OR EXISTS (SELECT 1 FROM prompts) "
            "OR EXISTS (SELECT 1 FROM settings) AS found"
        )
        return not rows[0]["found"]
