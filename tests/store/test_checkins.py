"""Check-ins become week aggregates, each counted exactly once, on both adapters."""

from __future__ import annotations

import pytest

from functions.domain.errors import InvalidInput
from functions.domain.models import WeekAggregate
from tests.store.conftest import Backend
from tests.store.examples import OTHER_WP, WEEK, WP, checkin

LAST_WEEK, NEXT_WEEK = "2026-W47", "2026-W49"


def test_checkins_add_up_in_their_weeks_aggregate(store):
    # Given two check-ins in one week
    # When they are recorded
    counted = store.record_checkins(WP, [checkin("e1", 3), checkin("e2", 9)])
    # Then both count, and the week holds their number, sum and distribution
    assert counted == [True, True]
    assert store.week_aggregates(WP, [WEEK]) == {
        WEEK: WeekAggregate(WEEK, count=2, total=12, distribution=(0, 0, 1, 0, 0, 0, 0, 0, 1, 0))
    }


def test_retried_batch_counts_once(store):
    # Given a batch that was counted
    batch = [checkin("e1", 4), checkin("e2", 6)]
    store.record_checkins(WP, batch)
    # When the kiosk sends it again (its answer was lost)
    counted = store.record_checkins(WP, batch)
    # Then nothing counts twice
    assert counted == [False, False]
    assert store.week_aggregates(WP, [WEEK])[WEEK].count == 2


def test_duplicate_inside_a_crash_free_batch(store):
    # Given a batch that holds the same event twice
    # When it is recorded
    counted = store.record_checkins(WP, [checkin("e1", 5), checkin("e1", 5), checkin("e2", 8)])
    # Then the second copy is a duplicate and the aggregate saw the event once
    assert counted == [True, False, True]
    assert store.week_aggregates(WP, [WEEK])[WEEK].total == 13


def test_crash_mid_batch_counts_whole_items(backend: Backend):
    # Given a store that fails while writing the second item's aggregate
    batch = [checkin("e1", 2, LAST_WEEK), checkin("e2", 5, WEEK), checkin("e3", 8, NEXT_WEEK)]
    with backend.crashing_on_week(WP, WEEK) as (crashing, error), pytest.raises(error):
        # When the batch is recorded
        crashing.record_checkins(WP, batch)
    # Then the first item counted whole and the second left no marker behind
    weeks = [LAST_WEEK, WEEK, NEXT_WEEK]
    assert {w: a.count for w, a in backend.store.week_aggregates(WP, weeks).items()} == {
        LAST_WEEK: 1
    }
    # And the kiosk's retry counts each of the others exactly once
    assert backend.store.record_checkins(WP, batch) == [False, True, True]
    assert [a.count for a in backend.store.week_aggregates(WP, weeks).values()] == [1, 1, 1]


def test_bad_score_is_refused_before_anything_counts(store):
    # Given a batch whose last item has a score outside 1-10
    # When it is recorded
    with pytest.raises(InvalidInput):
        store.record_checkins(WP, [checkin("e1", 5), checkin("e2", 11)])
    # Then not even the good item counted
    assert store.week_aggregates(WP, [WEEK]) == {}


def test_only_weeks_asked_for_come_back(store):
    # Given check-ins in three weeks
    store.record_checkins(
        WP, [checkin("a", 1, LAST_WEEK), checkin("b", 2), checkin("c", 3, NEXT_WEEK)]
    )
    # When two weeks that are not neighbours are read, and a week nobody answered in
    found = store.week_aggregates(WP, [LAST_WEEK, NEXT_WEEK, "2026-W50"])
    # Then those weeks come back, the empty one absent
    assert sorted(found) == [LAST_WEEK, NEXT_WEEK]
    assert store.week_aggregates(WP, []) == {}


def test_workplaces_are_counted_apart(store):
    # Given check-ins at two workplaces in one week
    store.record_checkins(WP, [checkin("e1", 2)])
    store.record_checkins(OTHER_WP, [checkin("e2", 10), checkin("e3", 10)])
    # When the organisation's week is read
    by_week = store.organisation_aggregates([WEEK, NEXT_WEEK])
    # Then each workplace has its own aggregate, and the empty week is absent
    assert {wp: a.total for wp, a in by_week[WEEK].items()} == {WP: 2, OTHER_WP: 20}
    assert NEXT_WEEK not in by_week


def test_aggregate_survives_reopen(backend: Backend):
    # Given a counted check-in
    backend.store.record_checkins(WP, [checkin("e1", 7)])
    # When the store is opened again (a restart)
    reopened = backend.reopen()
    # Then the count is there, and the old event is still known
    assert reopened.week_aggregates(WP, [WEEK])[WEEK].count == 1
    assert reopened.record_checkins(WP, [checkin("e1", 7)]) == [False]


def test_pulse_read_cost_does_not_grow_with_checkins(backend: Backend):
    # Given a few check-ins at two workplaces over twelve weeks
    store, weeks = backend.store, [f"2026-W{n}" for n in range(37, 49)]
    store.record_checkins(WP, [checkin("first", 5, weeks[0])])
    store.record_checkins(OTHER_WP, [checkin("other", 5, weeks[-1])])
    cost_before = backend.calls.during(lambda: store.week_aggregates(WP, weeks))
    org_cost_before = backend.calls.during(lambda: store.organisation_aggregates(weeks))
    # When many more check-ins arrive
    store.record_checkins(WP, [checkin(f"e{i}", i % 10 + 1, weeks[i % 12]) for i in range(36)])
    # Then reading the pulse costs exactly as many calls as before
    assert backend.calls.during(lambda: store.week_aggregates(WP, weeks)) == cost_before == 1
    assert backend.calls.during(lambda: store.organisation_aggregates(weeks)) == org_cost_before
    assert org_cost_before <= len(weeks)
