"""A small, calm indicator: offline, and how many answers wait to be sent."""

from __future__ import annotations

import flet as ft

from app import theme


@ft.component
def StatusBadge(text: str | None, offline: bool) -> ft.Control:
    """Nothing when all is well; a quiet pill otherwise."""
    if not text:
        return ft.Container(width=0, height=0)
    icon = ft.Icons.CLOUD_OFF_OUTLINED if offline else ft.Icons.CLOUD_UPLOAD_OUTLINED
    return ft.Semantics(
        identifier="sync-status",
        live_region=True,
        content=ft.Container(
            padding=ft.Padding.symmetric(horizontal=12, vertical=6),
            border_radius=20,
            bgcolor=theme.BADGE,
            content=ft.Row(
                [
                    ft.Icon(icon, size=18, color=theme.CALM_WARNING),
                    ft.Text(text, size=14, color=theme.MUTED),
                ],
                spacing=6,
                tight=True,
            ),
        ),
    )
