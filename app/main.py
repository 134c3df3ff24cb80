"""Entry point: `main(page)` for `ft.run(main)`; `main_for(LaunchConfig(...))` for the embedded
server's flet_web mount, which hands the app what it knows (its API's address).

Standalone: `FLET_FORCE_WEB_SERVER=1 .venv/bin/python -m app.main` serves it for a browser.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import flet as ft

from app import theme
from app.client.storage import SharedPreferencesStore
from app.client.transport import default_transport
from app.components.page_language import locale_configuration
from app.config import LaunchConfig, default_api_url
from app.context import Session
from app.i18n import DEFAULT_LANGUAGE, t
from app.kiosk.device import START_KEYS
from app.root import App, opens_kiosk

ASSETS_DIR = Path(__file__).parent / "assets"
log = logging.getLogger(__name__)


async def main(page: ft.Page) -> None:
    """Build one session's services and render the route table (started on its own)."""
    await start(page, LaunchConfig())


def main_for(launch: LaunchConfig) -> Callable[[ft.Page], Awaitable[None]]:
    """`main(page)` for a process that starts the app with what it knows (`serve`)."""

    async def launched_main(page: ft.Page) -> None:
        await start(page, launch)

    return launched_main


async def start(page: ft.Page, launch: LaunchConfig) -> None:
    """Build one session's services and render the route table."""
    page.title = t("app.title")
    theme.apply(page)
    page.locale_configuration = locale_configuration(DEFAULT_LANGUAGE)
    # Services must be created inside the page context and stay referenced (see Session).
    prefs = ft.SharedPreferences()
    store = SharedPreferencesStore(prefs)
    if opens_kiosk(page.route):
        store.read_early(START_KEYS)
        await asyncio.sleep(0)  # the reads go out now, ahead of the first screen
    session = Session(
        store=store,
        transport=default_transport(),
        api_url=default_api_url(page.url, launch.api_url),
        services=[prefs],
    )

    async def end_session(_e=None) -> None:
        await session.close()

    # A closed tab keeps its session (and its loops) for an hour unless we stop them.
    page.on_disconnect = lambda _e=None: session.pause()
    page.on_connect = lambda _e=None: session.resume()
    page.on_close = end_session
    page.on_keyboard_event = session.keys  # from the start, so no screen misses its first key
    page.render_views(App, session)


def run() -> None:
    """Run standalone (a desktop window, or a browser with FLET_FORCE_WEB_SERVER=1)."""
    ft.run(main, assets_dir=str(ASSETS_DIR), view=ft.AppView.WEB_BROWSER, no_cdn=True)


if __name__ == "__main__":
    run()
