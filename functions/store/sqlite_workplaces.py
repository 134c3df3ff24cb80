"""The organisation's workplaces on SQLite (table `workplaces`; leaders as a JSON array)."""

from __future__ import annotations

import json
import sqlite3

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import Workplace
from functions.store.sqlite_database import Database, raising_on_duplicate

_WORKPLACE = "SELECT id, name, area, kiosk_shows_last_week, leaders FROM workplaces"


def _workplace(row: sqlite3.Row) -> Workplace:
    return Workplace(
        id=row["id"],
        name=row["name"],
        area=row["area"],
        kiosk_shows_last_week=bool(row["kiosk_shows_last_week"]),
        leaders=tuple(json.loads(row["leaders"])),
    )


class SqliteWorkplaces:
    """Workplaces (the WorkplaceStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

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
