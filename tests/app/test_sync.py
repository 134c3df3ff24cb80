"""The sync loop delivers every queued tap exactly once, whatever the network does."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.client.clock import ClockWatch
from app.client.outbox import CHECKIN, Outbox
from app.client.storage import MemoryStore
from app.client.sync import Syncer
from tests.app.kiosk_fakes import FakeDeviceServer, NoSleep

CPH = ZoneInfo("Europe/Copenhagen")
SERVER_NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # FakeDeviceServer's server_time


def run(coro):
    return asyncio.run(coro)


def make(server: FakeDeviceServer, store: MemoryStore | None = None, **options) -> Syncer:
    outbox = Outbox(store if store is not None else MemoryStore())
    run(outbox.load())
    return Syncer(outbox, server, "test", rand=lambda: 1.0, **options)


async def tap(syncer: Syncer, count: int) -> list[str]:
    return [(await syncer.outbox.add_checkin(1 + i % 10)).id for i in range(count)]


async def drain(syncer: Syncer, rounds: int = 50) -> None:
    for _ in range(rounds):
        await syncer.round()
        if not syncer.outbox.depth():
            return
    raise AssertionError(f"{syncer.outbox.depth()} entries never left the outbox")


def test_every_tap_arrives_once_through_failures_timeouts_and_lost_answers():
    # Given 250 taps and a network that fails in every way before it recovers
    server = FakeDeviceServer(script=["offline", "lost", "500", "ok", "lost", "offline", "lost"])
    syncer = make(server)
    ids = run(tap(syncer, 250))
    # When the loop runs until the outbox is empty
    run(drain(syncer))
    # Then the server counted each tap exactly once, in batches of at most 100
    assert sorted(server.checkins) == sorted(ids)
    assert max(server.batch_sizes) <= 100


def test_a_restart_after_a_lost_answer_counts_once():
    # Given a batch the server stored, whose answer was lost
    store = MemoryStore()
    server = FakeDeviceServer(script=["lost"])
    first = make(server, store)
    ids = run(tap(first, 5))
    run(first.round())
    assert len(server.checkins) == 5 and first.outbox.depth() == 5
    # When the tablet restarts and a new loop sends the same outbox again
    second = make(server, store)
    run(drain(second))
    # Then the server reports duplicates, the outbox empties, and nothing counts twice
    assert sorted(server.checkins) == sorted(ids)
    assert second.outbox.depth() == 0 and not store.data.get("tp.stats.dropped")


def test_a_restart_in_the_middle_of_settling_loses_nothing():
    # Given storage that dies (the tablet restarts) while removing a delivered batch
    class PowerCut(Exception):
        pass

    class DyingStore(MemoryStore):
        removals = 0

        async def remove(self, key):
            DyingStore.removals += 1
            if DyingStore.removals == 3:
                raise PowerCut()
            await super().remove(key)

    store = DyingStore()
    server = FakeDeviceServer()
    first = make(server, store)
    ids = run(tap(first, 6))
    with pytest.raises(PowerCut):
        run(first.round())
    # When the tablet comes back with what storage kept
    second = make(server, MemoryStore(dict(store.data)))
    run(drain(second))
    # Then every tap is on the server once
    assert sorted(server.checkins) == sorted(ids)


def test_rejected_items_are_dropped_and_counted_the_rest_delivered():
    server = FakeDeviceServer()
    syncer = make(server)
    ids = run(tap(syncer, 4))
    server.reject = {ids[1]: "too_old", ids[2]: "in_future"}
    run(drain(syncer))
    assert sorted(server.checkins) == sorted([ids[0], ids[3]])
    assert syncer.outbox.dropped == 2 and syncer.status().dropped == 2


def test_a_batch_refused_as_a_whole_is_split_until_the_bad_item_stands_alone():
    # Given one entry that makes the server refuse any batch holding it
    server = FakeDeviceServer()
    syncer = make(server)
    ids = run(tap(syncer, 9))
    server.bad = {ids[5]}
    # When the loop sends
    run(drain(syncer))
    # Then everything else arrives and only that entry is dropped
    assert sorted(server.checkins) == sorted(i for i in ids if i != ids[5])
    assert syncer.outbox.dropped == 1


def test_completions_are_sent_too():
    server = FakeDeviceServer()
    syncer = make(server)
    entry = run(syncer.outbox.add_completion("tilgaengelige", "lytter til hinanden"))
    run(drain(syncer))
    assert server.completions[entry.id]["text"] == "lytter til hinanden"


def test_backoff_doubles_per_failure_with_jitter_and_a_cap():
    server = FakeDeviceServer(script=["offline"] * 12)
    syncer = make(server, base_delay=2, max_delay=60)
    syncer._rand = lambda: 0.0  # the smallest jitter: half the delay
    run(tap(syncer, 1))
    waits = [run(syncer.round()) for _ in range(8)]
    assert waits == [1, 2, 4, 8, 16, 30, 30, 30]
    assert syncer.status().online is False and syncer.status().queue_depth == 1


def test_success_resets_the_backoff_and_reports_online():
    server = FakeDeviceServer(script=["offline", "offline"])
    statuses = []
    syncer = make(server, poll_seconds=30, on_status=statuses.append)
    run(tap(syncer, 1))
    run(syncer.round())
    run(syncer.round())
    assert run(syncer.round()) == 30
    assert syncer.failures == 0
    assert [s.online for s in statuses] == [False, False, True]
    assert statuses[-1].queue_depth == 0


def test_a_revoked_tablet_keeps_its_answers_and_says_so():
    class Revoked(FakeDeviceServer):
        async def send_checkins(self, checkins, sent_at=None):
            from app.client.errors import ApiError

            raise ApiError(401, "unauthorized", "unknown token")

    syncer = make(Revoked())
    run(tap(syncer, 2))
    run(syncer.round())
    assert syncer.status().unauthorized and syncer.outbox.depth() == 2


def test_the_heartbeat_reports_version_and_queue_depth():
    server = FakeDeviceServer()
    syncer = make(server)
    run(syncer.round())
    assert server.heartbeats == [("test", 0)]
    run(syncer.round())  # not due again yet
    assert len(server.heartbeats) == 1


class TabletClock:
    """A tablet's wall clock that is `error` off the real time, which the test moves."""

    def __init__(self, real: datetime, error: timedelta) -> None:
        self.real, self.error = real, error

    def __call__(self) -> datetime:
        return (self.real + self.error).astimezone(CPH)


