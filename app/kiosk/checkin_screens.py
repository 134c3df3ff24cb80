"""After a tap: the thank-you with this week's sentence prompt, then a short goodbye."""

from __future__ import annotations

import flet as ft

from app import theme
from app.components.text_input import use_text_input
from app.i18n import pick, t
from app.kiosk.checkin import MAX_TEXT, Checkin
from app.kiosk.state import KioskState


def _thanks_title(text: str, identifier: str) -> ft.Control:
    return ft.Semantics(
        identifier=identifier,
        live_region=True,
        header=True,
        content=ft.Row(
            [
                ft.Icon(ft.Icons.FAVORITE_OUTLINE, size=40, color=theme.ACCENT),
                ft.Text(text, size=40, font_family=theme.FONT_BOLD, color=theme.INK),
            ],
            alignment=ft.MainAxisAlignment.CENTER,
            wrap=True,
        ),
    )


@ft.component
def PromptCard(state: KioskState, checkin: Checkin) -> ft.Control:
    """The sentence to complete, a text field, Send and Skip. Its draft dies with it."""
    lang = state.lang
    draft = use_text_input("", on_typing=checkin.typing)

    async def send() -> None:
        await checkin.submit(draft.latest())

    return ft.Container(
        width=760,
        padding=28,
        border_radius=20,
        bgcolor=theme.WHITE,
        content=ft.Column(
            [
                ft.Text(t("kiosk.prompt_intro", lang), size=18, color=theme.MUTED),
                ft.Semantics(
                    identifier="prompt",
                    content=ft.Text(pick(state.prompt, lang), size=28, color=theme.INK),
                ),
                ft.TextField(
                    label=t("kiosk.prompt_field", lang),
                    ref=draft.ref,
                    value=draft.value,
                    on_change=draft.on_change,
                    multiline=True,
                    min_lines=2,
                    max_lines=4,
                    max_length=MAX_TEXT,
                    text_size=22,
                    border_radius=12,
                ),
                ft.Row(
                    [
                        ft.OutlinedButton(
                            content=t("kiosk.skip", lang),
                            on_click=checkin.skip,
                            height=64,
                            style=theme.button_style(20),
                        ),
                        ft.FilledButton(
                            content=t("kiosk.send", lang),
                            icon=ft.Icons.SEND,
                            on_click=send,
                            height=64,
                            disabled=not draft.value.strip(),
                            style=theme.button_style(20),
                        ),
                    ],
                    alignment=ft.MainAxisAlignment.END,
                    spacing=16,
                ),
            ],
            spacing=16,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
    )


@ft.component
def MoreTime(state: KioskState, checkin: Checkin) -> ft.Control:
    """Near the idle reset: say so, and offer more time with one touch (WCAG 2.2.1)."""
    lang = state.lang
    return ft.Container(
        padding=ft.Padding.symmetric(horizontal=20, vertical=12),
        border_radius=14,
        bgcolor=theme.BADGE,
        content=ft.Row(
            [
                ft.Semantics(
                    identifier="reset-warning",
                    live_region=True,
                    content=ft.Text(t("kiosk.reset_warning", lang), size=18, color=theme.INK),
                ),
                ft.Text(f"{state.reset_left} s", size=18, color=theme.MUTED),
                ft.FilledButton(
                    content=t("kiosk.more_time", lang),
                    on_click=checkin.typing,
                    height=56,
                    style=theme.button_style(20),
                ),
            ],
            wrap=True,
            spacing=16,
            alignment=ft.MainAxisAlignment.CENTER,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        ),
    )


@ft.component
def ThanksScreen(state: KioskState, checkin: Checkin) -> ft.Control:
    """Shown the instant a score is tapped; offers the prompt when there is one this week."""
    lang = state.lang
    content: list[ft.Control] = [_thanks_title(t("kiosk.thanks", lang), "thanks")]
    if state.prompt:
        content.append(PromptCard(state, checkin, key=f"prompt-{state.checkins}"))
        if state.reset_left:
            content.append(MoreTime(state, checkin))
    content.append(ft.Text(t("kiosk.anonymous", lang), size=16, color=theme.MUTED))
    return ft.Container(
        expand=True,
        padding=24,
        alignment=ft.Alignment.CENTER,
        content=ft.Column(
            content,
            tight=True,
            spacing=28,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            scroll=ft.ScrollMode.AUTO,
        ),
    )


@ft.component
def DoneScreen(state: KioskState, checkin: Checkin) -> ft.Control:
    """A short goodbye before the idle screen returns; a touch returns at once."""
    return ft.Container(
        expand=True,
        alignment=ft.Alignment.CENTER,
        on_click=checkin.done,
        content=_thanks_title(t("kiosk.done", state.lang), "done"),
    )
