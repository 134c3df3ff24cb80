"""What kiosks hand in, on SQLite: check-ins into week aggregates, sentence completions, review.

Each item is one transaction: its marker (primary key event_id, so a retry finds it) with its
effect, so a retried item adds nothing and a crash between items leaves each whole.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import (
    SCORES,
    CheckinToRecord,
    Completion,
    CompletionStatus,
    CompletionToRecord,
    WeekAggregate,
)
from functions.store.item_checks import require_scores
from functions.store.sqlite_database import Database, raising_on_duplicate

_MARK = "INSERT INTO event_markers (event_id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING"
_ADD_CHECKIN = (
    "INSERT INTO week_aggregates (workplace_id, week, count, total, "
    "d1, d2, d3, d4, d5, d6, d7, d8, d9, d10) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (workplace_id, week) DO UPDATE SET count = count + 1, "
    "total = total + excluded.total, d1 = d1 + excluded.d1, d2 = d2 + excluded.d2, "
    "d3 = d3 + excluded.d3, d4 = d4 + excluded.d4, d5 = d5 + excluded.d5, d6 = d6 + excluded.d6, "
    "d7 = d7 + excluded.d7, d8 = d8 + excluded.d8, d9 = d9 + excluded.d9, d10 = d10 + excluded.d10"
)
_COLUMNS = "workplace_id, week, count, total, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10"
_RELEASE = (
    "INSERT INTO released_aggregates "
    "(workplace_id, week, count, total, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (workplace_id, week) DO UPDATE SET count = excluded.count, "
    "total = excluded.total, d1 = excluded.d1, d2 = excluded.d2, d3 = excluded.d3, "
    "d4 = excluded.d4, d5 = excluded.d5, d6 = excluded.d6, d7 = excluded.d7, d8 = excluded.d8, "
    "d9 = excluded.d9, d10 = excluded.d10 WHERE excluded.count > released_aggregates.count"
)


_SELECT = {
    False: f"SELECT {_COLUMNS} FROM week_aggregates",  # noqa: S608 - constant names only
    True: f"SELECT {_COLUMNS} FROM released_aggregates",  # noqa: S608 - constant names only
}


def _aggregates_from(released: bool) -> str:
    return _SELECT[released]


_COMPLETION = "SELECT id, workplace_id, week, prompt_id, text, status FROM completions"


def _aggregate(row: sqlite3.Row) -> WeekAggregate:
    return WeekAggregate(
        week=row["week"],
        count=row["count"],
        total=row["total"],
        distribution=tuple(row[f"d{score}"] for score in SCORES),
    )


def _completion(row: sqlite3.Row) -> Completion:
    return Completion(
        id=row["id"],
        workplace_id=row["workplace_id"],
        week=row["week"],
        prompt_id=row["prompt_id"],
        text=row["text"],
        status=CompletionStatus(row["status"]),
    )


class SqliteCheckins:
    """Check-ins and week aggregates (the CheckinStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record_checkins(self, workplace_id: str, checkins: list[CheckinToRecord]) -> list[bool]:
        """Count each check-in once; one transaction per item (marker + aggregate upsert)."""
        require_scores(checkins)
        return [self._record_checkin(workplace_id, checkin) for checkin in checkins]

    def _record_checkin(self, workplace_id: str, checkin: CheckinToRecord) -> bool:
        one_hot = tuple(int(score == checkin.score) for score in SCORES)
        with self._db.transaction() as db:
            if db.execute(_MARK, (checkin.event_id, checkin.marker_expires_at)).rowcount == 0:
                return False
            db.execute(_ADD_CHECKIN, (workplace_id, checkin.week, checkin.score, *one_hot))
        return True

    def week_aggregates(
        self, workplace_id: str, weeks: list[str], released: bool = False
    ) -> dict[str, WeekAggregate]:
        """One SELECT over the weeks' range."""
        if not weeks:
            return {}
        rows = self._db.read(
            f"{_aggregates_from(released)} WHERE workplace_id = ? AND week BETWEEN ? AND ?",
            (workplace_id, min(weeks), max(weeks)),
        )
        wanted = set(weeks)
        return {row["week"]: _aggregate(row) for row in rows if row["week"] in wanted}

    def organisation_aggregates(
        self, weeks: list[str], released: bool = False
    ) -> dict[str, dict[str, WeekAggregate]]:
        """One SELECT over the weeks' range, every workplace."""
        if not weeks:
            return {}
        rows = self._db.read(
            f"{_aggregates_from(released)} WHERE week BETWEEN ? AND ?", (min(weeks), max(weeks))
        )
        by_week: dict[str, dict[str, WeekAggregate]] = {}
        for row in rows:
            if row["week"] in weeks:
                by_week.setdefault(row["week"], {})[row["workplace_id"]] = _aggregate(row)
        return by_week

    def release_aggregate(self, workplace_id: str, aggregate: WeekAggregate) -> None:
        """Replace the released figures, unless ones with as many answers are there."""
        with self._db.transaction() as db:
            db.execute(
                _RELEASE,
                (
                    workplace_id,
                    aggregate.week,
                    aggregate.count,
                    aggregate.total,
                    *aggregate.distribution,
                ),
            )


class SqliteCompletions:
    """Sentence completions and their review (the CompletionStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record_completions(
        self, workplace_id: str, completions: list[CompletionToRecord]
    ) -> list[bool]:
        """Store each completion once; one transaction per item (marker + completion)."""
        return [self._record_completion(workplace_id, c) for c in completions]

    def _record_completion(self, workplace_id: str, new: CompletionToRecord) -> bool:
        collision = Conflict(f"Completion {new.completion_id!r} exists.")
        with self._db.transaction() as db, raising_on_duplicate(collision):
            if db.execute(_MARK, (new.event_id, new.marker_expires_at)).rowcount == 0:
                return False
            db.execute(
                "INSERT INTO completions (id, workplace_id, week, prompt_id, text, status) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    new.completion_id,
                    workplace_id,
                    new.week,
                    new.prompt_id,
                    new.text,
                    new.status.value,
                ),
            )
        return True

    def list_completions(
        self, workplace_id: str, week: str, statuses: tuple[CompletionStatus, ...]
    ) -> list[Completion]:
        """A workplace's completions of one week with one of the statuses, by id."""
        rows = self._db.read(
            f"{_COMPLETION} WHERE workplace_id = ? AND week = ? ORDER BY id", (workplace_id, week)
        )
        return [c for c in map(_completion, rows) if c.status in statuses]

    def list_held_completions(self) -> list[Completion]:
        """Every held completion, by id."""
        rows = self._db.read(
            f"{_COMPLETION} WHERE status = ? ORDER BY id", (CompletionStatus.HELD.value,)
        )
        return [_completion(row) for row in rows]

    def get_completion(self, completion_id: str) -> Completion | None:
        """One completion, or None."""
        rows = self._db.read(f"{_COMPLETION} WHERE id = ?", (completion_id,))
        return _completion(rows[0]) if rows else None

    def set_completion_status(self, completion_id: str, status: CompletionStatus) -> Completion:
        """Approve or hide a completion; NotFound if missing."""
        with self._db.transaction() as db:
            rows = db.execute(f"{_COMPLETION} WHERE id = ?", (completion_id,)).fetchall()
            if not rows:
                raise NotFound(f"No completion with id {completion_id!r}.")
            db.execute(
                "UPDATE completions SET status = ? WHERE id = ?", (status.value, completion_id)
            )
        return replace(_completion(rows[0]), status=status)
