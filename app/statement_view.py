"""/tilgaengelighed: the accessibility statement, after the EU model (implementing decision
(EU) 2018/1523): compliance status, what is not accessible and why, how this was assessed,
feedback, and the enforcement procedure. Every word from app/locales/statement.*.json.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import flet as ft

from app.components import palette
from app.components.page_language import use_page_language
from app.i18n import DEFAULT_LANGUAGE, other_language, t

ROUTE = "/tilgaengelighed"
SECTIONS = (
    ("statement.status.heading", ("statement.status.body",)),
    (
        "statement.gaps.heading",
        (
            "statement.gaps.canvas",
            "statement.gaps.kiosk",
            "statement.gaps.reset",
            "statement.gaps.charts",
        ),
    ),
    ("statement.made.heading", ("statement.made.body",)),
    ("statement.feedback.heading", ("statement.feedback.body",)),
    ("statement.enforcement.heading", ("statement.enforcement.body",)),
)
_BACK = {"pulse": "/pulse", "admin": "/admin"}


def statement_link(lang: str, came_from: str) -> ft.Control:
    """ "Tilgængelighedserklæring": a link from the pulse, the console or the start page."""
    return ft.TextButton(
        t("statement.link", lang),
        icon=ft.Icons.ACCESSIBILITY_NEW,
        on_click=lambda _e: ft.context.page.navigate(f"{ROUTE}?fra={came_from}"),
    )


def _heading(text: str, size: int) -> ft.Control:
    return ft.Semantics(
        header=True,
        content=ft.Text(text, size=size, weight=ft.FontWeight.W_700, color=palette.INK),
    )


@ft.component
def StatementView() -> ft.View:
    """The statement in Danish (English one click away), readable at any width and zoom."""
    lang, set_lang = ft.use_state(DEFAULT_LANGUAGE)
    use_page_language(lang, t("page.statement", lang))
    route = ft.use_route_location() or ROUTE
    came_from = (parse_qs(urlsplit(route).query).get("fra") or [""])[0]
    body: list[ft.Control] = [
        ft.Row(
            [
                ft.TextButton(
                    t("statement.back", lang),
                    icon=ft.Icons.ARROW_BACK,
                    on_click=lambda _e: ft.context.page.navigate(_BACK.get(came_from, "/")),
                ),
                ft.TextButton(
                    t("pulse.language_button", lang),
                    icon=ft.Icons.TRANSLATE,
                    on_click=lambda _e: set_lang(other_language(lang)),
                ),
            ],
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            wrap=True,
        ),
        _heading(t("statement.title", lang), 30),
        ft.Text(t("statement.intro", lang), size=17, color=palette.INK),
    ]
    for heading, paragraphs in SECTIONS:
        body.append(_heading(t(heading, lang), 22))
        body.extend(ft.Text(t(p, lang), size=17, color=palette.INK) for p in paragraphs)
    return ft.View(
        route=ROUTE,
        bgcolor=palette.SURFACE,
        padding=0,
        scroll=ft.ScrollMode.AUTO,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[
            ft.Container(
                width=820,
                padding=ft.Padding.symmetric(horizontal=20, vertical=24),
                content=ft.Column(body, spacing=16),
            )
        ],
    )
