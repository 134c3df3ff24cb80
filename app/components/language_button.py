"""The language switch: shows the language it switches to, in that language."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app import theme


@ft.component
def LanguageButton(text: str, label: str, on_press: Callable[[], object]) -> ft.Control:
    """A quiet text button with an accessible label."""
    return ft.Semantics(
        identifier="language",
        label=label,
        content=ft.TextButton(
            content=ft.Row(
                [
                    ft.Icon(ft.Icons.TRANSLATE, size=20, color=theme.ACCENT),
                    ft.Text(text, size=18, color=theme.ACCENT),
                ],
                spacing=6,
                tight=True,
            ),
            on_click=lambda: on_press(),
            style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=16, vertical=14)),
        ),
    )
