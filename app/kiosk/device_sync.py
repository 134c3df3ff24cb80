"""A paired kiosk's sync loop: sends the outbox, beats the heartbeat, reports how it went.

Started when the tablet is paired (at boot or after pairing), stopped when it is unpaired or the
browser goes away. Its status is what the top bar shows: offline, and how many answers wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine

from app.client.api import ApiClient
from app.client.clock import ClockWatch
from app.client.outbox import Outbox
from app.client.sync import Syncer, SyncStatus
from app.config import APP_VERSION
from app.kiosk.config_by_heartbeat import ConfigByHeartbeat
from app.kiosk.state import KioskState


class DeviceSync:
    """Runs at most one Syncer for the current pairing."""

    def __init__(
        self,
        state: KioskState,
        outbox: Outbox,
        clock_watch: ClockWatch,
        spawn: Callable[[Coroutine], asyncio.Task],
        on_revoked: Callable[[], None],
    ) -> None:
        self.state = state
        self.outbox = outbox
        self.clock_watch = clock_watch
        self.spawn = spawn  # runs a loop for as long as the session lives
        self.on_revoked = on_revoked
        self.syncer: Syncer | None = None
        self._tasks: list[asyncio.Task] = []

    def start(self, api: ApiClient, on_config: Callable[[dict], Awaitable[None]]) -> None:
        """Sync with `api` (the device's token); a heartbeat's new week goes to `on_config`."""
        self._cancel()
        self.syncer = Syncer(
            self.outbox,
            ConfigByHeartbeat(api, on_config),
            APP_VERSION,
            on_status=self._on_status,
            clock_watch=self.clock_watch,
        )
        self._tasks = [self.spawn(self.syncer.run())]

    def stop(self) -> None:
        """Stop syncing for good (unpaired): nothing is sent until the next pairing."""
        self._cancel()
        self.syncer = None

    def pause(self) -> None:
        """Stop the loop but keep the Syncer (the browser went away; `start` resumes)."""
        self._cancel()

    def queued(self) -> None:
        """Something new waits in the outbox: count it and try to send it now."""
        self.state.queue_depth = self.outbox.depth()
        if self.syncer:
            self.syncer.kick()

    async def flush(self) -> None:
        """Send everything waiting now (raises as Syncer.flush does); nothing when unpaired."""
        if self.syncer:
            await self.syncer.flush()

    def _cancel(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks = []

    def _on_status(self, status: SyncStatus) -> None:
        self.state.offline = status.online is False
        self.state.queue_depth = status.queue_depth
        if status.unauthorized:
            self.on_revoked()
