"""Released figures (what viewers see of a week) are stored beside the running count, and a
release never goes backwards, on both adapters."""

from __future__ import annotations

from functions.domain.models import WeekAggregate
from tests.store.examples import OTHER_WP, WEEK, WP, checkin


def aggregate(count: int, score: int = 5) -> WeekAggregate:
    distribution = tuple(count if s == score else 0 for s in range(1, 11))
    return WeekAggregate(WEEK, count=count, total=count * score, distribution=distribution)


def test_released_figures_are_kept_apart_from_the_running_count(store):
    # Given a week with six check-ins of which five were released
    store.record_checkins(WP, [checkin(f"e{i}", 5) for i in range(6)])
    store.release_aggregate(WP, aggregate(5))
    # Then the running count and the released figures are read separately
    assert store.week_aggregates(WP, [WEEK])[WEEK].count == 6
    assert store.week_aggregates(WP, [WEEK], released=True) == {WEEK: aggregate(5)}
    assert store.organisation_aggregates([WEEK], released=True) == {WEEK: {WP: aggregate(5)}}


def test_a_release_never_goes_backwards(store):
    # Given figures released at ten answers
    store.release_aggregate(WP, aggregate(10))
    # When a late, concurrent release with fewer answers arrives
    store.release_aggregate(WP, aggregate(5))
    # Then the ten stay; a larger release replaces them
    assert store.week_aggregates(WP, [WEEK], released=True)[WEEK].count == 10
    store.release_aggregate(WP, aggregate(15, score=7))
    assert store.week_aggregates(WP, [WEEK], released=True) == {WEEK: aggregate(15, score=7)}


def test_nothing_is_released_until_a_release(store):
    store.record_checkins(OTHER_WP, [checkin(f"e{i}", 8) for i in range(7)])
    assert store.week_aggregates(OTHER_WP, [WEEK], released=True) == {}
    assert store.organisation_aggregates([WEEK], released=True) == {}
