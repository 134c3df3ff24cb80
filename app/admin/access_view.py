"""How a workplace is reached: a pairing code for its tablets, viewer links to its pulse."""

from __future__ import annotations

import flet as ft

from app.admin.console import local_time
from app.admin.controls import body, destructive, heading, muted, primary, secondary
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.confirm import Question
from app.components.notice import show_notice
from app.i18n import t


def pairing_rows(state: AdminState) -> list[ft.Control]:
    """The pairing code (large, with its expiry) and the button that makes one."""
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


def link_rows(state: AdminState, ask) -> list[ft.Control]:
    """A new viewer link (shown once, copyable) and the live links, each revocable."""
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
