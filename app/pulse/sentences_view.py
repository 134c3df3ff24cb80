"""This week's prompt and the sentences people completed, and the conversation guide."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.panel import Panel
from app.i18n import pick, t


def sentence_texts(pulse: dict) -> list[str]:
    """The completions' texts in the (already shuffled) order the API gave."""
    return [c["text"] for c in pulse.get("completions") or []]


@ft.component
def SentenceList(prompt: dict | None, texts: list[str], lang: str, size: int = 16) -> ft.Control:
    """The prompt as a heading and each completion as its continuation."""
    items: list[ft.Control] = []
    if prompt:
        items.append(
            ft.Text(
                pick(prompt, lang),
                size=size + 4,
                italic=True,
                color=palette.ACCENT,
                weight=ft.FontWeight.W_500,
            )
        )
    if not texts:
        items.append(ft.Text(t("pulse.sentences.none", lang), size=size, color=palette.MUTED))
    for text in texts:
        items.append(
            ft.Container(
                padding=ft.Padding.symmetric(horizontal=16, vertical=12),
                bgcolor=palette.SAND_SOFT,
                border_radius=10,
                content=ft.Text(f"… {text}", size=size, color=palette.INK),
            )
        )
    return ft.Column(items, spacing=10, tight=True)


@ft.component
def SentencesPanel(pulse: dict, lang: str, col: dict) -> ft.Control:
    """The week's sentences."""
    texts = sentence_texts(pulse)
    return Panel(
        SentenceList(pulse.get("prompt"), texts, lang),
        title=t("pulse.sentences.title", lang),
        subtitle=t("pulse.sentences.subtitle", lang, count=len(texts)),
        col=col,
        identifier="pulse-sentences",
    )


def olfa_rows(content: dict | None, lang: str, size: int = 16) -> list[ft.Control]:
    """The four OLFA questions with their headings."""
    olfa = (content or {}).get("olfa") or {}
    rows: list[ft.Control] = []
    for question in olfa.get("questions") or []:
        rows.append(
            ft.Column(
                [
                    ft.Text(
                        pick(question["heading"], lang),
                        size=size - 2,
                        color=palette.SAND,
                        weight=ft.FontWeight.W_600,
                    ),
                    ft.Text(pick(question["question"], lang), size=size, color=palette.INK),
                ],
                spacing=2,
                tight=True,
            )
        )
    return rows


@ft.component
def GuidePanel(content: dict | None, lang: str, col: dict) -> ft.Control:
    """The conversation guide: the next-step question and OLFA, from content/."""
    content = content or {}
    controls: list[ft.Control] = []
    if content.get("next_step"):
        controls.append(ft.Text(t("pulse.guide.next_step", lang), size=14, color=palette.MUTED))
        controls.append(
            ft.Text(
                pick(content["next_step"], lang),
                size=17,
                color=palette.INK,
                weight=ft.FontWeight.W_500,
            )
        )
        controls.append(ft.Divider(color=palette.LINE))
    olfa = content.get("olfa") or {}
    if olfa:
        controls.append(ft.Text(pick(olfa.get("intro"), lang), size=14, color=palette.MUTED))
        controls.extend(olfa_rows(content, lang))
    if not controls:
        controls.append(ft.Text(t("pulse.guide.unavailable", lang), color=palette.MUTED))
    return Panel(
        ft.Column(controls, spacing=12, tight=True),
        title=t("pulse.guide.title", lang),
        col=col,
        identifier="pulse-guide",
    )
