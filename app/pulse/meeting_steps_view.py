"""What each step of meeting mode shows, in projector-sized type."""

from __future__ import annotations

from dataclasses import dataclass

import flet as ft

from app.components import palette
from app.components.definition import behaviour_list, definition_paragraphs
from app.i18n import number, pick, t
from app.pulse.charts import DistributionChart
from app.pulse.figures import change_text, summary
from app.pulse.meeting import reflection
from app.pulse.sentences_view import olfa_rows, sentence_texts
from app.pulse.state import PulseState


@dataclass(frozen=True)
class TypeSizes:
    """Projector-sized type, smaller in a narrow or zoomed window so the text still fits."""

    title: float
    body: float


PROJECTOR = TypeSizes(title=48, body=34)
NARROW = TypeSizes(title=28, body=20)


def type_sizes(window_width: float | None) -> TypeSizes:
    """The type for a window this wide (CSS px); a projector when unknown."""
    return NARROW if window_width and window_width < 900 else PROJECTOR


def _big(text: str, size: float, color: str = palette.INK, **kw) -> ft.Text:
    return ft.Text(text, size=size, color=color, **kw)


def _definition(state: PulseState, ty: TypeSizes) -> list[ft.Control]:
    # Two columns on a projector, so the whole text fits one screen at a size the back row reads.
    size = int(ty.body - 4)
    return [
        ft.ResponsiveRow(
            [
                ft.Column(
                    definition_paragraphs(state.content, state.lang, size),
                    spacing=20,
                    col={"xs": 12, "md": 6},
                ),
                ft.Column(
                    behaviour_list(state.content, state.lang, size),
                    spacing=10,
                    col={"xs": 12, "md": 6},
                ),
            ],
            spacing=40,
            run_spacing=24,
        )
    ]


def _reflect(state: PulseState, ty: TypeSizes) -> list[ft.Control]:
    r = reflection(state.content, state.lang)
    return [
        _big(r.question, ty.body, weight=ft.FontWeight.W_500),
        *[_big("•  " + f, ty.body - 2, palette.ACCENT) for f in r.follow_ups],
    ]


def _result(state: PulseState, ty: TypeSizes) -> list[ft.Control]:
    pulse, lang = state.pulse or {}, state.lang
    week = summary(pulse)
    if week is None or week.suppressed:
        return [
            _big(
                t("pulse.meeting.too_few", lang, threshold=pulse.get("threshold", 5)),
                ty.body,
                color=palette.MUTED,
            )
        ]
    line = t(
        "pulse.meeting.result_line",
        lang,
        mean=number(week.mean or 0, lang),
        responses=week.responses,
    )
    shown: list[ft.Control] = [_big(line, ty.title + 8, weight=ft.FontWeight.W_600)]
    if week.change is not None:
        shown.append(
            _big(
                t("pulse.meeting.change_line", lang, change=change_text(week.change, lang)),
                ty.body - 4,
                palette.MUTED,
            )
        )
    chart = DistributionChart(list(week.distribution or []), lang, 340, large=True)
    shown.append(ft.Container(chart, width=1100))
    return shown


def _card(content: ft.Control, col: dict) -> ft.Control:
    return ft.Container(
        content,
        col=col,
        padding=ft.Padding.symmetric(horizontal=28, vertical=22),
        bgcolor=palette.CARD,
        border=ft.Border.all(1, palette.LINE),
        border_radius=palette.RADIUS,
    )


def _sentences(state: PulseState, ty: TypeSizes) -> list[ft.Control]:
    pulse, lang = state.pulse or {}, state.lang
    intro = pick((state.content or {}).get("shared_intro"), lang)
    texts = sentence_texts(pulse)
    cards = [_card(_big(f"… {text}", ty.body - 4), {"xs": 12, "md": 6}) for text in texts]
    if not cards:
        cards = [_card(_big(t("pulse.sentences.none", lang), ty.body - 6, palette.MUTED), 12)]
    return [
        _big(intro, ty.body - 8, palette.MUTED),
        _big(
            pick(pulse.get("prompt"), lang),
            ty.body + 2,
            palette.ACCENT,
            italic=True,
            weight=ft.FontWeight.W_500,
        ),
        ft.ResponsiveRow(cards, spacing=20, run_spacing=20),
    ]


def _next_step(state: PulseState, ty: TypeSizes) -> list[ft.Control]:
    return [
        _big(
            pick((state.content or {}).get("next_step"), state.lang),
            ty.title,
            weight=ft.FontWeight.W_500,
        )
    ]


def _olfa(state: PulseState, ty: TypeSizes) -> list[ft.Control]:
    intro = pick(((state.content or {}).get("olfa") or {}).get("intro"), state.lang)
    cards = [
        _card(row, {"xs": 12, "md": 6}) for row in olfa_rows(state.content, state.lang, ty.body - 4)
    ]
    return [
        _big(intro, ty.body - 8, palette.MUTED),
        ft.ResponsiveRow(cards, spacing=20, run_spacing=20),
    ]


STEP_BODIES = {
    "definition": _definition,
    "reflect": _reflect,
    "result": _result,
    "sentences": _sentences,
    "next_step": _next_step,
    "olfa": _olfa,
}
