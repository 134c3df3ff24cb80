"""Placeholder for the workplace pulse (a viewer's screen); replaced by its own engineer."""

from __future__ import annotations

import flet as ft

from app.components.message_view import MessageView
from app.i18n import t


@ft.component
def PulseView() -> ft.View:
    """The pulse screen (placeholder)."""
    return MessageView(t("pulse.placeholder"), route="/pulse")
