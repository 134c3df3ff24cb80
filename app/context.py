"""What every screen of one browser session shares: storage, transport, the API's default address.

Created once per session in `main()`, handed down the component tree with `AppContext`, and read
in views with `ft.use_context(AppContext)`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol

import flet as ft

from app.client.api import ApiClient
from app.client.storage import KeyValueStore
from app.client.transport import Transport
from app.components.keys import KeyRouter

log = logging.getLogger(__name__)


class Worker(Protocol):
    """Background work that pauses while the browser is away (a kiosk's sync and timers)."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


@dataclass(eq=False)
class Session:
    """One session's services and workers: paused on disconnect, resumed on reconnect."""

    store: KeyValueStore
    transport: Transport
    api_url: str
    services: list[Any] = field(default_factory=list)  # keeps Flet services referenced
    tasks: set[asyncio.Task] = field(default_factory=set)
    workers: list[Worker] = field(default_factory=list)
    keys: KeyRouter = field(default_factory=KeyRouter)  # the page's keys, for the shown screen

    def api(self, token: str | None = None, base_url: str | None = None) -> ApiClient:
        """An API client for this session's transport (default address unless given one)."""
        return ApiClient(base_url or self.api_url, self.transport, token)

    def start(self, coro: Coroutine) -> asyncio.Task:
        """Run a background coroutine for as long as the session lives."""
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception():
            log.error("background task failed", exc_info=task.exception())

    def add_worker(self, worker: Worker) -> None:
        """Start a worker now and pause/resume it with the browser's connection."""
        self.workers.append(worker)
        worker.start()

    def remove_worker(self, worker: Worker) -> None:
        """Stop a worker for good (its screen went away)."""
        worker.stop()
        if worker in self.workers:
            self.workers.remove(worker)

    def pause(self) -> None:
        """The browser went away: stop workers (a closed tab's session lives on for an hour)."""
        for worker in self.workers:
            worker.stop()

    def resume(self) -> None:
        """The browser came back (reconnect or reload into the same session)."""
        for worker in self.workers:
            worker.start()

    async def close(self) -> None:
        """The session expired: stop workers and tasks, close the transport."""
        self.pause()
        for task in list(self.tasks):
            task.cancel()
        with contextlib.suppress(Exception):
            await self.transport.aclose()


AppContext = ft.create_context(None)
