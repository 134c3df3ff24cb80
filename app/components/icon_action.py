"""An icon button with a name: Flet's tooltip alone leaves it unnamed for a screen reader."""

from __future__ import annotations

import flet as ft


def icon_action(icon: ft.IconData, label: str, on_click, disabled: bool = False) -> ft.IconButton:
    """An IconButton whose accessible name (and tooltip) is `label` (WCAG 4.1.2)."""
    return ft.IconButton(
        ft.Icon(icon, semantics_label=label),
        tooltip=label,
        on_click=on_click,
        disabled=disabled,
    )
