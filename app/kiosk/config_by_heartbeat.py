"""The sync loop's device API, whose heartbeat also brings the week's configuration when it changed.

An idle kiosk used to make two calls every 5 minutes (GET /v1/kiosk and the heartbeat); kiosk
polling was 98.6 % of all API calls. Now its only regular call is the heartbeat, every 15 minutes
(sync.Syncer's default; the target was at most one per 10): it sends the configuration version it
holds and gets the new configuration back only when that changed (a new week, prompt, setting or
name). infra/README.md's cost model rests on this.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app.client.api import ApiClient
from app.client.errors import ApiError
from app.client.sync import Unauthorized


class ConfigByHeartbeat:
    """An ApiClient for the sync loop; `heartbeat` hands a changed configuration to `on_config`."""

    def __init__(self, api: ApiClient, on_config: Callable[[dict], Awaitable[None]]) -> None:
        self._api = api
        self._on_config = on_config
        self.version = ""  # none yet: the first heartbeat after a start brings the configuration

    def __getattr__(self, name: str) -> Any:
        return getattr(self._api, name)  # send_checkins, send_completions: unchanged

    async def heartbeat(self, app_version: str, queue_depth: int, *more: Any, **named: Any) -> None:
        """POST /v1/heartbeat with our configuration version; apply a new configuration."""
        try:
            answer = await self._api.heartbeat_with_config(
                self.version, app_version, queue_depth, *more, **named
            )
        except ApiError as error:
            if error.status in (401, 403):  # revoked: nothing else would tell an idle kiosk
                raise Unauthorized(error.code) from error
            raise
        if answer and answer.get("kiosk"):
            await self._on_config(answer["kiosk"])
        if answer:
            self.version = str(answer.get("config_version") or "")
