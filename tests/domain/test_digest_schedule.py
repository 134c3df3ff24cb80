"""The Monday digest is due at 07:00 on a Copenhagen clock, for the week that just ended, in
winter (06:00 UTC) and in summer (05:00 UTC) alike, and on the Mondays right after each change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from functions.domain.digest_schedule import (
    digest_time,
    last_complete_week,
    next_digest_at,
    week_due,
)

ONE_SECOND = timedelta(seconds=1)


@pytest.mark.parametrize(
    ("week", "due_utc"),
    [
        # Winter time (UTC+1): Monday 30 November 2026, 07:00 local
        ("2026-W48", datetime(2026, 11, 30, 6, 0, tzinfo=UTC)),
        # Summer time began on Sunday 29 March 2026: the Monday after is already UTC+2
        ("2026-W13", datetime(2026, 3, 30, 5, 0, tzinfo=UTC)),
        # Summer time ended on Sunday 25 October 2026: the Monday after is UTC+1 again
        ("2026-W43", datetime(2026, 10, 26, 6, 0, tzinfo=UTC)),
        # The Monday before the change back is still summer time
        ("2026-W42", datetime(2026, 10, 19, 5, 0, tzinfo=UTC)),
        # Across the new year: week 53 of 2026 is due on Monday 4 January 2027
        ("2026-W53", datetime(2027, 1, 4, 6, 0, tzinfo=UTC)),
    ],
)
def test_a_weeks_digest_is_due_at_seven_on_the_monday_after_in_copenhagen(week, due_utc):
    assert digest_time(week) == due_utc
    # Then the week becomes due at that very second, not a second before
    assert week_due(due_utc) == week
    assert week_due(due_utc - ONE_SECOND) != week


def test_before_seven_on_monday_the_week_before_last_is_still_the_due_one():
    # Monday 30 March 2026, 06:59 summer time (04:59 UTC): week 13 is not due yet
    assert week_due(datetime(2026, 3, 30, 4, 59, tzinfo=UTC)) == "2026-W12"
    # A whole hour later in UTC terms than in winter would be wrong: at 05:00 UTC it is due
    assert week_due(datetime(2026, 3, 30, 5, 0, tzinfo=UTC)) == "2026-W13"


def test_the_due_week_stays_the_same_all_week_so_a_late_start_catches_up():
    due = digest_time("2026-W48")
    for hours in (0, 1, 30, 24 * 6, 24 * 7 - 1):
        assert week_due(due + timedelta(hours=hours)) == "2026-W48"
    assert week_due(due + timedelta(days=7)) == "2026-W49"


def test_the_next_digest_is_next_monday_at_seven_local():
    # Saturday 24 October 2026 (summer time); the clocks go back on Sunday
    saturday = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    assert next_digest_at(saturday) == datetime(2026, 10, 26, 6, 0, tzinfo=UTC)
    # Right at a due moment the next one is a week later
    assert next_digest_at(digest_time("2026-W48")) == digest_time("2026-W49")


def test_the_commands_default_is_the_last_complete_week():
    # Sunday 29 November 2026, 23:30 in Copenhagen (22:30 UTC) is still week 48
    assert last_complete_week(datetime(2026, 11, 29, 22, 30, tzinfo=UTC)) == "2026-W47"
    # Half an hour later it is Monday in Copenhagen, though still Sunday in UTC
    assert last_complete_week(datetime(2026, 11, 29, 23, 30, tzinfo=UTC)) == "2026-W48"
