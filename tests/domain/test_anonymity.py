"""The anonymity threshold: no figure rests on fewer than k answers."""

from dataclasses import asdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.domain.anonymity import (
    MIN_THRESHOLD,
    public_week,
    rollup,
    validate_threshold,
)
from functions.domain.errors import InvalidInput
from functions.domain.models import WeekAggregate


def week_of_scores(*scores: int, week: str = "2026-W48") -> WeekAggregate:
    distribution = [0] * 10
    for score in scores:
        distribution[score - 1] += 1
    return WeekAggregate(week, len(scores), sum(scores), tuple(distribution))


def test_week_that_reaches_the_threshold_is_shown_in_full():
    # Given three people answered 7, 7 and 8 and k is 3
    agg = week_of_scores(7, 7, 8)
    # When the week is made public
    shown = public_week("2026-W48", agg, 3)
    # Then count, mean (2 decimals) and distribution are shown
    assert asdict(shown) == {
        "week": "2026-W48",
        "responses": 3,
        "mean": 7.33,
        "distribution": [0, 0, 0, 0, 0, 0, 2, 1, 0, 0],
        "suppressed": False,
    }


def test_week_below_the_threshold_hides_even_how_many_answered():
    shown = public_week("2026-W48", week_of_scores(2, 9), 3)
    assert asdict(shown) == {
        "week": "2026-W48",
        "responses": None,
        "mean": None,
        "distribution": None,
        "suppressed": True,
    }


@pytest.mark.parametrize("agg", [None, WeekAggregate("2026-W48")])
def test_week_without_answers_says_zero_and_is_suppressed(agg):
    shown = public_week("2026-W48", agg, 3)
    assert asdict(shown) == {
        "week": "2026-W48",
        "responses": 0,
        "mean": None,
        "distribution": None,
        "suppressed": True,
    }


def test_a_threshold_below_three_still_hides_two_answers():
    assert public_week("2026-W48", week_of_scores(1, 10), 1).suppressed is True


@pytest.mark.parametrize("k", [MIN_THRESHOLD, 5, 50])
def test_thresholds_from_3_to_50_are_accepted(k):
    assert validate_threshold(k) == k


@pytest.mark.parametrize("k", [2, 0, -5, 51, True, 5.0, "5", None])
def test_other_thresholds_are_refused(k):
    with pytest.raises(InvalidInput):
        validate_threshold(k)


def test_rollup_never_reveals_a_suppressed_workplace_by_subtraction():
    # Given two workplaces shown on their own (5 and 6 answers) and one suppressed (2), k = 5
    visible = [week_of_scores(8, 8, 8, 8, 8), week_of_scores(6, 6, 6, 6, 6, 6)]
    hidden = week_of_scores(1, 1)
    # When the area is rolled up
    area = rollup([*visible, hidden], 5)
    # Then its total is exactly the visible ones' total: subtracting them leaves nothing
    shown = [public_week("2026-W48", agg, 5).responses for agg in visible]
    assert area.responses - sum(shown) == 0
    assert asdict(area) == {
        "responses": 11,
        "mean": round((40 + 36) / 11, 2),
        "suppressed": False,
        "excluded": 1,
    }


def test_rollup_of_only_small_workplaces_is_suppressed_even_when_they_add_up():
    # Two workplaces of 2 answers would make 4 >= k=3 together, but each alone is suppressed
    area = rollup([week_of_scores(5, 5), week_of_scores(9, 9)], 3)
    assert asdict(area) == {"responses": None, "mean": None, "suppressed": True, "excluded": 2}


def test_rollup_of_nothing_says_zero():
    nothing = rollup([], 3)
    assert asdict(nothing) == {"responses": 0, "mean": None, "suppressed": True, "excluded": 0}
    assert rollup(iter([WeekAggregate("2026-W48")]), 3).responses == 0


members_scores = st.lists(st.lists(st.integers(min_value=1, max_value=10), max_size=12), max_size=8)


@given(members_scores, st.integers(min_value=3, max_value=8))
def test_rollup_counts_exactly_the_members_that_reach_k_alone(members, k):
    # Given workplaces' answers in a week, written out as scores
    area = rollup([week_of_scores(*scores) for scores in members], k)
    # Then only members with k answers or more count in, and the others are only counted
    counted = [score for scores in members if len(scores) >= k for score in scores]
    excluded = sum(1 for scores in members if 0 < len(scores) < k)
    if counted:
        expected = {
            "responses": len(counted),
            "mean": round(sum(counted) / len(counted), 2),
            "suppressed": False,
            "excluded": excluded,
        }
    else:
        expected = {
            "responses": None if excluded else 0,
            "mean": None,
            "suppressed": True,
            "excluded": excluded,
        }
    assert asdict(area) == expected
