"""/admin: the administrator's console (open with the sign-in link /admin?signin=… that `serve`
prints, or type the admin token)."""

from __future__ import annotations

import flet as ft

from app.admin.completions_view import CompletionsView
from app.admin.login_view import LoginView
from app.admin.organisation_view import OrganisationView
from app.admin.prompts_view import PromptsView
from app.admin.settings_view import SettingsView
from app.admin.state import SECTIONS, AdminState
from app.admin.tablets_view import TabletsView
from app.admin.workplaces_view import WorkplacesView
from app.components import palette
from app.components.actions import act
from app.components.notice import show_notice
from app.components.page_language import use_page_language
from app.components.refresh_on_return import use_refresh_on_return
from app.config import link_base
from app.context import AppContext
from app.i18n import t
from app.pulse.access import parse_link, sign_in_code
from app.statement_view import statement_link

_VIEWS = {
    "workplaces": WorkplacesView,
    "tablets": TabletsView,
    "prompts": PromptsView,
    "completions": CompletionsView,
    "organisation": OrganisationView,
    "settings": SettingsView,
}
_ICONS = {
    "workplaces": ft.Icons.HOME_WORK_OUTLINED,
    "tablets": ft.Icons.TABLET_ANDROID,
    "prompts": ft.Icons.FORMAT_QUOTE,
    "completions": ft.Icons.FACT_CHECK_OUTLINED,
    "organisation": ft.Icons.INSIGHTS,
    "settings": ft.Icons.TUNE,
}


@ft.component
def SectionTabs(state: AdminState) -> ft.Control:
    """One button per section; the open one is highlighted."""
    tabs = []
    for name in SECTIONS:
        chosen = name == state.section
        tabs.append(
            ft.TextButton(
                _tab_label(state, name),
                icon=_ICONS[name],
                badge=_waiting_badge(state) if name == "completions" else None,
                on_click=act(lambda _e, n=name: state.show(n)),
                style=ft.ButtonStyle(
                    bgcolor=palette.ACCENT_SOFT if chosen else None,
                    color=palette.ACCENT if chosen else palette.MUTED,
                    padding=ft.Padding.symmetric(horizontal=16, vertical=14),
                ),
            )
        )
    return ft.Row(tabs, wrap=True, spacing=6, run_spacing=6)


def _tab_label(state: AdminState, name: str) -> ft.Text:
    # A screen reader reads the tab's name, not the badge: the count goes into the name.
    label = t(f"admin.section.{name}", state.lang)
    waiting = state.completions.waiting if state.completions and name == "completions" else 0
    spoken = t("admin.section.completions_waiting", state.lang, count=waiting) if waiting else None
    return ft.Text(label, semantics_label=spoken)


def _waiting_badge(state: AdminState) -> ft.Badge | None:
    waiting = state.completions.waiting if state.completions else 0
    if not waiting:
        return None
    return ft.Badge(
        label=ft.Text(str(waiting), color=palette.SURFACE, weight=ft.FontWeight.W_700),
        bgcolor=palette.NOTICE,
    )


@ft.component
def TopBar(state: AdminState) -> ft.Control:
    """Title, language and sign-out."""
    lang = state.lang
    return ft.ResponsiveRow(
        [
            ft.Column(
                [
                    ft.Text(
                        t("admin.kicker", lang).upper(),
                        size=13,
                        color=palette.SAND,
                        weight=ft.FontWeight.W_600,
                    ),
                    ft.Text(
                        t("admin.title", lang),
                        size=28,
                        weight=ft.FontWeight.W_700,
                        color=palette.INK,
                    ),
                ],
                spacing=2,
                tight=True,
                col={"xs": 12, "md": 6},
            ),
            ft.Row(
                [
                    ft.TextButton(
                        t("admin.refresh", lang),
                        icon=ft.Icons.REFRESH,
                        on_click=act(lambda _e: state.reload()),
                    ),
                    ft.TextButton(
                        t("pulse.language_button", lang),
                        on_click=act(lambda _e: state.toggle_language()),
                    ),
                    ft.TextButton(
                        t("admin.sign_out", lang),
                        icon=ft.Icons.LOGOUT,
                        on_click=act(lambda _e: state.sign_out()),
                    ),
                    statement_link(lang, "admin"),
                ],
                alignment=ft.MainAxisAlignment.END,
                wrap=True,
                col={"xs": 12, "md": 6},
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


@ft.component
def AdminView() -> ft.View:
    """The console: sign in, then sections for workplaces, prompts, completions, overview."""
    session = ft.use_context(AppContext)
    state, _ = ft.use_state(lambda: AdminState(api_for=session.api, store=session.store))

    async def start() -> None:
        page = ft.context.page
        state.origin = link_base(page.url)  # the static build's links route after "#"
        state.connect(show_notice)
        route = page.route or ""
        await state.open(parse_link(route).token, sign_in_code(route))
        if "token=" in route or "signin=" in route:
            # Neither the admin token nor a sign-in code stays in the address bar and history.
            page.navigate("/admin")

    ft.use_effect(start, [])
    use_refresh_on_return(session, state.reload)
    use_page_language(state.lang, t("page.admin", state.lang))

    if state.phase == "ready":
        section = _VIEWS[state.section](state)
        content: ft.Control = ft.Container(
            width=1200,
            padding=ft.Padding.symmetric(horizontal=24, vertical=20),
            content=ft.Column([TopBar(state), SectionTabs(state), section], spacing=20),
        )
    elif state.phase == "need_token":
        content = LoginView(state)
    else:
        content = ft.Container(
            ft.ProgressRing(color=palette.ACCENT), padding=80, alignment=ft.Alignment.CENTER
        )
    return ft.View(
        route="/admin",
        bgcolor=palette.SURFACE,
        padding=0,
        scroll=ft.ScrollMode.AUTO,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[content],
    )
