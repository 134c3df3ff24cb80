"""The background loop that empties the outbox into the API, and reports how that goes.

Plain Python with everything injected (the API, the outbox, sleep, randomness, clock), so the
tests drive it with fakes and no page. Per batch (at most 100): accepted and duplicate ids are
removed, rejected ones dropped and counted, the rest retried with exponential backoff and jitter.
Each batch says when the tablet sent it (`sent_at`, by the clock that stamped its items), so the
server can undo a wrong clock; the heartbeat reports the dropped count and the clock's error.
A batch the server refuses as a whole (400/413/422) is split in halves until the bad item stands
alone and is dropped, so one broken entry can never block the queue.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from app.client.clock import ClockWatch
from app.client.errors import ApiError, Offline
from app.client.outbox import CHECKIN, COMPLETION, Entry, Outbox, rfc3339

BATCH_LIMIT = 100
log = logging.getLogger(__name__)


class DeviceApi(Protocol):
    """The part of ApiClient the sync loop uses."""

    async def send_checkins(self, checkins: list[dict], sent_at: str | None = None) -> dict: ...

    async def send_completions(
        self, completions: list[dict], sent_at: str | None = None
    ) -> dict: ...

    async def heartbeat(
        self,
        app_version: str,
        queue_depth: int,
        dropped: int | None = None,
        clock_offset_seconds: int | None = None,
    ) -> None: ...


@dataclass(frozen=True)
class SyncStatus:
    """What the kiosk shows: reachable or not, how many wait, and the last problem."""

    online: bool | None  # None: not tried yet
    queue_depth: int
    dropped: int
    unauthorized: bool = False


class Unauthorized(Exception):
    """The server no longer accepts this tablet's token (401/403)."""


class Unsettled(Exception):
    """The server answered a batch without naming every item: try those again later."""


class Syncer:
    """Sends the outbox in batches, with backoff on failure and a heartbeat now and then."""

    def __init__(
        self,
        outbox: Outbox,
        api: DeviceApi,
        app_version: str,
        *,
        on_status: Callable[[SyncStatus], None] = lambda status: None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rand: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.monotonic,
        poll_seconds: float = 30.0,
        base_delay: float = 2.0,
        max_delay: float = 300.0,
        heartbeat_seconds: float = 900.0,  # an idle kiosk's one call per 15 minutes (cost)
        clock_watch: ClockWatch | None = None,
    ) -> None:
        self.outbox = outbox
        self.api = api
        self.app_version = app_version
        self.on_status = on_status
        self._sleep = sleep
        self._rand = rand
        self._clock = clock
        self.poll_seconds = poll_seconds
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.heartbeat_seconds = heartbeat_seconds
        # The tablet's clock: it stamps each batch's sent_at and learns its error from answers.
        self.clock_watch = clock_watch or ClockWatch()
        self.failures = 0
        self.online: bool | None = None
        self.unauthorized = False
        self._next_heartbeat = 0.0
        self._wake = asyncio.Event()

    def kick(self) -> None:
        """Try now (a new entry arrived) instead of waiting out the poll or the backoff."""
        self._wake.set()

    def status(self) -> SyncStatus:
        """The current status."""
        return SyncStatus(self.online, self.outbox.depth(), self.outbox.dropped, self.unauthorized)

    def backoff(self) -> float:
        """Seconds to wait after `failures` failed rounds: exponential, capped, half jittered."""
        delay = min(self.max_delay, self.base_delay * 2 ** max(self.failures - 1, 0))
        return delay / 2 + self._rand() * delay / 2

    async def flush(self) -> None:
        """Send everything queued; raises Offline, ApiError (retryable) or Unauthorized."""
        for kind in (CHECKIN, COMPLETION):
            while batch := self.outbox.batch(kind, BATCH_LIMIT):
                await self._send(kind, batch)

    async def _send(self, kind: str, batch: list[Entry]) -> None:
        send = self.api.send_checkins if kind == CHECKIN else self.api.send_completions
        watch = self.clock_watch
        sent = watch.now()  # the same clock stamped the items: the server undoes its error
        try:
            result = await send([e.item for e in batch], rfc3339(sent))
        except ApiError as error:
            if error.status in (401, 403):
                raise Unauthorized(error.code) from error
            if error.retryable:
                raise
            if len(batch) == 1:  # the server refuses this item whatever we do
                log.warning("sync: dropping %s refused with %s", batch[0].id, error.code)
                await self.outbox.settle(batch, set(), {batch[0].id})
                return
            half = len(batch) // 2
            await self._send(kind, batch[:half])
            await self._send(kind, batch[half:])
            return
        watch.observe(result, sent, watch.now())
        done = set(result.get("accepted", [])) | set(result.get("duplicates", []))
        rejected = {r["id"] for r in result.get("rejected", [])}
        for refusal in result.get("rejected", []):  # counted as dropped, reported in heartbeats
            log.warning("sync: dropping %s refused with %s", refusal["id"], refusal["reason"])
        await self.outbox.settle(batch, done, rejected)
        if any(e.id not in done and e.id not in rejected for e in batch):
            raise Unsettled(f"{kind} batch of {len(batch)} only partly answered")

    async def _heartbeat_if_due(self) -> None:
        if self._clock() >= self._next_heartbeat:
            await self.api.heartbeat(
                self.app_version,
                self.outbox.depth(),
                self.outbox.dropped,
                self.clock_watch.offset_seconds,
            )
            self._next_heartbeat = self._clock() + self.heartbeat_seconds

    async def round(self) -> float:
        """One round: flush and heartbeat. Returns how long to wait before the next."""
        try:
            await self.flush()
            await self._heartbeat_if_due()
        except (Offline, ApiError, Unauthorized, Unsettled) as problem:
            self.failures += 1
            self.online = isinstance(problem, Unauthorized | Unsettled)
            self.unauthorized = isinstance(problem, Unauthorized)
            log.info("sync: round failed (%s), attempt %d", problem, self.failures)
            self.on_status(self.status())
            return self.backoff()
        self.failures = 0
        self.online = True
        self.unauthorized = False
        self.on_status(self.status())
        return self.poll_seconds

    async def run(self) -> None:
        """Rounds forever; cancel the task to stop. A kick cuts any wait short."""
        while True:
            self._wake.clear()
            try:
                wait = await self.round()
            except Exception:  # a bug must not end delivery for good: log it and back off
                log.exception("sync: unexpected failure")
                self.failures += 1
                wait = self.backoff()
            sleeper = asyncio.ensure_future(self._sleep(wait))
            waker = asyncio.ensure_future(self._wake.wait())
            try:
                await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                sleeper.cancel()
                waker.cancel()
