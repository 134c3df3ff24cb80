"""Signing in to the admin console with the admin token (kept in this browser afterwards)."""

from __future__ import annotations

import flet as ft

from app.admin.controls import primary
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.form import use_form
from app.components.icon_action import icon_action
from app.components.panel import Panel
from app.i18n import t
from app.signin.views import SigninButton
from app.statement_view import statement_link


@ft.component
def LoginView(state: AdminState) -> ft.Control:
    """A token field; says why a token was refused."""
    form = use_form(token="")
    shown, set_shown = ft.use_state(False)
    lang = state.lang

    async def submit(_e=None) -> None:
        if form["token"].strip():
            await state.sign_in(form["token"])

    problem = t(f"admin.login.{state.problem}", lang) if state.problem else None
    signin: list[ft.Control] = []
    if state.signin_enabled:
        intro = f"signin.problem.{state.signin_problem}" if state.signin_problem else None
        signin = [
            SigninButton(lang, "/admin", intro or "signin.console_intro"),
            ft.Divider(color=palette.MUTED),
        ]
    return ft.Container(
        alignment=ft.Alignment.TOP_CENTER,
        padding=ft.Padding.only(top=72, left=16, right=16),
        content=ft.Container(
            width=520,
            content=Panel(
                ft.Column(
                    [
                        *signin,
                        ft.Text(t("admin.login.intro", lang), size=15, color=palette.INK),
                        form.field(
                            "token",
                            label=t("admin.login.token", lang),
                            password=not shown,
                            # Flet's own reveal button has no name for a screen reader.
                            suffix=icon_action(
                                ft.Icons.VISIBILITY_OFF if shown else ft.Icons.VISIBILITY,
                                t(f"admin.login.{'hide' if shown else 'show'}", lang),
                                lambda _e: set_shown(not shown),
                            ),
                            autofocus=True,
                            on_submit=submit,
                            error=problem,
                        ),
                        ft.Row(
                            [
                                primary(t("admin.login.submit", lang), submit),
                                ft.TextButton(
                                    t("pulse.language_button", lang),
                                    on_click=act(lambda _e: state.toggle_language()),
                                ),
                            ],
                            wrap=True,
                        ),
                        statement_link(lang, "admin"),
                    ],
                    spacing=16,
                    tight=True,
                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                ),
                title=t("admin.title", lang),
            ),
        ),
    )
