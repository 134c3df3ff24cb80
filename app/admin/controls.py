"""Small controls the admin sections share: buttons, badges, headings, in the screens' palette."""

from __future__ import annotations

import flet as ft

from app.components import palette


def primary(text: str, on_click, icon=None, disabled: bool = False) -> ft.Control:
    """The main action of a panel."""
    return ft.FilledButton(
        text,
        icon=icon,
        on_click=on_click,
        disabled=disabled,
        style=ft.ButtonStyle(bgcolor=palette.ACCENT),
    )


def secondary(text: str, on_click, icon=None, disabled: bool = False) -> ft.Control:
    """A further action."""
    return ft.OutlinedButton(text, icon=icon, on_click=on_click, disabled=disabled)


def quiet(text: str, on_click, icon=None, tooltip: str | None = None) -> ft.Control:
    """A small text action inside a row."""
    return ft.TextButton(text, icon=icon, on_click=on_click, tooltip=tooltip)


def destructive(text: str, on_click, icon=None) -> ft.Control:
    """An action that removes or stops something (always asks first)."""
    return ft.TextButton(
        text, icon=icon, on_click=on_click, style=ft.ButtonStyle(color=palette.NOTICE)
    )


def badge(text: str, tone: str = "calm") -> ft.Control:
    """A small rounded label: calm (sea-green), notice (sand-brown) or muted."""
    colours = {
        "calm": (palette.ACCENT_SOFT, palette.ACCENT),
        "notice": (palette.NOTICE_SOFT, palette.NOTICE),
        "muted": (palette.SURFACE, palette.MUTED),
    }
    bg, fg = colours.get(tone, colours["muted"])
    return ft.Container(
        ft.Text(text, size=12, color=fg, weight=ft.FontWeight.W_600),
        bgcolor=bg,
        border_radius=20,
        padding=ft.Padding.symmetric(horizontal=10, vertical=4),
    )


def heading(text: str) -> ft.Control:
    """A small heading over a group (an area, a list)."""
    return ft.Text(text, size=13, color=palette.SAND, weight=ft.FontWeight.W_600)


def body(text: str, size: int = 15, color: str = palette.INK, **kw) -> ft.Text:
    """Plain text."""
    return ft.Text(text, size=size, color=color, **kw)


def muted(text: str, size: int = 13) -> ft.Text:
    """Secondary text."""
    return ft.Text(text, size=size, color=palette.MUTED)


def row_box(content: ft.Control, selected: bool = False, on_click=None) -> ft.Control:
    """One line of a list, with a soft highlight when selected; a button when it can be chosen,
    so the keyboard reaches it and Enter chooses it (WCAG 2.1.1)."""
    if on_click is None:
        return ft.Container(
            content,
            padding=ft.Padding.symmetric(horizontal=12, vertical=8),
            border_radius=10,
            bgcolor=palette.ACCENT_SOFT if selected else None,
        )
    return ft.TextButton(
        content=content,
        on_click=on_click,
        style=ft.ButtonStyle(
            padding=ft.Padding.symmetric(horizontal=12, vertical=8),
            shape=ft.RoundedRectangleBorder(radius=10),
            bgcolor=palette.ACCENT_SOFT if selected else None,
            alignment=ft.Alignment.CENTER_LEFT,
        ),
    )
