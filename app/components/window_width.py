"""The window's width in CSS px, kept current: zooming the browser narrows it (WCAG 1.4.10)."""

from __future__ import annotations

import flet as ft


def use_window_width() -> float | None:
    """The page's width now and after every resize or zoom; call at a component's top level."""
    page = ft.context.page
    width, set_width = ft.use_state(page.width)

    def listen() -> None:
        page.on_resize = lambda e: set_width(e.width)

    def stop_listening() -> None:
        page.on_resize = None

    ft.use_effect(listen, [], cleanup=stop_listening)
    return width
