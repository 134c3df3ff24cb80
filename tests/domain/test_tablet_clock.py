"""A tablet's wrong clock loses no tap: each lands in the week (Copenhagen) it was really made in.

Each case takes the moment a tap was really made, stamps it with a tablet clock that is off by
`error`, sends the batch with `sent_at` read from that same clock, and judges it at NOW.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from functions.content import load_name_list
from functions.domain.errors import InvalidInput
from functions.domain.judging import judge_checkins, judge_completions
from functions.domain.tablet_clock import clock_correction, server_time

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # Thursday of 2026-W48
CPH = ZoneInfo("Europe/Copenhagen")
NAMES = load_name_list()


def stamp(moment: datetime, error: timedelta) -> str:
    """What a tablet clock that is `error` off writes for `moment` (in Copenhagen time)."""
    return (moment + error).astimezone(CPH).isoformat(timespec="seconds")


def tap(really: datetime, error: timedelta, score: int = 7) -> dict:
    return {"id": str(uuid.uuid4()), "score": score, "at": stamp(really, error)}


def judged(taps: list[dict], sent_at: str | None, now: datetime = NOW):
    accepted, rejected = judge_checkins(taps, now, clock_correction(sent_at, now))
    return [c.week for c in accepted], [r.reason for r in rejected]


def local(text: str) -> datetime:
    """A moment written as a Copenhagen wall clock shows it."""
    return datetime.fromisoformat(text).replace(tzinfo=CPH)


ERRORS = {
    "15 minutes fast": timedelta(minutes=15),
    "3 hours slow": -timedelta(hours=3),
    "3 days fast": timedelta(days=3),
    "40 days slow": -timedelta(days=40),
    "30 years fast": timedelta(days=30 * 365),
    "reset to 2000-01-01": datetime(2000, 1, 1, tzinfo=CPH) - NOW,
    "reset to 1970-01-01": datetime(1970, 1, 1, tzinfo=UTC) - NOW,
}


@pytest.mark.parametrize("error", ERRORS.values(), ids=ERRORS.keys())
def test_a_tap_an_hour_ago_lands_this_week_whatever_the_clock(error):
    # Given a tap made an hour ago (Thursday 10:00 Copenhagen), stamped by a wrong clock
    taps = [tap(NOW - timedelta(hours=1), error)]
    # When the tablet sends it now, saying what its clock shows
    # Then it counts, in this week
    assert judged(taps, stamp(NOW, error)) == (["2026-W48"], [])


@pytest.mark.parametrize("error", [timedelta(minutes=15), timedelta(days=3)])
def test_without_sent_at_todays_rules_hold(error):
    # Given a tap a minute ago from a fast clock, sent by an older kiosk without sent_at
    # Then it is refused as before: nothing tells the server the clock is wrong
    assert judged([tap(NOW - timedelta(minutes=1), error)], None) == ([], ["in_future"])


def test_taps_queued_offline_for_days_land_in_the_weeks_they_were_made():
    # Given a tablet 3 days fast that was offline from Friday of week 47 until now
    error = timedelta(days=3)
    made = [
        local("2026-11-20T14:00:00"),  # Friday, W47
        local("2026-11-22T23:59:30"),  # Sunday night, W47
        local("2026-11-23T00:00:30"),  # Monday just after midnight, W48
        local("2026-11-25T08:00:00"),  # Wednesday, W48
    ]
    # When it sends the whole queue at once
    weeks, rejected = judged([tap(m, error) for m in made], stamp(NOW, error))
    # Then each tap counts in its own week, across the boundary
    assert (weeks, rejected) == (["2026-W47", "2026-W47", "2026-W48", "2026-W48"], [])


def test_a_tablet_an_hour_fast_across_the_autumn_dst_change_keeps_its_sunday():
    # Given Sunday 25 October 2026 (clocks went back at 03:00), a tap at 23:30 on a clock an hour
    # fast, which it writes as Monday 00:30 of week 44
    made = local("2026-10-25T23:30:00")
    error = timedelta(hours=1)
    assert stamp(made, error).startswith("2026-10-26T00:30")
    # Then it counts for week 43, the week of that Sunday
    assert judged([tap(made, error)], stamp(NOW, error)) == (["2026-W43"], [])


def test_new_year_boundary_with_a_clock_two_days_slow():
    # Given a tablet two days slow, taps either side of the midnight that starts 2027-W01
    now = datetime(2027, 1, 6, 9, 0, tzinfo=UTC)
    error = -timedelta(days=2)
    made = [local("2027-01-03T23:59:00"), local("2027-01-04T00:01:00")]
    # Then the Sunday counts in 2026's 53rd week and the Monday in 2027's first
    assert judged([tap(m, error) for m in made], stamp(now, error), now) == (
        ["2026-W53", "2027-W01"],
        [],
    )


def test_a_clock_reset_while_offline_keeps_the_taps_stamped_before_it():
    # Given taps stamped by a right clock on Monday, then a flat battery resets the clock to
    # 2000-01-01, then one more tap, and the whole queue is sent
    reset = datetime(2000, 1, 1, tzinfo=CPH) - NOW
    before = [tap(local("2026-11-23T09:00:00"), timedelta(0)) for _ in range(2)]
    after = [tap(NOW - timedelta(minutes=30), reset)]
    # Then all three count in week 48: the early ones by their own stamps
    assert judged(before + after, stamp(NOW, reset)) == (["2026-W48"] * 3, [])


def test_taps_stamped_by_a_wrong_clock_then_sent_by_a_right_one_are_the_residual_loss():
    # Given taps stamped in 2000 by a reset clock that was set right before they were sent
    reset = datetime(2000, 1, 1, tzinfo=CPH) - NOW
    taps = [tap(NOW - timedelta(hours=2), reset)]
    # Then nothing tells when they were made: they are refused (the kiosk reports them dropped)
    assert judged(taps, stamp(NOW, timedelta(0))) == ([], ["too_old"])


def test_a_tap_that_really_is_too_old_stays_too_old():
    error = timedelta(days=3)
    assert judged([tap(NOW - timedelta(days=40), -error)], stamp(NOW, -error)) == ([], ["too_old"])


def test_a_difference_within_two_minutes_is_transit_time_and_moves_nothing():
    # Given a tap 20 seconds before midnight on Sunday, sent 90 seconds later over a slow network
    made = local("2026-11-22T23:59:40")
    # Then it stays in week 47 (moved by 90 s it would have crossed into week 48)
    sent_at = stamp(made + timedelta(seconds=90), timedelta(0))
    now = made + timedelta(seconds=180)
    assert judged([tap(made, timedelta(0))], sent_at, now) == (["2026-W47"], [])
    assert clock_correction(sent_at, now) is None
    assert clock_correction(stamp(now, timedelta(seconds=121)), now) is not None


def test_completions_are_corrected_the_same_way():
    error = timedelta(days=3)
    item = {"id": str(uuid.uuid4()), "prompt_id": "modet", "text": "vi lytter"}
    item["at"] = stamp(local("2026-11-22T12:00:00"), error)
    accepted, _ = judge_completions(
        [item], NOW, {"modet"}, lambda: "c-1", NAMES, clock_correction(stamp(NOW, error), NOW)
    )
    assert [c.week for c in accepted] == ["2026-W47"]


@pytest.mark.parametrize(
    "sent_at", ["yesterday", "2026-11-26T10:00:00", "2026-02-30T10:00:00Z", "", "2026-11-26"]
)
def test_a_malformed_sent_at_refuses_the_batch(sent_at):
    with pytest.raises(InvalidInput, match="sent_at"):
        clock_correction(sent_at, NOW)


def test_stamps_at_the_ends_of_the_calendar_are_refused_not_crashed():
    taps = [
        {"id": str(uuid.uuid4()), "score": 5, "at": "0001-01-01T00:00:00Z"},
        {"id": str(uuid.uuid4()), "score": 5, "at": "9999-12-31T23:59:59Z"},
    ]
    assert judged(taps, "9999-12-31T23:00:00Z") == ([], ["too_old", "in_future"])
    # (sent a day after the first stamp: that tap was made yesterday)
    assert judged(taps, "0001-01-02T00:00:00Z") == (["2026-W48"], ["in_future"])


def test_server_time_is_utc_to_the_second():
    assert server_time(NOW.replace(microsecond=123456)) == "2026-11-26T10:00:00Z"
