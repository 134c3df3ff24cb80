"""No tap lost, none counted twice: kiosks built from the app's real outbox and sync loop send
through a proxy that drops requests and answers, duplicates, reorders, fails with 5xx, answers
slowly and restarts kiosks in the middle of a batch; the server's weeks must end up holding
exactly what was tapped, read from its SQLite file and through the pulse API.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.faults.fault_proxy import FAULTS, FaultProxy, RotatingPlan, ScriptedPlan
from tests.faults.kiosk_fleet import (
    FleetReport,
    Organisation,
    SimKiosk,
    Tap,
    expected_aggregates,
    expected_sentences,
    plan_taps,
    run_fleet,
    stored_aggregates,
    stored_sentences,
)
from tests.loops import run_apart
from tests.serving import Server

WORKPLACES = 5
KIOSKS_PER_WORKPLACE = 4  # 20 kiosks


def build_fleet(org: Organisation, proxy: FaultProxy, taps_per_kiosk: int, seed: int):
    """20 kiosks over 5 workplaces, each with its planned taps."""
    rng, now = random.Random(seed), datetime.now(UTC)
    kiosks = []
    for w in range(WORKPLACES):
        workplace = org.workplace(f"Fleet {seed}-{w}")
        for k in range(KIOSKS_PER_WORKPLACE):
            kiosks.append(
                SimKiosk(
                    name=f"kiosk {w}.{k}",
                    workplace_id=workplace,
                    token=org.pair(workplace, f"Tablet {k}"),
                    api_url=f"{proxy.url}/api",
                    prompt_id=org.prompt_id,
                    taps=plan_taps(taps_per_kiosk, now, rng, turn=k),
                )
            )
    return kiosks


def simulate(
    server: Server, taps_per_kiosk: int, seed: int, rate: float, pause: float
) -> FleetReport:
    """Run the fleet through the fault proxy and check the outcome exactly."""
    org = Organisation(server.api)

    async def scenario():
        proxy = await FaultProxy(server.base_url, RotatingPlan(rate, seed), seed=seed).start()
        kiosks = build_fleet(org, proxy, taps_per_kiosk, seed)
        try:
            report = await run_fleet(
                kiosks, proxy, random.Random(seed), pause=pause, restart_every=0.5
            )
        finally:
            await proxy.close()
        return kiosks, report

    try:
        kiosks, report = run_apart(scenario())
        assert_counted_exactly_once(server, org, kiosks)
    finally:
        org.close()
    return report


def assert_counted_exactly_once(server: Server, org: Organisation, kiosks: list[SimKiosk]):
    """Every week of every workplace holds exactly what was tapped, in the file and the API."""
    workplaces = {k.workplace_id for k in kiosks}
    expected = expected_aggregates(kiosks)
    db = server.data_dir / "tryghedspuls.db"
    assert stored_aggregates(db, workplaces) == expected
    assert stored_sentences(db, workplaces) == expected_sentences(kiosks)
    assert all(k.outbox.dropped == 0 and k.outbox.unsaved == 0 for k in kiosks)
    for workplace in workplaces:
        for week in org.pulse_weeks(workplace):
            count, _total, distribution = expected.get((workplace, week["week"]), (0, 0, None))
            if count >= 5:  # the anonymity threshold hides smaller weeks
                # Viewers see the week as released in steps of >= 5 answers (release.py), so at
                # most the last 4 answers are not shown yet; the file above holds every one.
                shown = week["responses"]
                assert shown is not None and count - 5 < shown <= count, (count, week)
                assert sum(week["distribution"]) == shown
                if shown == count:
                    assert tuple(week["distribution"]) == distribution


def test_twenty_kiosks_through_every_fault_lose_no_tap_and_count_none_twice(server):
    # Given 20 kiosks at 5 workplaces tapping 50 times each, over 5 weeks and a week boundary,
    # with a third of their requests broken in every way the proxy knows and kiosks restarting
    report = simulate(server, taps_per_kiosk=50, seed=6, rate=0.35, pause=0.08)
    # Then every week holds exactly what was tapped (checked inside), and every fault happened
    assert report.taps == 1000
    assert all(report.faults[kind] >= 2 for kind in FAULTS), report.faults
    # (kiosks restarted by the proxy's restart fault, and others at random moments)
    assert report.restarts > report.faults["restart"], report


CLOCK_ERRORS = {
    "3 days fast": timedelta(days=3),
    "15 minutes fast": timedelta(minutes=15),
    "40 days slow": -timedelta(days=40),
    "reset to 2000-01-01": datetime(2000, 1, 1, tzinfo=UTC) - datetime.now(UTC),
}


def test_kiosks_with_wrong_clocks_lose_no_tap_through_every_fault(server):
    # Given four kiosks of one workplace whose clocks are 3 days or 15 minutes fast, 40 days slow
    # or back at 2000-01-01, each with 30 taps spread over the last 34 days (as if queued
    # offline) and stamped by that clock, through a proxy that breaks a third of the requests
    org = Organisation(server.api)
    workplace = org.workplace("Wrong clocks")
    rng = random.Random(9)

    async def scenario():
        proxy = await FaultProxy(server.base_url, RotatingPlan(0.3, 9), seed=9).start()
        kiosks = [
            SimKiosk(
                name,
                workplace,
                org.pair(workplace, name),
                f"{proxy.url}/api",
                org.prompt_id,
                plan_taps(30, datetime.now(UTC), rng, turn=i),
                clock_error=error,
            )
            for i, (name, error) in enumerate(CLOCK_ERRORS.items())
        ]
        try:
            # When they tap and sync, and restart now and then
            await run_fleet(kiosks, proxy, rng, pause=0.02, restart_every=0.5)
        finally:
            await proxy.close()
        return kiosks

    try:
        kiosks = run_apart(scenario())
        # Then each tap counts once, in the week it was really made, and none was dropped
        assert_counted_exactly_once(server, org, kiosks)
    finally:
        org.close()
    # And each kiosk learnt how far off its clock is, to tell the admin
    for kiosk in kiosks:
        learnt = kiosk.clock_watch.offset_seconds
        assert learnt is not None and abs(learnt - kiosk.clock_error.total_seconds()) < 5


@pytest.mark.slow
def test_ten_thousand_taps_from_twenty_kiosks_through_every_fault(server, bench_figures):
    report = simulate(server, taps_per_kiosk=500, seed=10_000, rate=0.3, pause=0.04)
    assert report.taps == 10_000
    assert all(report.faults[kind] >= 20 for kind in FAULTS), report.faults
    faults = sum(report.faults[kind] for kind in FAULTS)
    bench_figures.add(
        "Faults",
        "20 kiosks, 10,000 taps through the fault proxy",
        f"{report.seconds:.0f} s, {report.faults['requests']} requests, {faults} faulted, "
        f"{report.restarts} kiosk restarts; every week exact",
    )


@st.composite
def taps_and_faults(draw):
    """Taps (which of 3 kiosks, score, when), a fault for each coming check-in request, and
    restarts."""
    moments = plan_taps(40, datetime.now(UTC), random.Random(draw(st.integers(0, 2**32))))
    taps = draw(
        st.lists(
            st.tuples(st.integers(0, 2), st.integers(1, 10), st.sampled_from(moments)),
            min_size=1,
            max_size=30,
        )
    )
    faults = draw(st.lists(st.sampled_from(FAULTS), min_size=1, max_size=25))
    restarts = draw(st.sets(st.integers(0, 29), max_size=4))
    return taps, faults, restarts


@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=taps_and_faults())
def test_any_mix_of_faults_and_restarts_counts_each_tap_once(server, case):
    # Given three kiosks of one workplace, any taps, a fault for each of the next check-in
    # requests (heartbeats and kiosk reads pass), and restarts right after some taps
    taps, faults, restarts = case
    plan = ScriptedPlan(faults, only="/v1/checkins")
    org = Organisation(server.api)
    workplace = org.workplace("Property")
    plans: list[list[Tap]] = [[], [], []]
    restart_after: list[set[int]] = [set(), set(), set()]
    for n, (which, score, planned) in enumerate(taps):
        if n in restarts:
            restart_after[which].add(len(plans[which]))
        plans[which].append(Tap(score, planned.at))

    async def scenario():
        proxy = await FaultProxy(server.base_url, plan).start()
        kiosks = [
            SimKiosk(
                f"k{i}",
                workplace,
                org.pair(workplace, f"T{i}"),
                f"{proxy.url}/api",
                org.prompt_id,
                plans[i],
                restart_after=restart_after[i],
            )
            for i in range(3)
        ]
        try:
            # When they tap and sync through the faults
            await run_fleet(kiosks, proxy, random.Random(0), pause=0, restart_every=None)
        finally:
            await proxy.close()
        return kiosks

    try:
        kiosks = run_apart(scenario())
    finally:
        org.close()
    # Then the faults hit check-ins: each check-in request took the next one until they ran out
    assert sum(plan.faulted.values()) == min(plan.seen, len(faults)) >= 1, (plan.seen, faults)
    # And the workplace's weeks hold exactly the taps, each once
    db = server.data_dir / "tryghedspuls.db"
    assert stored_aggregates(db, [workplace]) == expected_aggregates(kiosks)
