"""A week's figures reach viewers in steps of at least k answers, so no look-twice difference
ever isolates one person's answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from functions.domain.models import WeekAggregate
from functions.domain.release import next_release, released_week

WEEK = "2026-W48"


def week(count: int) -> WeekAggregate:
    return WeekAggregate(
        WEEK, count=count, total=count * 6, distribution=(0,) * 5 + (count,) + (0,) * 4
    )


def test_first_release_waits_for_k_answers():
    assert next_release(week(4), None, 5) is None
    assert next_release(week(5), None, 5) == week(5)


def test_next_release_waits_for_k_new_answers():
    assert next_release(week(9), week(5), 5) is None
    assert next_release(week(10), week(5), 5) == week(10)


def test_a_week_with_unreleased_answers_says_too_few_not_none():
    assert released_week(WEEK, week(3), None, 5)["responses"] is None
    assert released_week(WEEK, None, None, 5)["responses"] == 0
    assert released_week(WEEK, week(7), week(5), 5)["responses"] == 5


@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=60), st.integers(3, 8))
def test_any_two_looks_differ_by_k_answers_or_not_at_all(arrivals, k):
    # Given answers arriving in small batches, each followed by a release check
    count, released, looks = 0, None, []
    for batch in arrivals:
        count += batch
        released = next_release(week(count), released, k) or released
        looks.append(released.count if released else 0)
    # Then consecutive looks are equal or at least k apart, and at most k-1 answers wait
    assert all(b == a or b - a >= k for a, b in zip(looks, looks[1:], strict=False))
    assert count - looks[-1] < k
