"""A choice among a few named options: a button showing the current one, a dialog to pick.

Used instead of a dropdown because its options are plain buttons, easy to reach by keyboard,
screen reader and browser test alike.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from app.components import palette
from app.components.actions import act


@ft.component
def ChoiceButton(
    label: str,
    current: str,
    options: list[tuple[str | None, str]],
    on_choose: Callable[[str | None], Awaitable[None] | None],
    cancel: str,
) -> ft.Control:
    """ "<label>: <current> ▾"; the dialog lists `options` as (key, text) buttons."""
    open_, set_open = ft.use_state(False)

    async def choose(key: str | None) -> None:
        set_open(False)
        result = on_choose(key)
        if result is not None:
            await result

    dialog = None
    if open_:
        dialog = ft.AlertDialog(
            title=ft.Text(label, color=palette.INK),
            content=ft.Column(
                [
                    ft.TextButton(text, on_click=act(lambda _e, k=key: choose(k)))
                    for key, text in options
                ],
                tight=True,
                scroll=ft.ScrollMode.AUTO,
                width=420,
            ),
            actions=[ft.TextButton(cancel, on_click=lambda _e: set_open(False))],
            on_dismiss=lambda _e: set_open(False),
        )
    ft.use_dialog(dialog)
    return ft.OutlinedButton(
        f"{label}: {current}",
        icon=ft.Icons.ARROW_DROP_DOWN,
        on_click=lambda _e: set_open(True),
    )
