"""KioskRuntime: one kiosk's wiring. Storage, outbox, sync loop, config refresh and timers.

The view calls its methods (tap, submit, pair, …); its loops move KioskState along. Nothing here
draws: the views read KioskState. A tap changes the state first (the thank-you shows at once),
then stores the check-in in the outbox, and only then wakes the sync loop: no network call ever
comes before the durable write, and the thank-you never waits for the network.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine

from app.client.api import ApiClient
from app.client.clock import ClockWatch
from app.client.errors import ApiError, Offline
from app.client.outbox import Outbox
from app.client.sync import Syncer, SyncStatus
from app.config import APP_VERSION
from app.context import Session
from app.i18n import t
from app.kiosk import device
from app.kiosk.admin_gate import AdminGate
from app.kiosk.config_by_heartbeat import ConfigByHeartbeat
from app.kiosk.device import Pairing
from app.kiosk.state import (
    DONE,
    IDLE,
    THANKS,
    KioskState,
    Notice,
)

MAX_TEXT = 280
TICK_SECONDS = 0.25
BEHAVIOUR_SECONDS = 8.0
# The texts of /v1/content the kiosk keeps: the behaviours' intro and the definition.
ABOUT_KEYS = ("title", "definition", "behaviours_intro")
log = logging.getLogger(__name__)

_PAIR_ERRORS = {
    "pairing_code_invalid": "setup.error.code_invalid",
    "invalid_request": "setup.error.code_invalid",
    "not_found": "setup.error.code_invalid",
    "too_many_attempts": "setup.error.too_many",
}


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
        self.syncer: Syncer | None = None
        self._booted = False
        self._tasks: list[asyncio.Task] = []
        self._paired_tasks: list[asyncio.Task] = []
        self.gate = AdminGate(self)

    # lifecycle (Session worker)
    def start(self) -> None:
        """Boot once, then run the timers (and, when paired, sync and config refresh)."""
        if not self._tasks:
            self._tasks = [self.session.start(self._run())]

    def stop(self) -> None:
        """Cancel every loop (the browser went away, or the kiosk screen closed)."""
        for task in self._tasks + self._paired_tasks:
            task.cancel()
        self._tasks, self._paired_tasks = [], []

    async def _run(self) -> None:
        if not self._booted:
            await self._boot()
        elif self.pairing:
            self._start_paired()
        await asyncio.gather(self._tick_loop(), self._behaviour_loop())

    async def _boot(self) -> None:
        # The screen first (two reads), the outbox after: days offline can leave thousands of
        # entries, and taps made while they load simply join them.
        store = self.session.store
        self._spawn(self._keep_awake())
        self._spawn(self._respect_reduced_motion())
        self.pairing = await device.load_pairing(store)
        if self.pairing:
            self._show_content(await device.load_cached(store, device.CONTENT_KEY))
            self.state.show_idle(await device.load_cached(store, device.CONFIG_KEY))
        else:
            self.state.show_setup()
        await self.outbox.load()
        self._booted = True
        self.state.queue_depth = self.outbox.depth()
        if self.pairing:
            self._start_paired()
        elif self.link_code:
            await self.pair_from_link(self.link_code)

    async def pair_from_link(self, code: str) -> None:
        """Pair with the code of a scanned pairing sheet, with the default address and name.

        Only an unpaired tablet pairs this way: a tablet already on the wall keeps its workplace
        (and the answers waiting in it) until an administrator unpairs it at the hidden corner.
        """
        self.state.link_code = code
        name = t("setup.device_name_default", "da")
        await self.pair(self.session.api_url, code, name)

    async def _keep_awake(self) -> None:
        if self.wakelock is None:
            return
        try:
            await asyncio.wait_for(self.wakelock.enable(), 5)
        except Exception:  # a browser without the Wake Lock API still runs the kiosk
            log.info("kiosk: wakelock not available")

    async def _respect_reduced_motion(self) -> None:
        """Stop the behaviours' rotation and fades when the system asks for less motion."""
        if self.accessibility is None:
            return
        try:
            features = await asyncio.wait_for(self.accessibility.get_accessibility_features(), 5)
        except Exception:  # no answer: keep the gentle default
            log.info("kiosk: accessibility features not available")
            return
        self.state.reduce_motion = bool(features.disable_animations or features.reduce_motion)

    def _start_paired(self) -> None:
        for task in self._paired_tasks:
            task.cancel()
        api = ConfigByHeartbeat(self._device_api(), self._apply_config)
        self.syncer = Syncer(
            self.outbox,
            api,
            APP_VERSION,
            on_status=self._on_sync_status,
            clock_watch=self.clock_watch,
        )
        self._paired_tasks = [self._spawn(self.syncer.run())]

    def _spawn(self, coro: Coroutine) -> asyncio.Task:
        return self.session.start(coro)

    def _device_api(self) -> ApiClient:
        assert self.pairing is not None
        return self.session.api(self.pairing.device_token, base_url=self.pairing.api_url)

    # loops
    async def _tick_loop(self) -> None:
        while True:
            self.state.tick(self.clock())
            await asyncio.sleep(TICK_SECONDS)

    async def _behaviour_loop(self) -> None:
        while True:
            await asyncio.sleep(BEHAVIOUR_SECONDS)
            if self.state.phase == IDLE and not self.state.reduce_motion:
                self.state.next_behaviour()

    async def _apply_config(self, config: dict) -> None:
        """A new week configuration came with a heartbeat: keep it and show it."""
        await device.save_cached(self.session.store, device.CONFIG_KEY, dict(config))
        self.state.config = config

    async def refresh_config(self) -> None:
        """Fetch this week's configuration (and the content texts); keep the cache on failure."""
        api, store = self._device_api(), self.session.store
        try:
            sent = self.clock_watch.now()
            config = await api.kiosk()
            self.clock_watch.observe(config, sent, self.clock_watch.now())
            if self.state.about is None:
                content = await api.content()
                kept = {key: content.get(key) for key in ABOUT_KEYS}
                await device.save_cached(store, device.CONTENT_KEY, kept)
                self._show_content(kept)
        except Offline:
            self.state.offline = True
            return
        except ApiError as error:
            if error.status in (401, 403):
                self._lost_pairing()
            return
        await device.save_cached(store, device.CONFIG_KEY, dict(config))
        self.state.config = config

    def _show_content(self, content: dict | None) -> None:
        """The content texts the idle screen shows; a cache without the definition is refetched."""
        content = content or {}
        self.state.behaviours_intro = content.get("behaviours_intro")
        has_all = all(content.get(key) for key in ABOUT_KEYS)
        self.state.about = {key: content[key] for key in ABOUT_KEYS} if has_all else None

    def _on_sync_status(self, status: SyncStatus) -> None:
        self.state.offline = status.online is False
        self.state.queue_depth = status.queue_depth
        if status.unauthorized:
            self._lost_pairing()

    def _lost_pairing(self) -> None:
        """The server no longer knows this tablet: ask for a new code, keep what waits."""
        self.state.show_setup(Notice("setup.revoked"))

    # check-in
    async def tap(self, score: int) -> None:
        """A score button was pressed."""
        if not self.state.tap(self.clock()):
            return
        await self.outbox.add_checkin(score)
        self._queued()

    async def submit(self, text: str) -> None:
        """The person sent their sentence (an empty one counts as a skip)."""
        if self.state.phase != THANKS:
            return
        prompt = self.state.prompt
        self.state.finish(self.clock())
        text = " ".join(text.split())[:MAX_TEXT]
        if text and prompt:
            await self.outbox.add_completion(prompt["id"], text)
            self._queued()

    def skip(self) -> None:
        """The person skipped the sentence."""
        self.state.finish(self.clock())

    def done(self) -> None:
        """The goodbye was touched: back to idle now."""
        if self.state.phase == DONE:
            self.state.to_idle()

    def typing(self) -> None:
        """Someone is typing: the screen stays."""
        self.state.keep_alive(self.clock())

    def toggle_language(self) -> None:
        """Switch between Danish and English for this check-in."""
        self.state.toggle_language(self.clock())

    def open_about(self) -> None:
        """Show what psychological safety means here, until a touch or the idle reset."""
        self.state.open_about(self.clock())

    def close_about(self) -> None:
        """Close the definition."""
        self.state.close_about()

    def _queued(self) -> None:
        self.state.queue_depth = self.outbox.depth()
        if self.syncer:
            self.syncer.kick()

    # pairing
    async def pair(self, api_url: str, code: str, device_name: str) -> None:
        """Pair with the workplace of a pairing code; stays on setup with a notice on failure."""
        api_url, code, device_name = api_url.strip().rstrip("/"), code.strip(), device_name.strip()
        if not api_url.startswith(("http://", "https://")):
            self.state.setup_notice = Notice("setup.error.bad_url")
            return
        if not code:
            self.state.setup_notice = Notice("setup.error.empty_code")
            return
        if not device_name:
            self.state.setup_notice = Notice("setup.error.empty_name")
            return
        self.state.setup_notice, self.state.pairing = None, True
        try:
            result = await self.session.api(base_url=api_url).pair(code, device_name)
        except Offline:
            self.state.setup_notice = Notice("setup.error.offline", {"url": api_url})
            return
        except ApiError as error:
            key = _PAIR_ERRORS.get(error.code, "setup.error.generic")
            self.state.setup_notice = Notice(key, {"code": error.code})
            return
        except Exception:  # whatever it was, the setup screen must stay usable
            log.exception("kiosk: pairing failed")
            self.state.setup_notice = Notice("setup.error.generic", {"code": "error"})
            return
        finally:
            self.state.pairing = False
        await self._paired(api_url, result)

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
        self.state.behaviours_intro = self.state.about = None
        await self.refresh_config()
        self.state.show_idle()
        self._start_paired()

    async def forget_pairing(self) -> None:
        """Stop syncing and forget the pairing and everything queued (the admin confirmed)."""
        for task in self._paired_tasks:
            task.cancel()
        self._paired_tasks, self.syncer = [], None
        await self.outbox.clear()
        await device.forget_pairing(self.session.store)
        self.pairing = None
        self.state.config = None
        self.state.behaviours_intro = self.state.about = None
        self.state.queue_depth = 0
        self.state.offline = False
        self.state.show_setup()
