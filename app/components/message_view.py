"""A calm full-screen message: loading, not found, a placeholder."""

from __future__ import annotations

import flet as ft

from app import theme


@ft.component
def MessageView(text: str, route: str = "/", busy: bool = False) -> ft.View:
    """A view with one centred message (and a spinner when busy)."""
    content = [ft.ProgressRing()] if busy else []
    content.append(ft.Text(text, size=22, color=theme.INK, text_align=ft.TextAlign.CENTER))
    return ft.View(
        route=route,
        bgcolor=theme.SURFACE,
        vertical_alignment=ft.MainAxisAlignment.CENTER,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[ft.Column(content, horizontal_alignment=ft.CrossAxisAlignment.CENTER)],
    )
