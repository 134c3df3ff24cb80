"""The setup screen of an unpaired tablet: API address, pairing code, a name for the tablet."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from app import theme
from app.components.text_input import use_text_input
from app.i18n import t
from app.kiosk.state import KioskState
from app.statement_view import statement_link


@ft.component
def SetupScreen(
    state: KioskState, pair: Callable[[str, str, str], Awaitable[None]], default_api_url: str
) -> ft.Control:
    """Pair the tablet; errors show in Danish under the form."""
    lang = "da"  # set up by staff in Denmark; the check-in itself offers English
    api_url = use_text_input(default_api_url)
    code = use_text_input(state.link_code)
    name = use_text_input(t("setup.device_name_default", lang))

    async def submit() -> None:
        await pair(api_url.latest(), code.latest(), name.latest())

    notice = state.setup_notice
    field_style = {
        "text_size": 20,
        "border_radius": 12,
        "bgcolor": theme.WHITE,
        "filled": True,
        "width": 560,
    }
    return ft.Container(
        expand=True,
        alignment=ft.Alignment.CENTER,
        padding=24,
        content=ft.Container(
            width=560,
            content=ft.Column(
                [
                    ft.Text(t("setup.title", lang), size=32, font_family=theme.FONT_BOLD),
                    ft.Text(t("setup.intro", lang), size=18, color=theme.MUTED),
                    ft.TextField(
                        label=t("setup.api_url", lang),
                        ref=api_url.ref,
                        value=api_url.value,
                        on_change=api_url.on_change,
                        keyboard_type=ft.KeyboardType.URL,
                        **field_style,
                    ),
                    ft.TextField(
                        label=t("setup.code", lang),
                        ref=code.ref,
                        value=code.value,
                        on_change=code.on_change,
                        on_submit=submit,
                        autofocus=True,
                        capitalization=ft.TextCapitalization.CHARACTERS,
                        **field_style,
                    ),
                    ft.TextField(
                        label=t("setup.device_name", lang),
                        ref=name.ref,
                        value=name.value,
                        on_change=name.on_change,
                        max_length=60,
                        **field_style,
                    ),
                    ft.Semantics(
                        identifier="setup-notice",
                        live_region=True,
                        content=ft.Text(
                            t(notice.key, lang, **notice.values) if notice else "",
                            size=18,
                            color=theme.ERROR,
                        ),
                    ),
                    ft.FilledButton(
                        content=t("setup.pairing" if state.pairing else "setup.submit", lang),
                        on_click=submit,
                        disabled=state.pairing,
                        height=64,
                        width=560,
                        style=theme.button_style(22),
                    ),
                    OtherSurfaces(lang),
                ],
                spacing=18,
                tight=True,
            ),
        ),
    )


@ft.component
def OtherSurfaces(lang: str) -> ft.Control:
    """Links for the leader and the administrator who open the app's start page on a laptop."""
    return ft.Row(
        [
            ft.Text(t("setup.other_surfaces", lang), color=theme.MUTED),
            ft.TextButton(
                t("setup.open_pulse", lang), on_click=lambda _e: ft.context.page.navigate("/pulse")
            ),
            ft.TextButton(
                t("setup.open_admin", lang), on_click=lambda _e: ft.context.page.navigate("/admin")
            ),
            statement_link(lang, "start"),
        ],
        alignment=ft.MainAxisAlignment.CENTER,
        wrap=True,
    )
