"""Settings → sign-in: administrators by address or group, and "only signed-in leaders"."""

from __future__ import annotations

import flet as ft

from app.admin.console import failed
from app.admin.controls import muted, primary
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.form import use_form
from app.components.panel import Panel
from app.i18n import t


def _split(text: str) -> list[str]:
    return [
        part.strip()
        for part in text.replace(";", ",").replace("\n", ",").split(",")
        if part.strip()
    ]


@ft.component
def SigninSettingsForm(state: AdminState, values: dict, on_saved) -> ft.Control:
    """The fields, filled with what is saved."""
    lang, console = state.lang, state.console
    form = use_form(
        admin_emails=", ".join(values["admin_emails"]),
        admin_groups=", ".join(values["admin_groups"]),
    )

    async def save(changes: dict) -> None:
        saved = await console.attempt(
            console.api.update_signin_settings(**changes), "signin.links.saved"
        )
        if not failed(saved):
            on_saved(saved)

    async def save_lists(_e=None) -> None:
        await save(
            {
                "admin_emails": _split(form["admin_emails"]),
                "admin_groups": _split(form["admin_groups"]),
            }
        )

    configured = values.get("configured_admin_emails") or []
    return ft.Column(
        [
            ft.Switch(
                label=t("signin.links.viewer_links", lang),
                value=bool(values["viewer_links"]),
                active_color=palette.ACCENT,
                on_change=act(lambda e: save({"viewer_links": bool(e.control.value)})),
            ),
            *(
                [muted(t("signin.links.configured", lang) + ", ".join(configured), 13)]
                if configured
                else []
            ),
            form.field("admin_emails", label=t("signin.links.admin_emails", lang), multiline=True),
            form.field("admin_groups", label=t("signin.links.admin_groups", lang)),
            ft.Row([primary(t("signin.links.save", lang), save_lists)]),
        ],
        spacing=12,
        tight=True,
    )


@ft.component
def SigninSettingsPanel(state: AdminState) -> ft.Control:
    """Shown only where sign-in with a work account is on."""
    values, set_values = ft.use_state(None)

    async def load() -> None:
        loaded = await state.console.attempt(state.console.api.signin_settings())
        if not failed(loaded):
            set_values(loaded)

    ft.use_effect(load, [])
    if not values or not values.get("enabled"):
        return ft.Container()
    return Panel(
        SigninSettingsForm(state, values, set_values), title=t("signin.links.title", state.lang)
    )
