"""One workplace: rename, pair a tablet, make a viewer link, and its tablets and links."""

from __future__ import annotations

import flet as ft

from app.admin.access_view import link_rows, pairing_rows
from app.admin.console import local_time
from app.admin.controls import badge, body, destructive, heading, muted, primary, quiet
from app.admin.device_health import device_warnings, warning_text
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.confirm import Question, use_confirm
from app.components.form import use_form
from app.components.panel import Panel
from app.i18n import t


@ft.component
def RenameForm(state: AdminState, workplace: dict, on_done) -> ft.Control:
    """Name and area fields, saved together."""
    lang = state.lang
    form = use_form(
        name=workplace["name"],
        area=workplace.get("area") or "",
        leaders=", ".join(workplace.get("leaders") or []),
    )

    async def save(_e=None) -> None:
        if await state.workplaces.rename(
            workplace["id"], form["name"], form["area"], form["leaders"]
        ):
            on_done()

    return ft.Column(
        [
            form.field("name", label=t("admin.workplaces.name", lang), on_submit=save),
            form.field("area", label=t("admin.workplaces.area", lang), on_submit=save),
            form.field(
                "leaders",
                label=t("admin.workplaces.leaders", lang),
                hint_text=t("admin.workplaces.leaders_hint", lang),
                on_submit=save,
            ),
            ft.Row(
                [
                    primary(t("admin.save", lang), save),
                    quiet(t("admin.cancel", lang), act(lambda _e: on_done())),
                ]
            ),
        ],
        spacing=12,
        tight=True,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )


def _devices(state: AdminState, ask) -> list[ft.Control]:
    lang, places = state.lang, state.workplaces
    controls: list[ft.Control] = [heading(t("admin.devices.title", lang))]
    if not places.devices:
        controls.append(muted(t("admin.devices.none", lang), 14))
    for device in places.devices:
        badges = []
        warnings = [warning_text(w, lang) for w in device_warnings(device)]
        if device["revoked"]:
            badges.append(badge(t("admin.devices.revoked_badge", lang), "muted"))
        elif device["silent"]:
            badges.append(badge(t("admin.devices.silent", lang), "notice"))
        elif not warnings:
            badges.append(badge(t("admin.devices.ok", lang), "calm"))
        if warnings:
            badges.append(badge(t("admin.devices.attention", lang), "notice"))
        details = t(
            "admin.devices.details",
            lang,
            seen=local_time(device["last_seen"], lang),
            version=device.get("app_version") or "–",
            waiting=device.get("queue_depth") or 0,
        )
        row: list[ft.Control] = [
            ft.Column(
                [
                    ft.Row([body(device["name"], weight=ft.FontWeight.W_600), *badges], wrap=True),
                    muted(details),
                    *(body(text, color=palette.NOTICE) for text in warnings),
                ],
                spacing=2,
                tight=True,
                expand=True,
            )
        ]
        if not device["revoked"]:
            question = Question(
                t("admin.devices.revoke_title", lang, name=device["name"]),
                t("admin.devices.revoke_body", lang),
                t("admin.devices.revoke", lang),
                t("admin.cancel", lang),
                lambda d=device: places.revoke_device(d["device_id"], d["name"]),
            )
            row.append(
                destructive(t("admin.devices.revoke", lang), act(lambda _e, q=question: ask(q)))
            )
        controls.append(
            ft.Container(
                ft.Row(row),
                padding=ft.Padding.symmetric(vertical=6),
                border=ft.Border.only(top=ft.BorderSide(1, palette.LINE)),
            )
        )
    return controls


@ft.component
def WorkplaceDetailView(state: AdminState) -> ft.Control:
    """The selected workplace, or a hint to select one."""
    ask = use_confirm()
    editing, set_editing = ft.use_state(False)
    lang, workplace = state.lang, state.workplaces.selected()
    if workplace is None:
        return Panel(
            muted(t("admin.workplaces.pick", lang), 15), title=t("admin.workplaces.details", lang)
        )
    if editing:
        top: ft.Control = RenameForm(state, workplace, lambda: set_editing(False))
    else:
        top = ft.Row(
            [
                muted(workplace.get("area") or t("admin.workplaces.no_area", lang), 15),
                ft.Row(
                    [
                        quiet(
                            t("admin.workplaces.rename", lang),
                            lambda _e: set_editing(True),
                            ft.Icons.EDIT_OUTLINED,
                        ),
                        quiet(
                            t("admin.workplaces.open_pulse", lang),
                            act(
                                lambda _e: ft.context.page.launch_url(
                                    f"{state.origin}/pulse?workplace={workplace['id']}"
                                )
                            ),
                            ft.Icons.OPEN_IN_NEW,
                        ),
                    ],
                    tight=True,
                    wrap=True,
                ),
            ],
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            wrap=True,
        )
    leaders = ", ".join(workplace.get("leaders") or []) or t("admin.workplaces.no_leaders", lang)
    sections = [
        top,
        ft.Semantics(
            identifier="workplace-leaders",
            content=muted(f"{t('admin.workplaces.leaders', lang)}: {leaders}", 14),
        ),
        ft.Divider(color=palette.LINE),
        *pairing_rows(state),
        ft.Divider(color=palette.LINE),
        *link_rows(state, ask),
        ft.Divider(color=palette.LINE),
        *_devices(state, ask),
    ]
    return Panel(
        ft.Column(sections, spacing=10, tight=True),
        title=workplace["name"],
        identifier="admin-workplace-detail",
    )
