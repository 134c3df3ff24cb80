"""Keyboard shortcuts for a screen, heard from the very first frame it shows.

The page listens for keys once, when the session starts, and hands each key to the newest screen
that asked for keys. A screen that set `page.on_keyboard_event` itself would only hear keys once
the browser had been told to send them, a round trip after the screen showed: a key pressed in
between (a quick presenter, a switch user) went nowhere.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft
from flet.components.hooks.use_ref import MutableRef

KeyHandler = Callable[[ft.KeyboardEvent], None]


class KeyRouter:
    """The page's one keyboard handler: the newest listening screen gets the key."""

    def __init__(self) -> None:
        self.listeners: list[MutableRef[KeyHandler]] = []

    def __call__(self, e: ft.KeyboardEvent) -> None:
        if self.listeners:
            self.listeners[-1].current(e)

    def listen(self, handler: MutableRef[KeyHandler]) -> None:
        self.listeners.append(handler)

    def forget(self, handler: MutableRef[KeyHandler]) -> None:
        if handler in self.listeners:
            self.listeners.remove(handler)


def use_keys(keys: KeyRouter, on_key: KeyHandler) -> None:
    """Hand this screen the page's keys while it is shown; call at a component's top level."""
    latest = ft.use_ref(None)  # not use_ref(on_key): a callable there is an initialiser
    latest.current = on_key  # the newest render's handler sees the newest state
    ft.use_effect(lambda: keys.listen(latest), [], cleanup=lambda: keys.forget(latest))
