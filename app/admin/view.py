"""Placeholder for the administration screens; replaced by its own engineer."""

from __future__ import annotations

import flet as ft

from app.components.message_view import MessageView
from app.i18n import t


@ft.component
def AdminView() -> ft.View:
    """The admin screen (placeholder)."""
    return MessageView(t("admin.placeholder"), route="/admin")
