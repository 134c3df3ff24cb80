"""An invisible corner that reacts only to a long press: the administrator's way in."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app import theme

CORNER_SIZE = 72


@ft.component
def HiddenCorner(label: str, on_long_press: Callable[[], object]) -> ft.Control:
    """A transparent square; a tap does nothing, a long press calls `on_long_press`."""
    return ft.Semantics(
        identifier="admin-corner",
        label=label,
        content=ft.GestureDetector(
            on_long_press=lambda _e: on_long_press(),
            content=ft.Container(width=CORNER_SIZE, height=CORNER_SIZE, bgcolor=theme.TRANSPARENT),
        ),
    )
