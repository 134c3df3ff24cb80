"""Norddjurs' definition of psychological safety and its seven behaviours, word for word.

One rendering for the kiosk's overlay, the pulse's "Om psykologisk tryghed" and meeting mode's
first step, so the agreed text reads the same wherever people meet it. The texts come from
content/ (GET /v1/content); nothing here words them anew.
"""

from __future__ import annotations

import flet as ft

from app import theme
from app.i18n import pick


def definition_paragraphs(content: dict | None, lang: str, size: int, color: str = theme.INK):
    """The definition's paragraphs as texts."""
    return [
        ft.Text(pick(paragraph, lang), size=size, color=color)
        for paragraph in (content or {}).get("definition") or []
    ]


def behaviour_list(content: dict | None, lang: str, size: int, color: str = theme.INK):
    """ "Psykologisk tryghed betyder, at vi:" and the seven behaviours as a bulleted list."""
    content = content or {}
    behaviours = content.get("behaviours") or []
    if not behaviours:
        return []
    rows: list[ft.Control] = [
        ft.Text(
            pick(content.get("behaviours_intro"), lang),
            size=size,
            color=color,
            font_family=theme.FONT_BOLD,
        )
    ]
    for behaviour in behaviours:
        rows.append(
            ft.Row(
                [
                    ft.Text("•", size=size, color=theme.ACCENT),
                    ft.Text(pick(behaviour, lang), size=size, color=color, expand=True),
                ],
                spacing=size // 2,
                vertical_alignment=ft.CrossAxisAlignment.START,
            )
        )
    return rows


@ft.component
def Definition(content: dict | None, lang: str, size: int = 18) -> ft.Control:
    """The two paragraphs, then the behaviours, in one column."""
    return ft.Column(
        [
            *definition_paragraphs(content, lang, size),
            ft.Column(behaviour_list(content, lang, size), spacing=size // 3, tight=True),
        ],
        spacing=size,
        tight=True,
    )
