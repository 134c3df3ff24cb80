"""A card-like panel with an optional heading: the building block of the pulse and admin pages."""

from __future__ import annotations

import flet as ft

from app.components import palette


@ft.component
def Panel(
    content: ft.Control,
    title: str | None = None,
    subtitle: str | None = None,
    col: dict | None = None,
    identifier: str | None = None,
    bgcolor: str = palette.CARD,
) -> ft.Control:
    """A rounded, softly bordered box (`identifier` is kept for callers; not exposed, since a
    semantics node here would merge every text inside it into one label)."""
    heading: list[ft.Control] = []
    if title:
        # A heading for screen readers too (WCAG 1.3.1, 2.4.6): they jump from panel to panel.
        heading.append(
            ft.Semantics(
                header=True,
                content=ft.Text(title, size=18, weight=ft.FontWeight.W_600, color=palette.INK),
            )
        )
    if subtitle:
        heading.append(ft.Text(subtitle, size=14, color=palette.MUTED))
    box = ft.Container(
        content=ft.Column([*heading, content], spacing=10, tight=True),
        padding=20,
        bgcolor=bgcolor,
        border=ft.Border.all(1, palette.LINE),
        border_radius=palette.RADIUS,
        col=col or 12,
    )
    return box
