"""'Hvad er psykologisk tryghed?' on the idle screen: the definition over the check-in.

Calm and out of the way: one touch anywhere closes it, the idle reset closes it by itself, and
a tap on a score (by keyboard or switch) still counts and closes it too.
"""

from __future__ import annotations

import flet as ft

from app import theme
from app.components.definition import Definition
from app.i18n import pick, t
from app.kiosk.checkin import Checkin
from app.kiosk.state import KioskState


def about_content(state: KioskState) -> dict | None:
    """The texts to show: the kept definition with this week's behaviours, or None."""
    behaviours = state.config.behaviours
    if not state.about or not behaviours:
        return None
    return {**state.about, "behaviours": list(behaviours)}


@ft.component
def AboutButton(state: KioskState, checkin: Checkin) -> ft.Control:
    """A quiet link-like button under the check-in; nothing when the texts are not here yet."""
    if about_content(state) is None:
        return ft.Container(height=0)
    return ft.Semantics(
        identifier="about-open",
        content=ft.TextButton(
            content=ft.Row(
                [
                    ft.Icon(ft.Icons.INFO_OUTLINE, size=20, color=theme.ACCENT),
                    ft.Text(t("kiosk.about", state.lang), size=18, color=theme.ACCENT),
                ],
                spacing=8,
                tight=True,
            ),
            on_click=lambda: checkin.open_about(),
            style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=16, vertical=14)),
        ),
    )


@ft.component
def AboutOverlay(state: KioskState, checkin: Checkin) -> ft.Control:
    """The title, the definition and the behaviours on a card; a touch anywhere closes it."""
    content = about_content(state)
    lang = state.lang
    card = ft.Container(
        width=980,
        padding=32,
        border_radius=20,
        bgcolor=theme.WHITE,
        content=ft.Column(
            [
                ft.Semantics(
                    identifier="about",
                    header=True,
                    content=ft.Text(
                        pick((content or {}).get("title"), lang),
                        size=30,
                        font_family=theme.FONT_BOLD,
                        color=theme.INK,
                    ),
                ),
                Definition(content, lang, size=19),
                ft.Row(
                    [
                        ft.Semantics(
                            identifier="about-close",
                            content=ft.FilledButton(
                                content=t("kiosk.about_close", lang),
                                on_click=lambda: checkin.close_about(),
                                height=56,
                                style=theme.button_style(20),
                            ),
                        )
                    ],
                    alignment=ft.MainAxisAlignment.END,
                ),
            ],
            spacing=20,
            tight=True,
            scroll=ft.ScrollMode.AUTO,
        ),
    )
    return ft.Container(
        expand=True,
        bgcolor=theme.SCRIM_SOFT,
        alignment=ft.Alignment.CENTER,
        padding=24,
        on_click=lambda: checkin.close_about(),
        content=card,
    )
