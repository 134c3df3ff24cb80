"""Om psykologisk tryghed: Norddjurs' definition, one click away on the pulse, folded at first."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.definition import Definition
from app.i18n import t


@ft.component
def AboutPanel(content: dict | None, lang: str) -> ft.Control:
    """A folded section with the definition and the seven behaviours; nothing without content."""
    if not (content or {}).get("definition"):
        return ft.Container(height=0)
    return ft.Container(
        bgcolor=palette.CARD,
        border=ft.Border.all(1, palette.LINE),
        border_radius=palette.RADIUS,
        content=ft.ExpansionTile(
            title=ft.Text(
                t("pulse.about.title", lang),
                size=18,
                weight=ft.FontWeight.W_600,
                color=palette.INK,
            ),
            leading=ft.Icon(ft.Icons.INFO_OUTLINE, color=palette.ACCENT),
            expanded=False,
            controls_padding=ft.Padding.only(left=20, right=20, bottom=20),
            expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,
            shape=ft.RoundedRectangleBorder(radius=palette.RADIUS),
            collapsed_shape=ft.RoundedRectangleBorder(radius=palette.RADIUS),
            controls=[Definition(content, lang, size=16)],
        ),
    )
