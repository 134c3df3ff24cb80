"""The kiosk route (stub while the kiosk is being built)."""

from __future__ import annotations

import flet as ft

from app.components.message_view import MessageView
from app.i18n import t


@ft.component
def KioskView() -> ft.View:
    """The kiosk screen."""
    return MessageView(t("app.loading"), route="/kiosk", busy=True)
