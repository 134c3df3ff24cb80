"""The pulse page's header: workplace, week, and the actions (meeting, CSV, language)."""

from __future__ import annotations

import flet as ft

from app.client.errors import ApiError, Offline
from app.components import palette
from app.components.actions import act
from app.components.notice import show_notice
from app.i18n import t
from app.pulse.figures import week_number
from app.pulse.state import PulseState


def csv_file_name(pulse: dict) -> str:
    """tryghedspuls-<workplace>-<week>.csv, safe for any file system."""
    name = "".join(c if c.isalnum() else "-" for c in pulse["workplace"]["name"].lower())
    return f"tryghedspuls-{name.strip('-') or 'puls'}-{pulse['week']}.csv"


@ft.component
def PulseHeader(state: PulseState) -> ft.Control:
    """Title block on the left, actions on the right; they wrap under each other on a phone."""
    pulse, lang = state.pulse or {}, state.lang
    workplace = pulse.get("workplace") or {}
    week = pulse.get("week", "")

    async def download(_e) -> None:
        try:
            text = await state.csv()
        except (ApiError, Offline):
            show_notice(t("pulse.csv.failed", lang), error=True)
            return
        # The CSV endpoint needs the bearer token, so a plain link cannot fetch it: we hand the
        # browser the bytes (a BOM, so spreadsheet programs read æ, ø and å right).
        await ft.FilePicker().save_file(
            file_name=csv_file_name(pulse), src_bytes=text.encode("utf-8-sig")
        )
        show_notice(t("pulse.csv.done", lang))

    async def download_pdf(_e) -> None:
        try:
            data = await state.pdf()
        except (ApiError, Offline):
            show_notice(t("pulse.pdf.failed", lang), error=True)
            return
        await ft.FilePicker().save_file(
            file_name=csv_file_name(pulse).removesuffix(".csv") + ".pdf", src_bytes=data
        )
        show_notice(t("pulse.pdf.done", lang))

    subtitle = t("pulse.week", lang, number=week_number(week), year=week[:4])
    if workplace.get("area"):
        subtitle += " · " + workplace["area"]
    titles = ft.Column(
        [
            ft.Text(
                t("pulse.kicker", lang).upper(),
                size=13,
                color=palette.SAND,
                weight=ft.FontWeight.W_600,
            ),
            ft.Text(
                workplace.get("name", ""), size=30, weight=ft.FontWeight.W_700, color=palette.INK
            ),
            ft.Text(subtitle, size=16, color=palette.MUTED),
        ],
        spacing=2,
        tight=True,
        col={"xs": 12, "md": 6},
    )
    actions: list[ft.Control] = [
        ft.FilledButton(
            t("pulse.meeting.start", lang),
            icon=ft.Icons.CO_PRESENT_OUTLINED,
            on_click=act(lambda _e: state.start_meeting()),
            style=ft.ButtonStyle(bgcolor=palette.ACCENT),
        ),
        ft.OutlinedButton(
            t("pulse.pdf.button", lang), icon=ft.Icons.PRINT_OUTLINED, on_click=download_pdf
        ),
        ft.OutlinedButton(
            t("pulse.csv.button", lang), icon=ft.Icons.DOWNLOAD_OUTLINED, on_click=download
        ),
        ft.TextButton(
            t("pulse.refresh", lang), icon=ft.Icons.REFRESH, on_click=act(lambda _e: state.load())
        ),
        ft.TextButton(
            t("pulse.language_button", lang),
            on_click=act(lambda _e: state.toggle_language()),
        ),
    ]
    if state.signed_in:
        actions.append(
            ft.TextButton(
                t("signin.sign_out", lang),
                icon=ft.Icons.LOGOUT,
                on_click=act(lambda _e: state.sign_out()),
            )
        )
    if state.may_choose:
        actions.insert(
            0,
            ft.TextButton(
                t("pulse.choose.other", lang),
                icon=ft.Icons.ARROW_BACK,
                on_click=act(lambda _e: state.back_to_workplaces()),
            ),
        )
    return ft.ResponsiveRow(
        [
            titles,
            ft.Row(
                actions,
                wrap=True,
                spacing=8,
                run_spacing=8,
                alignment=ft.MainAxisAlignment.END,
                col={"xs": 12, "md": 6},
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
