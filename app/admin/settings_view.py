"""Settings: the anonymity threshold, each kiosk's last-week result, and the audit list."""

from __future__ import annotations

import flet as ft

from app.admin.console import local_time
from app.admin.controls import body, muted, primary
from app.admin.settings_state import MIN_THRESHOLD
from app.admin.signin_settings_view import SigninSettingsPanel
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.form import use_form
from app.components.panel import Panel
from app.i18n import t


@ft.component
def ThresholdPanel(state: AdminState) -> ft.Control:
    """The anonymity threshold (at least 3)."""
    lang, settings = state.lang, state.settings
    current = str((settings.values or {}).get("anonymity_threshold", ""))
    form = use_form(threshold="")

    async def save(_e=None) -> None:
        if await settings.set_threshold(form["threshold"] or current):
            form.reset()

    return Panel(
        ft.Column(
            [
                muted(t("admin.settings.threshold_note", lang, minimum=MIN_THRESHOLD), 14),
                body(t("admin.settings.threshold_now", lang, threshold=current), 15)
                if current
                else ft.Container(),
                ft.Row(
                    [
                        form.field(
                            "threshold",
                            label=t("admin.settings.threshold", lang),
                            hint_text=current,
                            width=200,
                            keyboard_type=ft.KeyboardType.NUMBER,
                            on_submit=save,
                        ),
                        primary(t("admin.save", lang), save),
                    ]
                ),
            ],
            spacing=12,
            tight=True,
        ),
        title=t("admin.settings.threshold_title", lang),
    )


@ft.component
def KioskResultPanel(state: AdminState) -> ft.Control:
    """Per workplace: does its kiosk show last week's result?"""
    lang = state.lang
    rows: list[ft.Control] = [muted(t("admin.settings.last_week_note", lang), 14)]
    for workplace in sorted(state.workplaces.items, key=lambda w: w["name"]):
        rows.append(
            ft.Switch(
                label=workplace["name"],
                value=bool(workplace.get("kiosk_shows_last_week")),
                active_color=palette.ACCENT,
                on_change=act(
                    lambda e, wid=workplace["id"]: state.settings.set_kiosk_shows_last_week(
                        wid, e.control.value
                    )
                ),
            )
        )
    return Panel(
        ft.Column(rows, spacing=8, tight=True), title=t("admin.settings.last_week_title", lang)
    )


def _action(action: str, lang: str) -> str:
    """A readable name for an audit action; the action itself when it has none yet."""
    key = f"admin.audit.{action}"
    text = t(key, lang)
    return action if text == key else text


def _detail(detail: str, state: AdminState) -> str:
    """The audit detail with workplace ids shown as their names."""
    ids = state.workplaces.ids()
    return " ".join(state.workplaces.name_of(w) if w in ids else w for w in detail.split(" "))


@ft.component
def AuditPanel(state: AdminState) -> ft.Control:
    """The latest admin changes, newest first."""
    lang = state.lang
    rows: list[ft.Control] = []
    for entry in state.settings.audit:
        rows.append(
            ft.Container(
                padding=ft.Padding.symmetric(vertical=6),
                border=ft.Border.only(top=ft.BorderSide(1, palette.LINE)),
                content=ft.Row(
                    [
                        ft.Text(
                            local_time(entry["at"], lang), size=13, color=palette.MUTED, width=130
                        ),
                        body(_action(entry["action"], lang), 14, width=220),
                        ft.Text(
                            _detail(entry["detail"], state),
                            size=13,
                            color=palette.MUTED,
                            expand=True,
                        ),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
            )
        )
    if not rows:
        rows.append(muted(t("admin.settings.audit_empty", lang), 14))
    return Panel(
        ft.Column(rows, spacing=0, tight=True),
        title=t("admin.settings.audit", lang),
        identifier="admin-audit",
    )


@ft.component
def SettingsView(state: AdminState) -> ft.Control:
    """Threshold and kiosk switches beside the audit list."""
    left = ft.Column(
        [ThresholdPanel(state), KioskResultPanel(state), SigninSettingsPanel(state)],
        spacing=palette.GAP,
        col={"xs": 12, "md": 5},
    )
    return ft.ResponsiveRow(
        [left, ft.Container(AuditPanel(state), col={"xs": 12, "md": 7})],
        spacing=palette.GAP,
        run_spacing=palette.GAP,
        vertical_alignment=ft.CrossAxisAlignment.START,
    )
