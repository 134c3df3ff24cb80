"""The look shared by every screen: calm, neutral, large type, one font shipped in assets."""

from __future__ import annotations

import flet as ft

FONT = "Liberation Sans"
FONT_BOLD = "Liberation Sans Bold"
FONTS = {
    FONT: "fonts/LiberationSans-Regular.ttf",
    FONT_BOLD: "fonts/LiberationSans-Bold.ttf",
}

# Neutral, so no score looks "right": one slate tone for all ten buttons.
SURFACE = "#F4F1EC"
INK = "#1F2A33"
MUTED = "#5B6770"
SCORE_FILL = "#DCE3E8"
SCORE_INK = "#1F2A33"
ACCENT = "#2F5D62"
CALM_WARNING = "#8A6D3B"


def apply(page: ft.Page) -> None:
    """Set fonts, colours and the light theme on a page."""
    page.fonts = FONTS
    page.theme_mode = ft.ThemeMode.LIGHT
    page.theme = ft.Theme(font_family=FONT, color_scheme_seed=ACCENT)
    page.bgcolor = SURFACE


def button_style(size: int = 20, **options) -> ft.ButtonStyle:
    """A button style with our font at `size` (button texts otherwise skip the theme's font)."""
    return ft.ButtonStyle(text_style=ft.TextStyle(size=size, font_family=FONT), **options)
