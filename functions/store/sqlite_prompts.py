"""Prompts, their rotation order and pins on SQLite (tables `prompts`, `rotation`, `pins`)."""

from __future__ import annotations

import sqlite3

from functions.domain.models import Pin, Prompt
from functions.store.sqlite_database import Database

_PROMPT = "SELECT id, da, en, active FROM prompts"


def _prompt(row: sqlite3.Row) -> Prompt:
    return Prompt(id=row["id"], da=row["da"], en=row["en"], active=bool(row["active"]))


class SqlitePrompts:
    """Prompts, rotation and pins (the PromptStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

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