def on_a_tablet(server: FakeDeviceServer, clock: TabletClock, store=None, **options) -> Syncer:
    """A syncer whose outbox and sent_at read the same (wrong) tablet clock."""
    outbox = Outbox(store if store is not None else MemoryStore(), now=clock)
    run(outbox.load())
    return Syncer(
        outbox, server, "test", rand=lambda: 1.0, clock_watch=ClockWatch(clock), **options
    )


def test_each_batch_says_when_it_was_sent_by_the_clock_that_stamped_its_taps():
    # Given a tablet 3 days fast that queued taps while offline, two days apart
    server = FakeDeviceServer()
    clock = TabletClock(SERVER_NOW - timedelta(days=2), timedelta(days=3))
    syncer = on_a_tablet(server, clock)
    run(syncer.outbox.add_checkin(4))
    clock.real = SERVER_NOW
    run(syncer.outbox.add_checkin(9))
    # When it sends them
    run(drain(syncer))
    # Then the batch carries sent_at from the same clock: stamp and sent_at are 2 days apart,
    # which is all the server needs to place the first tap two days back
    [sent_at] = server.sent_ats
    stamps = sorted(datetime.fromisoformat(item["at"]) for item in server.checkins.values())
    assert datetime.fromisoformat(sent_at) - stamps[0] == timedelta(days=2)
    assert datetime.fromisoformat(sent_at) == SERVER_NOW + timedelta(days=3)


def test_the_heartbeat_reports_the_clock_offset_learnt_from_the_server_time():
    # Given a tablet whose clock is 3 days and 30 seconds fast
    server = FakeDeviceServer(server_time="2026-11-25T10:00:00Z")
    syncer = on_a_tablet(server, TabletClock(SERVER_NOW, timedelta(days=3, seconds=30)))
    run(syncer.outbox.add_checkin(6))
    # When a batch is answered and the heartbeat goes out
    run(syncer.round())
    # Then the heartbeat tells how far off the clock is (tablet minus server)
    assert server.reports == [(0, 3 * 86_400 + 30)]


def test_before_any_answer_the_offset_is_reported_as_unknown():
    server = FakeDeviceServer()
    syncer = on_a_tablet(server, TabletClock(SERVER_NOW, timedelta(0)))
    run(syncer.round())  # nothing to send: the heartbeat is the first call
    assert server.reports == [(0, None)]


def test_refused_items_are_not_dropped_silently_the_heartbeat_counts_them():
    # Given four taps of which the server refuses two, and one that breaks any batch it is in
    server = FakeDeviceServer()
    syncer = make(server)
    ids = run(tap(syncer, 5))
    server.reject = {ids[1]: "too_old", ids[2]: "in_future"}
    server.bad = {ids[4]}
    # When the loop delivers what it can and then reports in
    run(drain(syncer))
    syncer._next_heartbeat = 0  # due now
    run(syncer.round())
    # Then the heartbeat reports all three as dropped
    assert server.reports[-1][0] == 3


def test_a_new_pairing_starts_the_dropped_count_afresh():
    store = MemoryStore()
    server = FakeDeviceServer()
    syncer = make(server, store)
    ids = run(tap(syncer, 2))
    server.reject = {ids[0]: "too_old"}
    run(drain(syncer))
    assert syncer.outbox.dropped == 1 and store.data["tp.stats.dropped"] == "1"
    run(syncer.outbox.reset_dropped())
    reloaded = Outbox(store)
    run(reloaded.load())
    assert syncer.outbox.dropped == 0 and reloaded.dropped == 0


def test_the_loop_retries_with_backoff_until_delivered():
    # Given a loop whose waits are recorded instead of slept, and a server down three times
    server = FakeDeviceServer(script=["offline", "offline", "offline"])
    sleep = NoSleep()
    syncer = make(server, sleep=sleep, base_delay=1, poll_seconds=30)
    ids = run(tap(syncer, 3))

    async def scenario():
        task = asyncio.ensure_future(syncer.run())
        while syncer.outbox.depth():
            await asyncio.sleep(0)
        task.cancel()

    # When it runs
    run(scenario())
    # Then it waited 1, 2, 4 s (full jitter factor) and delivered each tap once
    assert sleep.waits[:3] == [1, 2, 4]
    assert sorted(server.checkins) == sorted(ids)


def test_a_kick_cuts_the_wait_short():
    # Given a loop in a long wait
    server = FakeDeviceServer()
    syncer = make(server, poll_seconds=3600)

    async def scenario():
        task = asyncio.ensure_future(syncer.run())
        await asyncio.sleep(0.05)
        entry = await syncer.outbox.add_checkin(8)
        # When a new tap kicks it
        syncer.kick()
        for _ in range(100):
            if entry.id in server.checkins:
                break
            await asyncio.sleep(0.01)
        task.cancel()
        return entry

    # Then it sends at once
    entry = run(scenario())
    assert entry.id in server.checkins and syncer.outbox.depth(CHECKIN) == 0
