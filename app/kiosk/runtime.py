"""KioskRuntime: one kiosk put together, and its life: boot, timers, pairing and unpairing.

The parts each hold one job and know nothing of the runtime: `checkin` (what the screens'
buttons do), `week` (configuration and texts), `sync` (the outbox's sync loop) and `gate` (the
administrator's unpairing). The views call them; their work moves KioskState along. Nothing here
draws: the views read KioskState.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from app.client.api import ApiClient
from app.client.clock import ClockWatch
from app.client.outbox import Outbox
from app.client.sync import Syncer
from app.context import Session
from app.i18n import t
from app.kiosk import device
from app.kiosk.admin_gate import AdminGate
from app.kiosk.checkin import Checkin
from app.kiosk.device import Pairing
from app.kiosk.device_sync import DeviceSync
from app.kiosk.pairing_request import request_pairing
from app.kiosk.state import IDLE, KioskState, Notice
from app.kiosk.tablet_services import keep_awake, respect_reduced_motion
from app.kiosk.week_feed import WeekFeed

TICK_SECONDS = 0.25
BEHAVIOUR_SECONDS = 8.0


class KioskRuntime:
    """Runs one kiosk for one session; start/stop follow the browser's connection."""

    def __init__(
        self,
        session: Session,
        state: KioskState,
        clock: Callable[[], float] = time.monotonic,
        wakelock=None,
        accessibility=None,
        link_code: str | None = None,
    ) -> None:
        self.session = session
        self.link_code = link_code  # from a pairing sheet's QR code: pair at once if unpaired
        self.state = state
        self.clock = clock
        self.wakelock = wakelock
        self.accessibility = accessibility  # ft.SemanticsService: does the system ask for calm?
        self.outbox = Outbox(session.store)
        self.clock_watch = ClockWatch()  # the tablet's wall clock and how far off it is
        self.pairing: Pairing | None = None
        self.week = WeekFeed(state, session.store, self.clock_watch, self._lost_pairing)
        self.sync = DeviceSync(
            state, self.outbox, self.clock_watch, session.start, self._lost_pairing
        )
        self.checkin = Checkin(state, self.outbox, clock, self.sync.queued)
        self.gate = AdminGate(
            state,
            check_key=self._check_admin_key,
            waiting=self.outbox.depth,
            flush=self.sync.flush,
            workplace_name=lambda: self.pairing.workplace_name if self.pairing else "",
            unpair=self.forget_pairing,
        )
        self._booted = False
        self._tasks: list[asyncio.Task] = []

    @property
    def syncer(self) -> Syncer | None:
        """The sync loop's Syncer while paired."""
        return self.sync.syncer

    # lifecycle (Session worker)
    def start(self) -> None:
        """Boot once, then run the timers (and, when paired, sync and config refresh)."""
        if not self._tasks:
            self._tasks = [self.session.start(self._run())]

    def stop(self) -> None:
        """Cancel every loop (the browser went away, or the kiosk screen closed)."""
        for task in self._tasks:
            task.cancel()
        self._tasks = []
        self.sync.pause()

    async def _run(self) -> None:
        if not self._booted:
            await self._boot()
        elif self.pairing:
            self._start_sync()
        await asyncio.gather(self._tick_loop(), self._behaviour_loop())

    async def _boot(self) -> None:
        # The screen first, the outbox after: days offline can leave thousands of entries, and
        # taps made while they load simply join them. The screen's three keys are read at once:
        # each read is a round trip to the tablet's storage (Python worker -> page -> Flutter).
        store = self.session.store
        self.session.start(keep_awake(self.wakelock))
        self.session.start(respect_reduced_motion(self.accessibility, self.state))
        self.pairing, (content, config) = await asyncio.gather(
            device.load_pairing(store), self.week.read_cache()
        )
        if self.pairing:
            self.week.restore(content, config)
        else:
            self.state.show_setup()
        await self.outbox.load()
        self._booted = True
        self.state.queue_depth = self.outbox.depth()
        if self.pairing and self.syncer is None:  # a pairing made while the outbox loaded syncs
            self._start_sync()
        elif self.link_code:
            await self.pair_from_link(self.link_code)

    async def _tick_loop(self) -> None:
        while True:
            self.state.tick(self.clock())
            await asyncio.sleep(TICK_SECONDS)

    async def _behaviour_loop(self) -> None:
        while True:
            await asyncio.sleep(BEHAVIOUR_SECONDS)
            if self.state.phase == IDLE and not self.state.reduce_motion:
                self.state.next_behaviour()

    def _device_api(self) -> ApiClient:
        assert self.pairing is not None
        return self.session.api(self.pairing.device_token, base_url=self.pairing.api_url)

    def _start_sync(self) -> None:
        self.sync.start(self._device_api(), self.week.apply)

    async def refresh_config(self) -> None:
        """Fetch this week's configuration (and the content texts); keep the cache on failure."""
        await self.week.refresh(self._device_api())

    def _lost_pairing(self) -> None:
        """The server no longer knows this tablet: ask for a new code, keep what waits."""
        self.state.show_setup(Notice("setup.revoked"))

    async def _check_admin_key(self, admin_token: str) -> None:
        base_url = self.pairing.api_url if self.pairing else self.session.api_url
        await self.session.api(admin_token, base_url=base_url).settings()

    # pairing
    async def pair_from_link(self, code: str) -> None:
        """Pair with the code of a scanned pairing sheet, with the default address and name.

        Only an unpaired tablet pairs this way: a tablet already on the wall keeps its workplace
        (and the answers waiting in it) until an administrator unpairs it at the hidden corner.
        """
        self.state.link_code = code
        name = t("setup.device_name_default", "da")
        await self.pair(self.session.api_url, code, name)

    async def pair(self, api_url: str, code: str, device_name: str) -> None:
        """Pair with the workplace of a pairing code; stays on setup with a notice on failure."""
        answer = await request_pairing(
            self.state, lambda url: self.session.api(base_url=url), api_url, code, device_name
        )
        if answer is not None:
            await self._paired(*answer)

    async def _paired(self, api_url: str, result: dict) -> None:
        workplace = result["workplace"]
        if self.pairing and self.pairing.workplace_id != workplace["id"] and self.outbox.depth():
            await self.outbox.clear()  # answers of another workplace must not count here
        self.pairing = Pairing(
            api_url=api_url,
            device_id=result["device_id"],
            device_token=result["device_token"],
            workplace_id=workplace["id"],
            workplace_name=workplace["name"],
        )
        await device.save_pairing(self.session.store, self.pairing)
        await self.outbox.reset_dropped()  # a new device: its count of refused items starts at 0
        self.week.forget_content()
        await self.refresh_config()
        self.state.show_idle()
        self._start_sync()

    async def forget_pairing(self) -> None:
        """Stop syncing and forget the pairing and everything queued (the admin confirmed)."""
        self.sync.stop()
        await self.outbox.clear()
        await device.forget_pairing(self.session.store)
        self.pairing = None
        self.week.forget()
        self.state.queue_depth = 0
        self.state.offline = False
        self.state.show_setup()
