"""Snack-bar messages: every action says what happened, every error what to do next."""

from __future__ import annotations

import flet as ft

from app.components import palette


def show_notice(text: str, error: bool = False) -> None:
    """Show a short message at the bottom of the current page."""
    page = ft.context.page
    page.show_dialog(
        ft.SnackBar(
            ft.Text(text, color=palette.WHITE, size=15),
            bgcolor=palette.NOTICE if error else palette.INK,
            duration=ft.Duration(seconds=6 if error else 4),
            show_close_icon=error,
            behavior=ft.SnackBarBehavior.FLOATING,
        )
    )
