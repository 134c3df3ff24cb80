"""A week's figures reach viewers in steps of at least k answers, so no look-twice difference
ever isolates one person's answer."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from functions.domain.models import WeekAggregate
from functions.domain.release import next_release, release_weeks, released_week

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
    assert released_week(WEEK, week(3), None, 5).responses is None
    assert released_week(WEEK, None, None, 5).responses == 0
    assert released_week(WEEK, week(7), week(5), 5).responses == 5


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


class Weeks:
    """A store holding one workplace's running and released weeks; it notes every call."""

    def __init__(self, running: dict[str, WeekAggregate]) -> None:
        self.running, self.released, self.calls = running, {}, 0

    def week_aggregates(self, workplace_id: str, weeks: list[str], released: bool = False):
        self.calls += 1
        source = self.released if released else self.running
        return {w: source[w] for w in weeks if w in source}

    def release_aggregate(self, workplace_id: str, aggregate: WeekAggregate) -> None:
        self.calls += 1
        self.released[aggregate.week] = aggregate


def test_nothing_is_released_of_a_week_without_answers():
    assert next_release(None, None, 5) is None
    assert next_release(None, week(5), 5) is None


def test_release_weeks_releases_each_week_with_k_new_answers_and_names_them():
    # Given one week with 5 new answers and one with 4, at k = 5
    last_week = replace(week(5), week="2026-W47")
    store = Weeks({"2026-W47": last_week, WEEK: week(4)})
    # When both are offered for release
    done = release_weeks(store, "wp", ["2026-W47", WEEK], 5)
    # Then only the first is released, and the answer says so
    assert done == ["2026-W47"]
    assert store.released == {"2026-W47": last_week}


def test_releasing_no_weeks_reads_nothing():
    store = Weeks({WEEK: week(9)})
    assert release_weeks(store, "wp", [], 5) == []
    assert store.calls == 0
