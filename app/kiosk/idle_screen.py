"""The idle screen: the question, ten buttons, the workplace, last week and a rotating behaviour."""

from __future__ import annotations

import flet as ft

from app import theme
from app.components.score_buttons import ScoreButtons
from app.i18n import number, pick, t
from app.kiosk.about_overlay import AboutButton
from app.kiosk.checkin import Checkin
from app.kiosk.state import KioskState


def _behaviour(state: KioskState) -> ft.Control:
    behaviours = state.config.behaviours
    if not behaviours:
        return ft.Container(height=0)
    text = pick(behaviours[state.behaviour_index % len(behaviours)], state.lang)
    intro = pick(state.behaviours_intro, state.lang)
    calm = state.reduce_motion
    return ft.AnimatedSwitcher(
        duration=0 if calm else 900,
        reverse_duration=0 if calm else 400,
        transition=ft.AnimatedSwitcherTransition.FADE,
        content=ft.Container(
            key=f"behaviour-{state.behaviour_index}-{state.lang}",
            width=900,
            content=ft.Column(
                [
                    ft.Text(intro, size=16, color=theme.MUTED, text_align=ft.TextAlign.CENTER),
                    ft.Text(
                        f"… {text}",
                        size=22,
                        italic=True,
                        color=theme.ACCENT,
                        text_align=ft.TextAlign.CENTER,
                    ),
                ],
                spacing=4,
                tight=True,
                horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            ),
        ),
    )


def _last_week(state: KioskState) -> ft.Control:
    last = state.config.last_week
    if last is None:
        return ft.Container(height=0)
    text = t(
        "kiosk.last_week",
        state.lang,
        mean=number(last.mean, state.lang),
        responses=last.responses,
    )
    return ft.Semantics(identifier="last-week", content=ft.Text(text, size=18, color=theme.MUTED))


@ft.component
def IdleScreen(state: KioskState, checkin: Checkin) -> ft.Control:
    """Waiting for the next person."""
    lang = state.lang
    cooling = state.cooldown_left > 0
    question = pick(state.config.question, lang) or t("kiosk.no_question", lang)
    hint = (
        t("kiosk.cooldown", lang, seconds=state.cooldown_left)
        if cooling
        else f"{t('kiosk.scale_low', lang)}   ·   {t('kiosk.scale_high', lang)}"
    )
    return ft.Container(
        expand=True,
        padding=ft.Padding.symmetric(horizontal=32, vertical=16),
        content=ft.Column(
            [
                ft.Semantics(
                    identifier="question",
                    header=True,
                    content=ft.Text(
                        question,
                        size=36,
                        font_family=theme.FONT_BOLD,
                        color=theme.INK,
                        text_align=ft.TextAlign.CENTER,
                    ),
                ),
                ScoreButtons(
                    enabled=not cooling,
                    label_of=lambda score: t("kiosk.score_label", lang, score=score),
                    on_press=checkin.tap,
                ),
                ft.Semantics(
                    identifier="cooldown" if cooling else "scale",
                    live_region=cooling,
                    content=ft.Text(hint, size=18, color=theme.MUTED),
                ),
                _last_week(state),
                _behaviour(state),
                AboutButton(state, checkin),
            ],
            expand=True,
            spacing=28,
            alignment=ft.MainAxisAlignment.CENTER,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            scroll=ft.ScrollMode.AUTO,
        ),
    )
