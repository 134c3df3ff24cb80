"""Meeting mode: a full-screen walk through the dialogue material, large enough for a projector."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.actions import act
from app.components.keys import use_keys
from app.components.window_width import use_window_width
from app.context import AppContext
from app.i18n import pick, t
from app.pulse.meeting import STEPS
from app.pulse.meeting_steps_view import STEP_BODIES, type_sizes
from app.pulse.state import PulseState


def _title(state: PulseState, name: str) -> str:
    """The step's heading; the first is the agreed text's own title, word for word."""
    if name == "definition":
        return pick((state.content or {}).get("title"), state.lang)
    return t(f"pulse.meeting.title.{name}", state.lang)


@ft.component
def MeetingView(state: PulseState) -> ft.Control:
    """One step at a time with previous/next (also the arrow keys) and a way out."""
    lang, step = state.lang, state.step
    width = use_window_width()
    ty = type_sizes(width)
    narrow = ty.title < 48
    name = STEPS[step]

    def on_key(e: ft.KeyboardEvent) -> None:
        if e.key in ("Arrow Right", "Page Down", " "):
            state.go(1, len(STEPS))
        elif e.key in ("Arrow Left", "Page Up"):
            state.go(-1, len(STEPS))
        elif e.key == "Escape":
            state.end_meeting()

    use_keys(ft.use_context(AppContext).keys, on_key)

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
        wrap=True,
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
        wrap=True,
    )
    body = ft.Column(
        [
            ft.Text(
                _title(state, name),
                size=ty.title + 6,
                weight=ft.FontWeight.W_700,
                color=palette.ACCENT,
            ),
            *STEP_BODIES[name](state, ty),
        ],
        spacing=28,
    )
    return ft.Container(
        expand=True,
        alignment=ft.Alignment.TOP_CENTER,
        padding=ft.Padding.symmetric(
            horizontal=16 if narrow else 56, vertical=16 if narrow else 32
        ),
        content=ft.Container(
            width=1500,
            # One scrolling column with the buttons inside: a keyboard can reach (and so scroll)
            # every part of it, at any zoom (WCAG 2.1.1, 1.4.10).
            # Stretched, so the way out sits in the top corner and "Næste" at the right edge.
            content=ft.Column(
                [top, body, nav],
                spacing=24,
                expand=True,
                scroll=ft.ScrollMode.AUTO,
                horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
            ),
        ),
    )
