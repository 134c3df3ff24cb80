"""One figure with its label, large enough to read across a meeting room."""

from __future__ import annotations

import flet as ft

from app.components import palette


@ft.component
def StatTile(
    label: str, value: str, note: str = "", col: dict | None = None, muted: bool = False
) -> ft.Control:
    """A labelled figure; `muted` for "too few answers" so it never looks like a number."""
    return ft.Container(
        col=col or 12,
        padding=ft.Padding.symmetric(horizontal=20, vertical=16),
        bgcolor=palette.CARD,
        border=ft.Border.all(1, palette.LINE),
        border_radius=palette.RADIUS,
        content=ft.Column(
            spacing=4,
            tight=True,
            controls=[
                ft.Text(label, size=14, color=palette.MUTED),
                ft.Text(
                    value,
                    size=24 if muted else 40,
                    weight=ft.FontWeight.W_600,
                    color=palette.MUTED if muted else palette.INK,
                    semantics_label=f"{label}: {value}",
                ),
                ft.Text(note, size=13, color=palette.MUTED) if note else ft.Container(),
            ],
        ),
    )
