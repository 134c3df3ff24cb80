"""The kiosk's durable outbox: every check-in and completion is stored before any network call.

One storage key per entry (`tp.outbox.<kind>.<ms>.<id>`) rather than one JSON list: a tap then
writes ~150 bytes instead of rewriting a list that grows to thousands of entries during days
offline, and removing what the server took touches only those keys. The time in the key keeps the
order first-in, first-out across restarts. The dropped count (items the server rejected) is kept
too, so the kiosk can report it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from app.client.storage import KeyValueStore

PREFIX = "tp.outbox."
DROPPED_KEY = "tp.stats.dropped"
CHECKIN = "checkin"
COMPLETION = "completion"
KINDS = (CHECKIN, COMPLETION)
_LOAD_CONCURRENCY = 64

log = logging.getLogger(__name__)


def local_now() -> datetime:
    """The tablet clock's time with its UTC offset."""
    return datetime.now().astimezone()


def rfc3339(moment: datetime) -> str:
    """RFC 3339 with offset, to the millisecond: 2026-11-23T09:41:07.250+01:00.

    Milliseconds because the server moves a tap by the tablet clock's error, which is no whole
    number of seconds: a stamp cut to the second could move a tap made just after midnight on
    Monday back into Sunday's week. The server keeps only the week; the stamp lives on the tablet
    until the tap is delivered."""
    return moment.isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Entry:
    """One queued item: what the API gets (`item`) and where it is stored (`key`)."""

    kind: str
    key: str
    item: dict

    @property
    def id(self) -> str:
        """The client event id (uuid4) the server deduplicates on."""
        return self.item["id"]


class Outbox:
    """Queued check-ins and completions, durable in a KeyValueStore, mirrored in memory."""

    def __init__(
        self,
        store: KeyValueStore,
        now: Callable[[], datetime] = local_now,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self._store = store
        self._now = now
        self._new_id = new_id
        self._entries: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
        self.dropped = 0
        self.unsaved = 0  # entries the storage refused: sent this session, lost on a restart

    async def load(self) -> None:
        """Read every stored entry (after a reload or a restart); unreadable ones are skipped.

        Entries added while this runs are kept: they are in storage and in memory already.
        """
        # The dropped count is read with the key list: one round trip to the storage, not two.
        listed, dropped = await asyncio.gather(
            self._store.keys(PREFIX), self._store.get(DROPPED_KEY)
        )
        keys = sorted(listed)
        limit = asyncio.Semaphore(_LOAD_CONCURRENCY)

        async def read(key: str) -> tuple[str, str | None]:
            async with limit:
                return key, await self._store.get(key)

        for key, raw in await asyncio.gather(*(read(k) for k in keys)):
            kind = key[len(PREFIX) :].split(".", 1)[0]
            try:
                item = json.loads(raw) if raw else None
            except ValueError:
                item = None
            if kind in KINDS and isinstance(item, dict) and "id" in item:
                self._entries[kind].setdefault(key, Entry(kind, key, item))
            else:
                log.warning("outbox: skipping unreadable entry %s", key)
        self.dropped = int(dropped) if dropped and dropped.isdigit() else 0

    async def add_checkin(self, score: int) -> Entry:
        """Queue a check-in; returns once storage has it (or refused it)."""
        return await self._add(CHECKIN, {"score": score})

    async def add_completion(self, prompt_id: str, text: str) -> Entry:
        """Queue a sentence completion; returns once storage has it (or refused it)."""
        return await self._add(COMPLETION, {"prompt_id": prompt_id, "text": text})

    async def _add(self, kind: str, fields: dict) -> Entry:
        moment = self._now()
        event_id = self._new_id()
        item = {"id": event_id, **fields, "at": rfc3339(moment)}
        millis = int(moment.timestamp() * 1000)
        key = f"{PREFIX}{kind}.{millis:013d}.{event_id}"
        entry = Entry(kind, key, item)
        try:
            await self._store.set(key, json.dumps(item, ensure_ascii=False))
        except Exception:  # a full or broken storage must not lose the tap for this session
            log.exception("outbox: could not store %s", key)
            self.unsaved += 1
        self._entries[kind][key] = entry
        return entry

    def batch(self, kind: str, limit: int = 100) -> list[Entry]:
        """The oldest `limit` entries of one kind."""
        entries = self._entries[kind]
        return [entries[k] for k in sorted(entries)[:limit]]

    async def settle(self, entries: Iterable[Entry], done: set[str], rejected: set[str]) -> None:
        """Forget entries the server took (done) or refused (rejected, counted as dropped)."""
        gone = [e for e in entries if e.id in done or e.id in rejected]
        for entry in gone:
            self._entries[entry.kind].pop(entry.key, None)
        await asyncio.gather(*(self._store.remove(e.key) for e in gone))
        dropped = sum(1 for e in gone if e.id in rejected and e.id not in done)
        if dropped:
            self.dropped += dropped
            await self._store.set(DROPPED_KEY, str(self.dropped))

    async def reset_dropped(self) -> None:
        """Start counting refused items afresh (a new pairing: the count is "since pairing")."""
        self.dropped = 0
        await self._store.remove(DROPPED_KEY)

    async def clear(self) -> None:
        """Forget everything queued (an admin unpaired the tablet and accepted the loss)."""
        keys = await self._store.keys(PREFIX)
        await asyncio.gather(*(self._store.remove(k) for k in keys))
        for entries in self._entries.values():
            entries.clear()

    def depth(self, kind: str | None = None) -> int:
        """How many entries wait (of one kind, or in all)."""
        if kind:
            return len(self._entries[kind])
        return sum(len(e) for e in self._entries.values())
