"""When the Monday digest goes out: 07:00 on a Copenhagen clock, for the week that just ended.

Pure functions of "now", so the schedule can be tested across the changes to and from summer time
(07:00 is 06:00 UTC in winter and 05:00 UTC in summer) and the serve loop needs no clock of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from functions.domain.weeks import TZ, current_week, shift_week, week_start

SEND_AT = time(7, 0)  # Monday morning, before most leaders' first meeting


def digest_time(week: str) -> datetime:
    """The moment (UTC) the digest of `week` is due: 07:00 Copenhagen time the Monday after."""
    monday = week_start(week) + timedelta(weeks=1)
    return datetime.combine(monday, SEND_AT, tzinfo=TZ).astimezone(UTC)


def week_due(now: datetime) -> str:
    """The newest week whose digest is due at `now` (last week from Monday 07:00, else the one
    before). A loop that sends it on every pass, skipping what was sent, catches up after a
    restart and retries what failed."""
    last = shift_week(current_week(now), -1)
    return last if now >= digest_time(last) else shift_week(last, -1)


def next_digest_at(now: datetime) -> datetime:
    """The next moment after `now` at which a new week's digest becomes due."""
    return digest_time(shift_week(week_due(now), 1))


def last_complete_week(now: datetime) -> str:
    """The week before the current one (the `digest` command's default)."""
    return shift_week(current_week(now), -1)
