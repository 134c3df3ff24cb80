"""This week's configuration and the content texts on a paired kiosk: fetched, cached, shown.

The configuration comes from GET /v1/kiosk right after pairing and, later, with a heartbeat when
it changed (config_by_heartbeat.py); both are kept in the tablet's storage (device.py) so a
restart while the API is down still shows the last week seen. The answers are cached as the API
sent them and parsed on the way into KioskState (week_config.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from app.client.api import ApiClient
from app.client.clock import ClockWatch
from app.client.errors import ApiError, Offline
from app.client.storage import KeyValueStore
from app.kiosk import device
from app.kiosk.state import KioskState
from app.kiosk.week_config import NO_WEEK, WeekConfig

# The texts of /v1/content the kiosk keeps: the behaviours' intro and the definition.
ABOUT_KEYS = ("title", "definition", "behaviours_intro")


class WeekFeed:
    """Moves configuration and content from the API and the cache into KioskState."""

    def __init__(
        self,
        state: KioskState,
        store: KeyValueStore,
        clock_watch: ClockWatch,
        on_revoked: Callable[[], None],
    ) -> None:
        self.state = state
        self.store = store
        self.clock_watch = clock_watch
        self.on_revoked = on_revoked  # the API no longer knows this tablet

    async def read_cache(self) -> tuple[dict | None, dict | None]:
        """The cached content texts and last week seen, read at once (one round trip, not two)."""
        content, config = await asyncio.gather(
            device.load_cached(self.store, device.CONTENT_KEY),
            device.load_cached(self.store, device.CONFIG_KEY),
        )
        return content, config

    def restore(self, content: dict | None, config: dict | None) -> None:
        """At boot: show the cached texts and the last week seen, on the idle screen."""
        self._show_content(content)
        self.state.show_idle(WeekConfig.from_answer(config) if config is not None else None)

    async def apply(self, answer: dict) -> None:
        """A new week configuration came with a heartbeat: keep it and show it."""
        await device.save_cached(self.store, device.CONFIG_KEY, dict(answer))
        self.state.config = WeekConfig.from_answer(answer)

    async def refresh(self, api: ApiClient) -> None:
        """Fetch this week's configuration (and the content texts); keep the cache on failure."""
        try:
            sent = self.clock_watch.now()
            answer = await api.kiosk()
            self.clock_watch.observe(answer, sent, self.clock_watch.now())
            if self.state.about is None:
                content = await api.content()
                kept = {key: content.get(key) for key in ABOUT_KEYS}
                await device.save_cached(self.store, device.CONTENT_KEY, kept)
                self._show_content(kept)
        except Offline:
            self.state.offline = True
            return
        except ApiError as error:
            if error.status in (401, 403):
                self.on_revoked()
            return
        await self.apply(answer)

    def forget_content(self) -> None:
        """Drop the content texts shown, so the next refresh fetches them again."""
        self.state.behaviours_intro = self.state.about = None

    def forget(self) -> None:
        """Unpaired: no week and no texts any more."""
        self.state.config = NO_WEEK
        self.forget_content()

    def _show_content(self, content: dict | None) -> None:
        """The content texts the idle screen shows; a cache without the definition is refetched."""
        content = content or {}
        self.state.behaviours_intro = content.get("behaviours_intro")
        has_all = all(content.get(key) for key in ABOUT_KEYS)
        self.state.about = {key: content[key] for key in ABOUT_KEYS} if has_all else None
