"""Ask before a destructive action: a hook that shows one confirmation dialog at a time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import flet as ft

from app.components import palette


@dataclass(frozen=True)
class Question:
    """What to ask, and what to do on yes."""

    title: str
    body: str
    confirm: str
    cancel: str
    on_confirm: Callable[[], Awaitable[None]]


def use_confirm() -> Callable[[Question], None]:
    """A function that opens a confirmation dialog; call this hook at a component's top level."""
    asked, set_asked = ft.use_state(None)

    async def yes(_e=None) -> None:
        question = asked
        set_asked(None)
        if question:
            await question.on_confirm()

    dialog = None
    if asked is not None:
        # Not modal: Escape or a click beside it cancels, as the Cancel button does (WCAG 2.1.2).
        dialog = ft.AlertDialog(
            title=ft.Text(asked.title, color=palette.INK),
            content=ft.Text(asked.body, color=palette.INK, width=420),
            actions=[
                ft.TextButton(asked.cancel, on_click=lambda _e: set_asked(None)),
                ft.FilledButton(
                    asked.confirm, on_click=yes, style=ft.ButtonStyle(bgcolor=palette.NOTICE)
                ),
            ],
            on_dismiss=lambda _e: set_asked(None),
        )
    ft.use_dialog(dialog)
    return set_asked
