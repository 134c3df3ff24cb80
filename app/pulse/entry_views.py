"""The pulse page before a pulse shows: ask for a link, choose a workplace, or say what is wrong."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.actions import act
from app.components.form import use_form
from app.components.panel import Panel
from app.i18n import t
from app.pulse.state import PulseState
from app.signin.views import AreaRollups, SigninButton
from app.statement_view import statement_link


def _centre(content: ft.Control) -> ft.Control:
    return ft.Container(
        content=ft.Container(content, width=560),
        alignment=ft.Alignment.TOP_CENTER,
        padding=ft.Padding.only(top=64, left=16, right=16),
    )


@ft.component
def LinkFormView(state: PulseState, intro_key: str = "pulse.link.intro") -> ft.Control:
    """A field to paste the pulse link (or its token) into."""
    form = use_form(link="")
    error, set_error = ft.use_state("")
    lang = state.lang

    async def submit(_e=None) -> None:
        if not await state.use_link(form["link"]):
            set_error(t("pulse.link.invalid", lang))

    signin: list[ft.Control] = []
    if state.signin_enabled:
        problem = f"signin.problem.{state.problem}" if state.problem == "session_ended" else None
        signin.append(SigninButton(lang, "/pulse", problem or "signin.pulse_intro"))
        signin.append(ft.Divider(color=palette.MUTED))
    return _centre(
        Panel(
            ft.Column(
                [
                    *signin,
                    ft.Text(t(intro_key, lang), size=16, color=palette.INK),
                    form.field(
                        "link",
                        label=t("pulse.link.field", lang),
                        autofocus=True,
                        on_submit=submit,
                        error=error or None,
                    ),
                    ft.Row(
                        [
                            ft.FilledButton(
                                t("pulse.link.open", lang),
                                on_click=submit,
                                style=ft.ButtonStyle(bgcolor=palette.ACCENT),
                            ),
                            ft.TextButton(
                                t("pulse.language_button", lang),
                                on_click=act(lambda _e: state.toggle_language()),
                            ),
                        ],
                        wrap=True,
                    ),
                    statement_link(lang, "pulse"),
                ],
                spacing=16,
                tight=True,
                horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
            ),
            title=t("pulse.link.title", lang),
        )
    )


@ft.component
def ChooseWorkplaceView(state: PulseState) -> ft.Control:
    """An admin's list of workplaces, by area."""
    lang = state.lang
    rows: list[ft.Control] = []
    area = object()
    for workplace in state.workplaces:
        if workplace.get("area") != area:
            area = workplace.get("area")
            rows.append(
                ft.Text(
                    area or t("pulse.choose.no_area", lang),
                    size=14,
                    color=palette.SAND,
                    weight=ft.FontWeight.W_600,
                )
            )
        rows.append(
            ft.ListTile(
                title=ft.Text(workplace["name"], color=palette.INK),
                trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT, color=palette.MUTED),
                on_click=act(lambda _e, wid=workplace["id"]: state.choose(wid)),
            )
        )
    if not rows:
        rows.append(ft.Text(t("pulse.choose.none", lang), color=palette.MUTED))
    if state.signed_in:
        rows.append(
            ft.Row(
                [
                    ft.TextButton(
                        t("signin.sign_out", lang),
                        icon=ft.Icons.LOGOUT,
                        on_click=act(lambda _e: state.sign_out()),
                    )
                ],
                alignment=ft.MainAxisAlignment.END,
            )
        )
    return _centre(
        ft.Column(
            [
                *([AreaRollups(state.areas, lang)] if state.areas else []),
                Panel(ft.Column(rows, spacing=4, tight=True), title=t("pulse.choose.title", lang)),
            ],
            spacing=16,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        )
    )


@ft.component
def ProblemView(state: PulseState) -> ft.Control:
    """Why the pulse cannot be shown, and what to do: try again, or open another link."""
    lang, problem = state.lang, state.problem or "error"
    actions: list[ft.Control] = [
        ft.FilledButton(
            t("pulse.retry", lang),
            on_click=act(lambda _e: state.open_again()),
            style=ft.ButtonStyle(bgcolor=palette.ACCENT),
        ),
    ]
    if problem in ("bad_token", "forbidden", "incomplete_link", "not_found", "not_a_leader"):
        actions = [
            ft.FilledButton(
                t("pulse.link.other", lang),
                on_click=act(lambda _e: state.forget_link()),
                style=ft.ButtonStyle(bgcolor=palette.ACCENT),
            )
        ]
    return _centre(
        Panel(
            ft.Column(
                [
                    ft.Text(t(f"pulse.problem.{problem}", lang), size=17, color=palette.INK),
                    ft.Row(actions, spacing=12),
                ],
                spacing=20,
                tight=True,
            ),
            title=t("pulse.problem.title", lang),
            identifier="pulse-problem",
        )
    )
