"""The sign-in button (pulse and console) and the page the provider sends the browser back to."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.panel import Panel
from app.config import link_base
from app.context import AppContext
from app.i18n import number, t
from app.signin import flow


async def go_to_provider(session, next_route: str) -> str | None:
    """Start a sign-in and send this tab to the provider; a problem's locale key if it fails."""
    page = ft.context.page
    try:
        url = await flow.begin(
            session.api(), session.store, flow.redirect_uri(link_base(page.url)), next_route
        )
    except flow.SigninFailed as failed:
        return f"signin.problem.{failed.reason}"
    # The same tab: the provider sends the browser back here, where the app picks up the code.
    await ft.UrlLauncher().launch_url(url, web_only_window_name="_self")
    return None


@ft.component
def SigninButton(lang: str, next_route: str, intro_key: str | None = None) -> ft.Control:
    """ "Log ind med din arbejdskonto", with a line of why (or what went wrong) above it."""
    session = ft.use_context(AppContext)
    problem, set_problem = ft.use_state("")

    async def sign_in(_e=None) -> None:
        set_problem((await go_to_provider(session, next_route)) or "")

    lines: list[ft.Control] = []
    if intro_key:
        lines.append(ft.Text(t(intro_key, lang), size=16, color=palette.INK))
    if problem:
        lines.append(ft.Text(t(problem, lang), size=15, color=palette.INK))
    lines.append(
        ft.Row(
            [
                ft.FilledButton(
                    t("signin.button", lang),
                    icon=ft.Icons.LOGIN,
                    on_click=sign_in,
                    style=ft.ButtonStyle(bgcolor=palette.ACCENT),
                )
            ]
        )
    )
    return ft.Column(lines, spacing=12, tight=True)


@ft.component
def SigninReturnView() -> ft.View:
    """/signin: the provider sent the browser back with a code; exchange it and go on."""
    session = ft.use_context(AppContext)
    problem, set_problem = ft.use_state("")

    async def finish() -> None:
        page = ft.context.page
        try:
            next_route = await flow.finish(session.api(), session.store, page.route or "")
        except flow.SigninFailed as failed:
            set_problem(f"signin.problem.{failed.reason}")
            return
        page.navigate(next_route)

    ft.use_effect(finish, [])
    if problem:
        body: ft.Control = ft.Container(
            width=560,
            content=Panel(
                ft.Column(
                    [
                        ft.Text(t(problem), size=16, color=palette.INK),
                        ft.Row(
                            [
                                ft.TextButton(
                                    t("signin.to_pulse"),
                                    on_click=lambda _e: ft.context.page.navigate("/pulse"),
                                )
                            ]
                        ),
                    ],
                    spacing=16,
                    tight=True,
                ),
                title=t("signin.title"),
            ),
        )
    else:
        body = ft.Column(
            [ft.ProgressRing(color=palette.ACCENT), ft.Text(t("signin.finishing"))],
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        )
    return ft.View(
        route="/signin",
        bgcolor=palette.SURFACE,
        padding=ft.Padding.only(top=72, left=16, right=16),
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[body],
    )


@ft.component
def AreaRollups(areas: list[dict], lang: str) -> ft.Control:
    """An area leader's roll-ups: each area's answers and mean this week, or why none shows."""
    rows: list[ft.Control] = []
    for area in areas:
        if area.get("suppressed") or area.get("mean") is None:
            figures = t("signin.area.suppressed", lang)
        else:
            figures = t(
                "signin.area.figures",
                lang,
                responses=area["responses"],
                mean=number(area["mean"], lang),
            )
        rows.append(
            ft.Column(
                [
                    ft.Text(
                        t("signin.area.title", lang, area=area["area"]),
                        size=17,
                        weight=ft.FontWeight.W_600,
                        color=palette.INK,
                    ),
                    ft.Text(figures, size=15, color=palette.INK),
                ],
                spacing=2,
                tight=True,
            )
        )
    return Panel(ft.Column(rows, spacing=12, tight=True), title=t("pulse.choose.areas", lang))
