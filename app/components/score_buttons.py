"""The ten score buttons: same neutral colour for all, large touch targets, two rows when narrow."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app import theme

BUTTON_SIZE = 92  # ≥ 64 px touch targets, with room to spare for a quick tap


@ft.component
def ScoreButton(
    score: int, label: str, enabled: bool, on_press: Callable[[int], object]
) -> ft.Control:
    """One score, 1-10; disabled while the kiosk cools down."""
    style = ft.ButtonStyle(
        shape=ft.RoundedRectangleBorder(radius=18),
        bgcolor={
            ft.ControlState.DEFAULT: theme.SCORE_FILL,
            ft.ControlState.DISABLED: theme.DISABLED_FILL,
        },
        color={
            ft.ControlState.DEFAULT: theme.SCORE_INK,
            ft.ControlState.DISABLED: theme.DISABLED_INK,
        },
        text_style=ft.TextStyle(size=34, font_family=theme.FONT_BOLD),
        padding=0,
        elevation=0,
    )

    async def pressed() -> None:
        await on_press(score)

    return ft.Semantics(
        identifier=f"score-{score}",
        content=ft.Button(
            # The button's own name: "7 af 10", not just "7" (WCAG 1.3.1, 4.1.2).
            content=ft.Text(str(score), semantics_label=label),
            width=BUTTON_SIZE,
            height=BUTTON_SIZE,
            style=style,
            disabled=not enabled,
            on_click=pressed,
        ),
    )


@ft.component
def ScoreButtons(
    enabled: bool, label_of: Callable[[int], str], on_press: Callable[[int], object]
) -> ft.Control:
    """1-10 in one line on a landscape tablet, 1-5 over 6-10 when the screen is narrow."""

    def half(scores: range) -> ft.Row:
        return ft.Row(
            [ScoreButton(s, label_of(s), enabled, on_press) for s in scores],
            spacing=12,
            tight=True,
        )

    return ft.Row(
        [half(range(1, 6)), half(range(6, 11))],
        wrap=True,
        spacing=12,
        run_spacing=12,
        alignment=ft.MainAxisAlignment.CENTER,
    )
