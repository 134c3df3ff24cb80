"""ISO weeks in Copenhagen time, written "YYYY-Www": the only unit of time the pulse keeps.

A check-in belongs to the week in which it was made as a Copenhagen clock shows it, so a tap on
Monday 00:30 local time counts for the new week even though it is still Sunday in UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from functions.domain.errors import InvalidInput

TZ = ZoneInfo("Europe/Copenhagen")

_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
_DAY_ONE = date(1, 1, 1)  # a Monday: week indexes count whole weeks from here


def week_of(at: datetime) -> str:
    """The ISO week ("2026-W48") of a moment, as seen on a clock in Copenhagen."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("week_of needs a timezone-aware datetime")
    year, week, _ = at.astimezone(TZ).isocalendar()
    return _format(year, week)


def current_week(now: datetime) -> str:
    """The ISO week we are in at `now` (Copenhagen time)."""
    return week_of(now)


def weeks_in_year(year: int) -> int:
    """52 or 53: how many ISO weeks an ISO year has (28 December always lies in its last week)."""
    return date(year, 12, 28).isocalendar()[1]


def parse_week(text: str) -> str:
    """`text` if it names a week ("YYYY-Www", W53 only in years that have it); else InvalidInput."""
    match = _WEEK.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise InvalidInput(f"not an ISO week like 2026-W48: {str(text)[:20]!r}")
    year, week = int(match[1]), int(match[2])
    if year < 1 or not 1 <= week <= weeks_in_year(year):
        raise InvalidInput(f"{year} has no week {week}")
    return text


def week_start(week: str) -> date:
    """The Monday the week begins on."""
    year, number = _parts(parse_week(week))
    return date.fromisocalendar(year, number, 1)


def week_index(week: str) -> int:
    """A number that grows by one from each week to the next, across year boundaries."""
    return (week_start(week) - _DAY_ONE).days // 7


def shift_week(week: str, n: int) -> str:
    """The week `n` weeks after `week` (before it when n is negative)."""
    try:
        monday = week_start(week) + timedelta(weeks=n)
    except OverflowError as error:
        raise InvalidInput(f"{week} shifted by {n} weeks is out of range") from error
    year, number, _ = monday.isocalendar()
    return _format(year, number)


def weeks_ending(week: str, count: int) -> list[str]:
    """The `count` weeks that end with `week`, oldest first."""
    if count < 0:
        raise InvalidInput(f"count must not be negative: {count}")
    return [shift_week(week, -back) for back in range(count - 1, -1, -1)]


def _parts(week: str) -> tuple[int, int]:
    return int(week[:4]), int(week[6:])


def _format(year: int, week: int) -> str:
    return f"{year:04d}-W{week:02d}"
