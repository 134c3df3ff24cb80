"""Meeting mode: a full-screen walk through the dialogue material, large enough for a projector."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.actions import act
from app.i18n import number, pick, t
from app.pulse.charts import DistributionChart
from app.pulse.figures import summary
from app.pulse.meeting import STEPS, reflection
from app.pulse.sentences_view import olfa_rows, sentence_texts
from app.pulse.state import PulseState

TITLE = 48
BODY = 34


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


def _card(content: ft.Control, col: dict) -> ft.Control:
    return ft.Container(
        content,
        col=col,
        padding=ft.Padding.symmetric(horizontal=28, vertical=22),
        bgcolor=palette.CARD,
        border=ft.Border.all(1, palette.LINE),
        border_radius=palette.RADIUS,
    )


def _sentences(state: PulseState) -> list[ft.Control]:
    pulse, lang = state.pulse or {}, state.lang
    intro = pick((state.content or {}).get("shared_intro"), lang)
    texts = sentence_texts(pulse)
    cards = [_card(_big(f"… {text}", BODY - 4), {"xs": 12, "md": 6}) for text in texts]
    if not cards:
        cards = [_card(_big(t("pulse.sentences.none", lang), BODY - 6, palette.MUTED), 12)]
    return [
        _big(intro, BODY - 8, palette.MUTED),
        _big(
            pick(pulse.get("prompt"), lang),
            BODY + 2,
            palette.ACCENT,
            italic=True,
            weight=ft.FontWeight.W_500,
        ),
        ft.ResponsiveRow(cards, spacing=20, run_spacing=20),
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
    cards = [
        _card(row, {"xs": 12, "md": 6}) for row in olfa_rows(state.content, state.lang, BODY - 4)
    ]
    return [
        _big(intro, BODY - 8, palette.MUTED),
        ft.ResponsiveRow(cards, spacing=20, run_spacing=20),
    ]


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
            ft.Column(
                [
                    ft.Row(
                        [
                            ft.Container(
                                width=28 if i == step else 10,
                                height=10,
                                border_radius=5,
                                bgcolor=palette.ACCENT if i <= step else palette.LINE,
                            )
                            for i in range(len(STEPS))
                        ],
                        spacing=8,
                        tight=True,
                    ),
                    ft.Text(
                        t("pulse.meeting.progress", lang, step=step + 1, total=len(STEPS)),
                        size=18,
                        color=palette.MUTED,
                    ),
                ],
                horizontal_alignment=ft.CrossAxisAlignment.CENTER,
                spacing=8,
                tight=True,
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
                style=ft.ButtonStyle(text_style=ft.TextStyle(size=18), padding=16),
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
    return ft.Container(
        expand=True,
        alignment=ft.Alignment.TOP_CENTER,
        padding=ft.Padding.symmetric(horizontal=56, vertical=32),
        content=ft.Container(
            width=1500, content=ft.Column([top, body, nav], spacing=24, expand=True)
        ),
    )
