"""One workplace: rename, pair a tablet, make a viewer link, and its tablets and links."""

from __future__ import annotations

import flet as ft

from app.admin.console import local_time
from app.admin.controls import badge, body, destructive, heading, muted, primary, quiet, secondary
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.confirm import Question, use_confirm
from app.components.form import use_form
from app.components.notice import show_notice
from app.components.panel import Panel
from app.i18n import t


@ft.component
def RenameForm(state: AdminState, workplace: dict, on_done) -> ft.Control:
    """Name and area fields, saved together."""
    lang = state.lang
    form = use_form(name=workplace["name"], area=workplace.get("area") or "")

    async def save(_e=None) -> None:
        if await state.workplaces.rename(workplace["id"], form["name"], form["area"]):
            on_done()

    return ft.Column(
        [
            form.field("name", label=t("admin.workplaces.name", lang), on_submit=save),
            form.field("area", label=t("admin.workplaces.area", lang), on_submit=save),
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


def _pairing(state: AdminState) -> list[ft.Control]:
    lang, code = state.lang, state.workplaces.pairing_code
    controls: list[ft.Control] = [
        heading(t("admin.pairing.title", lang)),
        muted(t("admin.pairing.intro", lang), 14),
    ]
    if code:
        controls.append(
            ft.Container(
                padding=ft.Padding.symmetric(horizontal=24, vertical=16),
                bgcolor=palette.ACCENT_SOFT,
                border_radius=palette.RADIUS,
                content=ft.Column(
                    [
                        ft.Semantics(
                            identifier="pairing-code",
                            content=ft.Text(
                                code["code"],
                                size=48,
                                weight=ft.FontWeight.W_700,
                                color=palette.ACCENT,
                                font_family="monospace",
                            ),
                        ),
                        body(
                            t(
                                "admin.pairing.expires",
                                lang,
                                time=local_time(code["expires_at"], lang, with_date=False),
                            ),
                            15,
                        ),
                    ],
                    spacing=4,
                    tight=True,
                ),
            )
        )
    controls.append(
        secondary(
            t("admin.pairing.make", lang),
            act(lambda _e: state.workplaces.make_pairing_code()),
            ft.Icons.TABLET_ANDROID,
        )
    )
    return controls


def _link(state: AdminState, ask) -> list[ft.Control]:
    lang, places = state.lang, state.workplaces
    controls: list[ft.Control] = [
        heading(t("admin.link.title", lang)),
        muted(t("admin.link.intro", lang), 14),
    ]
    if places.new_link:

        async def copy(_e) -> None:
            await ft.Clipboard().set(places.new_link or "")
            show_notice(t("admin.link.copied", lang))

        controls.append(
            ft.Container(
                padding=14,
                bgcolor=palette.SAND_SOFT,
                border_radius=10,
                content=ft.Column(
                    [
                        ft.Semantics(
                            identifier="viewer-link",
                            content=ft.Text(places.new_link, size=14, color=palette.INK),
                        ),
                        muted(t("admin.link.once", lang)),
                        primary(t("admin.link.copy", lang), copy, ft.Icons.COPY),
                    ],
                    spacing=8,
                    tight=True,
                ),
            )
        )
    controls.append(
        secondary(
            t("admin.link.make", lang),
            act(lambda _e: places.make_viewer_link(state.origin)),
            ft.Icons.LINK,
        )
    )
    for token in places.viewer_tokens:
        if token["revoked"]:
            continue
        question = Question(
            t("admin.link.revoke_title", lang),
            t("admin.link.revoke_body", lang),
            t("admin.link.revoke", lang),
            t("admin.cancel", lang),
            lambda tid=token["token_id"]: places.revoke_viewer_token(tid),
        )
        controls.append(
            ft.Row(
                [
                    muted(
                        t("admin.link.row", lang, id=token["token_id"], date=token["created_on"]),
                        14,
                    ),
                    destructive(t("admin.link.revoke", lang), act(lambda _e, q=question: ask(q))),
                ],
                alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            )
        )
    return controls


def _devices(state: AdminState, ask) -> list[ft.Control]:
    lang, places = state.lang, state.workplaces
    controls: list[ft.Control] = [heading(t("admin.devices.title", lang))]
    if not places.devices:
        controls.append(muted(t("admin.devices.none", lang), 14))
    for device in places.devices:
        badges = []
        if device["revoked"]:
            badges.append(badge(t("admin.devices.revoked_badge", lang), "muted"))
        elif device["silent"]:
            badges.append(badge(t("admin.devices.silent", lang), "notice"))
        else:
            badges.append(badge(t("admin.devices.ok", lang), "calm"))
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
    sections = [
        top,
        ft.Divider(color=palette.LINE),
        *_pairing(state),
        ft.Divider(color=palette.LINE),
        *_link(state, ask),
        ft.Divider(color=palette.LINE),
        *_devices(state, ask),
    ]
    return Panel(
        ft.Column(sections, spacing=10, tight=True),
        title=workplace["name"],
        identifier="admin-workplace-detail",
    )
