"""Fetch fresh figures when someone comes back to the tab (a reload or a reconnect).

A browser reload reconnects to the same Flet session, so the screen's state survives and its
mount effect does not run again; the session's workers are started again instead (on_connect).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft


class RefreshOnReturn:
    """A session worker whose start (after the first) runs `refresh`."""

    def __init__(self, session, refresh: Callable[[], Awaitable[None]]) -> None:
        self.session = session
        self.refresh = refresh
        self.started = False

    def start(self) -> None:
        """Called when the worker is added (ignored) and on every reconnect (refreshes)."""
        if self.started:
            self.session.start(self.refresh())
        self.started = True

    def stop(self) -> None:
        """Nothing runs between returns."""


def use_refresh_on_return(session, refresh: Callable[[], Awaitable[None]]) -> None:
    """Refresh when the browser returns to this screen; call at a component's top level."""
    worker = ft.use_ref(None)

    def mount() -> None:
        worker.current = RefreshOnReturn(session, refresh)
        session.add_worker(worker.current)

    def unmount() -> None:
        if worker.current is not None:
            session.remove_worker(worker.current)

    ft.use_effect(mount, [], cleanup=unmount)
