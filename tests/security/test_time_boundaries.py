"""Check-ins written at week, DST and year boundaries, in any offset, land in the week a clock in
Copenhagen showed: end to end through the device handler, with the clock set by the test."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

CASES = {
    "autumn DST end": (
        datetime(2026, 10, 26, 12, tzinfo=UTC),
        {
            "2026-10-25T02:30:00+02:00": "2026-W43",  # the first 02:30 of the night
            "2026-10-25T02:30:00+01:00": "2026-W43",  # and the second one
            "2026-10-25T23:59:59+01:00": "2026-W43",
            "2026-10-25T22:59:59Z": "2026-W43",
            "2026-10-25T23:00:00Z": "2026-W44",  # Monday 00:00 in Copenhagen
            "2026-10-26T00:00:00+01:00": "2026-W44",
            "2026-10-25T18:00:00-05:00": "2026-W44",
        },
    ),
    "spring DST start": (
        datetime(2026, 3, 30, 12, tzinfo=UTC),
        {
            "2026-03-29T01:59:59+01:00": "2026-W13",
            "2026-03-29T03:00:00+02:00": "2026-W13",
            "2026-03-29T21:59:59Z": "2026-W13",  # Sunday 23:59:59 summer time
            "2026-03-29T22:00:00Z": "2026-W14",
        },
    ),
    "new year in a 53-week year": (
        datetime(2027, 1, 5, 12, tzinfo=UTC),
        {
            "2026-12-31T23:59:59+01:00": "2026-W53",
            "2027-01-03T22:59:59Z": "2026-W53",
            "2027-01-03T23:00:00Z": "2027-W01",
            "2027-01-04T05:30:00+05:30": "2027-W01",
        },
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_taps_at_boundaries_land_in_the_week_copenhagen_saw(api, clock, case):
    # Given the server's clock just after the boundary
    clock.now, taps = CASES[case]
    device = api.paired_device(api.workplace())
    # When a tablet sends a tap for each moment
    items = [{"id": str(uuid.uuid4()), "score": 5, "at": at} for at in taps]
    answer = api.post("/v1/checkins", {"checkins": items}, token=device).json
    assert len(answer["accepted"]) == len(taps), answer
    # Then each week holds the taps Copenhagen's calendar puts there
    workplace = api.services.store.list_workplaces()[0].id
    weeks = sorted(set(taps.values()))
    stored = api.services.store.week_aggregates(workplace, weeks)
    expected = {week: list(taps.values()).count(week) for week in weeks}
    assert {week: agg.count for week, agg in stored.items()} == expected
