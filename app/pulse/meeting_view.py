"""Meeting mode: a full-screen walk through the dialogue material, large enough for a projector."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.actions import act
from app.i18n import number, pick, t
from app.pulse.charts import DistributionChart
from app.pulse.figures import summary
from app.pulse.meeting import STEPS, reflection
from app.pulse.sentences_view import SentenceList, olfa_rows, sentence_texts
from app.pulse.state import PulseState

TITLE = 40
BODY = 30


def _big(text: str, size: int = BODY, color: str = palette.INK, **kw) -> ft.Text:
    return ft.Text(text, size=size, color=color, **kw)


def _reflect(state: PulseState) -> list[ft.Control]:
    r = reflection(state.content, state.lang)
    return [
        _big(r.question, weight=ft.FontWeight.W_500),
        *[_big("•  " + f, BODY - 2, palette.ACCENT) for f in r.follow_ups],
    ]


def _result(state: PulseState) -> list[ft.Control]:
    pulse, lang = state.pulse or {}, state.lang
    week = summary(pulse)
    if week is None or week.suppressed:
        return [
            _big(
                t("pulse.meeting.too_few", lang, threshold=pulse.get("threshold", 5)),
                color=palette.MUTED,
            )
        ]
    line = t(
        "pulse.meeting.result_line",
        lang,
        mean=number(week.mean or 0, lang),
        responses=week.responses,
    )
    return [
        _big(line, TITLE + 8, weight=ft.FontWeight.W_600),
        ft.Container(DistributionChart(list(week.distribution or []), lang, 300), width=820),
    ]


def _sentences(state: PulseState) -> list[ft.Control]:
    pulse, lang = state.pulse or {}, state.lang
    intro = pick((state.content or {}).get("shared_intro"), lang)
    return [
        _big(intro, BODY - 6, palette.MUTED),
        SentenceList(pulse.get("prompt"), sentence_texts(pulse), lang, size=BODY - 6),
    ]


def _next_step(state: PulseState) -> list[ft.Control]:
    return [
        _big(
            pick((state.content or {}).get("next_step"), state.lang),
            TITLE,
            weight=ft.FontWeight.W_500,
        )
    ]


def _olfa(state: PulseState) -> list[ft.Control]:
    intro = pick(((state.content or {}).get("olfa") or {}).get("intro"), state.lang)
    return [_big(intro, BODY - 6, palette.MUTED), *olfa_rows(state.content, state.lang, BODY - 4)]


_BODIES = {
    "reflect": _reflect,
    "result": _result,
    "sentences": _sentences,
    "next_step": _next_step,
    "olfa": _olfa,
}


@ft.component
def MeetingView(state: PulseState) -> ft.Control:
    """One step at a time with previous/next (also the arrow keys) and a way out."""
    lang, step = state.lang, state.step
    name = STEPS[step]

    def on_key(e: ft.KeyboardEvent) -> None:
        if e.key in ("Arrow Right", "Page Down", " "):
            state.go(1, len(STEPS))
        elif e.key in ("Arrow Left", "Page Up"):
            state.go(-1, len(STEPS))
        elif e.key == "Escape":
            state.end_meeting()

    def listen() -> None:
        ft.context.page.on_keyboard_event = on_key

    def stop_listening() -> None:
        ft.context.page.on_keyboard_event = None

    ft.use_effect(listen, [], cleanup=stop_listening)

    nav = ft.Row(
        [
            ft.OutlinedButton(
                t("pulse.meeting.previous", lang),
                icon=ft.Icons.ARROW_BACK,
                disabled=step == 0,
                on_click=act(lambda _e: state.go(-1, len(STEPS))),
                style=ft.ButtonStyle(text_style=ft.TextStyle(size=20), padding=20),
            ),
            ft.Text(
                t("pulse.meeting.progress", lang, step=step + 1, total=len(STEPS)),
                size=20,
                color=palette.MUTED,
            ),
            ft.FilledButton(
                t("pulse.meeting.next", lang),
                icon=ft.Icons.ARROW_FORWARD,
                disabled=step == len(STEPS) - 1,
                on_click=act(lambda _e: state.go(1, len(STEPS))),
                style=ft.ButtonStyle(
                    bgcolor=palette.ACCENT, padding=20, text_style=ft.TextStyle(size=20)
                ),
            ),
        ],
        alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
    )
    top = ft.Row(
        [
            ft.Text(
                t(f"pulse.meeting.kicker.{name}", lang).upper(),
                size=16,
                color=palette.SAND,
                weight=ft.FontWeight.W_600,
            ),
            ft.TextButton(
                t("pulse.meeting.close", lang),
                icon=ft.Icons.CLOSE,
                on_click=act(lambda _e: state.end_meeting()),
            ),
        ],
        alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
    )
    body = ft.Column(
        [
            ft.Text(
                t(f"pulse.meeting.title.{name}", lang),
                size=TITLE + 6,
                weight=ft.FontWeight.W_700,
                color=palette.ACCENT,
            ),
            *_BODIES[name](state),
        ],
        spacing=28,
        scroll=ft.ScrollMode.AUTO,
        expand=True,
    )
    return ft.Semantics(
        identifier="meeting-mode",
        container=True,
        expand=True,
        content=ft.Container(
            expand=True,
            padding=ft.Padding.symmetric(horizontal=56, vertical=32),
            content=ft.Column([top, body, nav], spacing=24, expand=True),
        ),
    )
