"""The outbox keeps every tap in the tablet's storage until the server has it."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone

from app.client.outbox import CHECKIN, COMPLETION, DROPPED_KEY, PREFIX, Outbox
from app.client.storage import MemoryStore

CPH = timezone(timedelta(hours=1))


def run(coro):
    return asyncio.run(coro)


def test_a_checkin_is_in_storage_when_add_returns():
    # Given an empty outbox
    store = MemoryStore()
    outbox = Outbox(store, now=lambda: datetime(2026, 11, 23, 9, 41, 7, 250_600, tzinfo=CPH))
    # When a check-in is added
    entry = run(outbox.add_checkin(7))
    # Then storage holds it with a uuid4 id and an RFC 3339 time with offset, to the millisecond
    # (the server moves it by the clock's error, which is no whole number of seconds)
    stored = json.loads(store.data[entry.key])
    assert stored == {"id": entry.id, "score": 7, "at": "2026-11-23T09:41:07.250+01:00"}
    assert len(entry.id) == 36 and entry.id[14] == "4"
    assert outbox.depth() == 1


def test_a_restart_reloads_every_entry_in_order():
    # Given three entries written by one outbox
    store = MemoryStore()
    clock = iter(datetime(2026, 11, 23, 9, 0, s, tzinfo=CPH) for s in range(3))
    first = Outbox(store, now=lambda: next(clock))

    async def write():
        a = await first.add_checkin(3)
        b = await first.add_completion("tilgaengelige", "lytter")
        c = await first.add_checkin(9)
        return a, b, c

    a, b, c = run(write())
    # When a new outbox loads the same storage (a reload or a restart)
    second = Outbox(store)
    run(second.load())
    # Then it has them all, oldest first, per kind
    assert [e.id for e in second.batch(CHECKIN)] == [a.id, c.id]
    assert [e.id for e in second.batch(COMPLETION)] == [b.id]


def test_unreadable_entries_are_skipped_not_fatal():
    store = MemoryStore({f"{PREFIX}checkin.0000000000001.x": "{not json", "other": "1"})
    outbox = Outbox(store)
    run(outbox.load())
    assert outbox.depth() == 0


def test_settle_removes_done_and_counts_rejected_durably():
    # Given two queued check-ins
    store = MemoryStore()
    outbox = Outbox(store)
    entries = [run(outbox.add_checkin(s)) for s in (4, 5)]
    # When the server accepted one and rejected the other
    run(outbox.settle(entries, {entries[0].id}, {entries[1].id}))
    # Then both are gone, and the rejected one is counted, also after a restart
    assert outbox.depth() == 0 and not [k for k in store.data if k.startswith(PREFIX)]
    assert store.data[DROPPED_KEY] == "1"
    reloaded = Outbox(store)
    run(reloaded.load())
    assert reloaded.dropped == 1


def test_a_refusing_storage_still_keeps_the_tap_for_this_session():
    class FullStore(MemoryStore):
        async def set(self, key, value):
            raise OSError("quota exceeded")

    outbox = Outbox(FullStore())
    run(outbox.add_checkin(6))
    assert outbox.depth() == 1 and outbox.unsaved == 1


def test_batches_hold_at_most_the_limit():
    outbox = Outbox(MemoryStore())
    for _ in range(250):
        run(outbox.add_checkin(5))
    assert len(outbox.batch(CHECKIN)) == 100
    assert len(outbox.batch(CHECKIN, limit=30)) == 30


def test_a_tap_while_the_outbox_loads_joins_what_was_there():
    # Given 300 stored entries and storage that answers slowly
    class SlowStore(MemoryStore):
        async def get(self, key):
            await asyncio.sleep(0)
            return await super().get(key)

    store = SlowStore()
    writer = Outbox(store)
    for _ in range(300):
        run(writer.add_checkin(5))
    outbox = Outbox(store)

    # When a tap arrives while the outbox is still loading
    async def scenario():
        loading = asyncio.ensure_future(outbox.load())
        await asyncio.sleep(0)
        await outbox.add_checkin(9)
        await loading

    run(scenario())
    # Then nothing is lost and nothing doubled
    assert outbox.depth() == 301
