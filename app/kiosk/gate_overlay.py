"""The administrator's gate: ask for the admin key, check it, then offer to unpair."""

from __future__ import annotations

import flet as ft

from app import theme
from app.components.text_input import use_text_input
from app.i18n import t
from app.kiosk.admin_gate import AdminGate
from app.kiosk.state import GATE_CHECKING, GATE_CONFIRM, KioskState


@ft.component
def GateOverlay(state: KioskState, gate: AdminGate) -> ft.Control:
    """A card over a scrim; the key lives only in this component's state."""
    lang = "da"
    token = use_text_input("")
    notice = state.gate_notice

    async def verify() -> None:
        await gate.verify(token.latest())

    if state.gate == GATE_CONFIRM:
        pending = state.queue_depth > 0
        actions = [
            ft.TextButton(content=t("gate.cancel", lang), on_click=gate.close),
            ft.FilledButton(
                content=t("gate.unpair_anyway" if pending else "gate.unpair", lang),
                on_click=gate.unpair,
                style=ft.ButtonStyle(bgcolor=theme.ERROR if pending else None),
            ),
        ]
        body: list[ft.Control] = []
    else:
        actions = [
            ft.TextButton(content=t("gate.cancel", lang), on_click=gate.close),
            ft.FilledButton(
                content=t("gate.checking" if state.gate == GATE_CHECKING else "gate.verify", lang),
                on_click=verify,
                disabled=state.gate == GATE_CHECKING,
            ),
        ]
        body = [
            ft.TextField(
                label=t("gate.token", lang),
                ref=token.ref,
                value=token.value,
                password=True,
                autofocus=True,
                on_change=token.on_change,
                on_submit=verify,
            )
        ]
    message = ft.Text(
        t(notice.key, lang, **notice.values) if notice else "", size=16, color=theme.CALM_WARNING
    )
    card = ft.Container(
        width=480,
        padding=24,
        border_radius=16,
        bgcolor=theme.WHITE,
        content=ft.Column(
            [
                ft.Text(t("gate.title", lang), size=24, font_family=theme.FONT_BOLD),
                *body,
                ft.Semantics(identifier="gate-notice", live_region=True, content=message),
                ft.Row(actions, alignment=ft.MainAxisAlignment.END),
            ],
            spacing=16,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
    )
    return ft.Container(
        expand=True, bgcolor=theme.SCRIM, alignment=ft.Alignment.CENTER, content=card
    )
