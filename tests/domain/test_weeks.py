"""ISO weeks in Copenhagen time: the only unit of time the pulse keeps."""

from datetime import UTC, date, datetime, timedelta, tzinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.domain.errors import InvalidInput
from functions.domain.weeks import (
    TZ,
    current_week,
    parse_week,
    shift_week,
    week_index,
    week_of,
    week_start,
    weeks_ending,
)

weeks = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)).map(
    lambda day: "{}-W{:02d}".format(*day.isocalendar()[:2])
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_week_is_taken_in_copenhagen_time():
    # Given Sunday 23:30 in UTC, which is Monday 00:30 on a Copenhagen clock
    moment = at("2026-01-04T23:30:00+00:00")
    # Then the tap belongs to the new week
    assert week_of(moment) == "2026-W02"


def test_week_ignores_the_offset_the_moment_was_written_in():
    assert week_of(at("2026-01-05T09:30:00+08:00")) == week_of(at("2026-01-05T01:30:00+00:00"))


@pytest.mark.parametrize(
    ("moment", "week"),
    [
        ("2026-03-29T21:59:59+00:00", "2026-W13"),  # 23:59:59 CEST, the day summer time began
        ("2026-03-29T22:00:00+00:00", "2026-W14"),  # Monday 00:00 CEST
        ("2026-10-25T00:30:00+00:00", "2026-W43"),  # 02:30 CEST, before the clocks go back
        ("2026-10-25T22:59:59+00:00", "2026-W43"),  # 23:59:59 CET, after they went back
        ("2026-10-25T23:00:00+00:00", "2026-W44"),  # Monday 00:00 CET
    ],
)
def test_week_boundaries_follow_summer_time(moment, week):
    assert week_of(at(moment)) == week


def test_current_week_is_the_week_of_now():
    now = at("2026-11-26T10:00:00+00:00")
    assert current_week(now) == week_of(now) == "2026-W48"


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        week_of(datetime(2026, 1, 5, 12, 0))


def test_2026_has_a_week_53_and_2025_has_not():
    assert week_of(at("2026-12-31T12:00:00+00:00")) == "2026-W53"
    assert parse_week("2026-W53") == "2026-W53"
    with pytest.raises(InvalidInput):
        parse_week("2025-W53")


@pytest.mark.parametrize(
    "text",
    [
        "2026-W00",
        "2026-W54",
        "2026W01",
        "26-W01",
        "2026-w01",
        " 2026-W01",
        "2026-W1",
        "0000-W01",
        "２０２６-W01",
        "",
        None,
        202601,
    ],
)
def test_parse_week_refuses_what_is_not_a_week(text):
    with pytest.raises(InvalidInput):
        parse_week(text)


def test_week_starts_on_monday_even_in_the_year_before():
    assert week_start("2026-W01") == date(2025, 12, 29)
    assert week_start("2026-W48") == date(2026, 11, 23)


def test_shifting_crosses_years_with_53_weeks():
    assert shift_week("2026-W52", 1) == "2026-W53"
    assert shift_week("2026-W53", 1) == "2027-W01"
    assert shift_week("2026-W01", -1) == "2025-W52"
    assert shift_week("2026-W10", 0) == "2026-W10"


def test_weeks_ending_lists_oldest_first_and_ends_with_the_week():
    assert weeks_ending("2026-W02", 3) == ["2025-W52", "2026-W01", "2026-W02"]
    assert weeks_ending("2026-W02", 1) == ["2026-W02"]
    assert weeks_ending("2026-W02", 0) == []


def test_week_index_steps_by_one_over_new_year_in_a_53_week_year():
    assert week_index("2026-W53") - week_index("2026-W52") == 1
    assert week_index("2027-W01") - week_index("2026-W53") == 1


@given(weeks, st.integers(min_value=-600, max_value=600))
def test_shifting_moves_the_index_by_exactly_n_and_back(week, n):
    shifted = shift_week(week, n)
    assert week_index(shifted) == week_index(week) + n
    assert shift_week(shifted, -n) == week


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)))
def test_the_same_wall_clock_time_a_week_later_is_in_the_next_week(wall_clock):
    # Seven days of Copenhagen calendar, not of UTC: across a DST change they differ by an hour
    moment = wall_clock.replace(tzinfo=TZ)
    later = (wall_clock + timedelta(days=7)).replace(tzinfo=TZ)
    assert week_index(week_of(later)) == week_index(week_of(moment)) + 1


@given(
    st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    )
)
def test_week_of_agrees_with_the_copenhagen_calendar(moment):
    local_day = moment.astimezone(TZ).date()
    assert week_start(week_of(moment)) <= local_day < week_start(week_of(moment)) + timedelta(7)


@given(weeks)
def test_every_week_we_write_parses_back(week):
    assert parse_week(week) == week


class _NoOffset(tzinfo):
    """A time zone that knows no offset: a moment in it is as unplaceable as a naive one."""

    def utcoffset(self, moment):
        return None


def test_a_time_zone_without_an_offset_is_refused_like_a_naive_time():
    with pytest.raises(ValueError):
        week_of(datetime(2026, 1, 5, 12, 0, tzinfo=_NoOffset()))


def test_the_first_weeks_of_year_one_are_weeks():
    assert parse_week("0001-W01") == "0001-W01"
    assert week_index("0001-W01") == 0
    assert week_index("0001-W02") == 1


def test_a_refused_week_quotes_at_most_20_characters():
    with pytest.raises(InvalidInput) as refused:
        parse_week("x" * 50)
    assert repr("x" * 20) in str(refused.value)
    assert "x" * 21 not in str(refused.value)


@pytest.mark.parametrize("count", [-1, -2])
def test_weeks_ending_refuses_a_negative_count(count):
    with pytest.raises(InvalidInput):
        weeks_ending("2026-W02", count)


def test_shifting_out_of_the_calendar_is_invalid_input():
    with pytest.raises(InvalidInput):
        shift_week("9999-W52", 1)
    with pytest.raises(InvalidInput):
        shift_week("0001-W01", -1)
