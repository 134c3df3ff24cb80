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
MUTED = "#56626B"
SCORE_FILL = "#DCE3E8"
SCORE_INK = "#1F2A33"
ACCENT = "#2F5D62"
CALM_WARNING = "#7A5C2E"  # 4.7:1 or more on every background
ERROR = "#8C2F39"  # a pairing or admin-key problem
WHITE = "#FFFFFF"
BADGE = "#ECE6DA"  # the sync status pill
# Disabled controls (a resting score button) are exempt from contrast (WCAG 1.4.3), not hidden.
DISABLED_FILL = "#E9ECEE"
DISABLED_INK = "#6B757D"
SCRIM = "#99000000"  # behind a dialog on the kiosk
SCRIM_SOFT = "#66000000"  # behind the definition on the kiosk
TRANSPARENT = "#00FFFFFF"
FOCUS_OVERLAY = "#1F2A3326"  # under the focus ring: ink at 15 %


FOCUS_RING = ft.ButtonStyle(
    side={ft.ControlState.FOCUSED: ft.BorderSide(3, INK)},
    overlay_color={ft.ControlState.FOCUSED: FOCUS_OVERLAY},
)


def apply(page: ft.Page) -> None:
    """Set fonts, colours and the light theme on a page."""
    page.fonts = FONTS
    page.theme_mode = ft.ThemeMode.LIGHT
    page.theme = ft.Theme(
        font_family=FONT,
        color_scheme_seed=ACCENT,
        # The colours Material draws text and outlines with, pinned to ours so the contrast test
        # (tests/app/test_contrast.py) covers them too; the rest comes from the seed.
        color_scheme=ft.ColorScheme(
            primary=ACCENT,
            on_primary=WHITE,
            on_surface=INK,
            on_surface_variant=MUTED,
            outline=MUTED,
            error=ERROR,
            on_error=WHITE,
        ),
        # A visible focus (WCAG 2.4.7): a dark ring round any button the keyboard is on.
        button_theme=ft.ButtonTheme(style=FOCUS_RING),
        filled_button_theme=ft.FilledButtonTheme(style=FOCUS_RING),
        outlined_button_theme=ft.OutlinedButtonTheme(style=FOCUS_RING),
        text_button_theme=ft.TextButtonTheme(style=FOCUS_RING),
        icon_button_theme=ft.IconButtonTheme(style=FOCUS_RING),
    )
    page.bgcolor = SURFACE


def button_style(size: int = 20, **options) -> ft.ButtonStyle:
    """A button style with our font at `size` (button texts otherwise skip the theme's font)."""
    return ft.ButtonStyle(text_style=ft.TextStyle(size=size, font_family=FONT), **options)
