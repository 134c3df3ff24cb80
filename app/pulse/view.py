"""/pulse: the weekly pulse of one workplace, for its leader, MED-committee and team meeting."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.page_language import use_page_language
from app.components.refresh_on_return import use_refresh_on_return
from app.context import AppContext
from app.i18n import t
from app.pulse.access import parse_link
from app.pulse.dashboard_view import DashboardView
from app.pulse.entry_views import ChooseWorkplaceView, LinkFormView, ProblemView
from app.pulse.header_view import PulseHeader
from app.pulse.meeting_view import MeetingView
from app.pulse.state import PulseState


@ft.component
def PulseView() -> ft.View:
    """The pulse screen: opened from a viewer link (/pulse?token=…&workplace=…) or a kept token."""
    session = ft.use_context(AppContext)
    state, _ = ft.use_state(lambda: PulseState(api_for=session.api, store=session.store))

    async def start() -> None:
        page = ft.context.page
        await state.open(parse_link(page.route))
        if state.phase != "need_token" and "token=" in (page.route or ""):
            # The browser keeps the token now: take it out of the address bar, which a projector
            # would otherwise show to the whole staff meeting.
            page.navigate("/pulse")

    ft.use_effect(start, [])
    use_refresh_on_return(session, state.refresh)
    use_page_language(state.lang, t("page.pulse", state.lang))

    if state.phase == "ready" and state.meeting:
        body: ft.Control = MeetingView(state)
    elif state.phase == "ready":
        body = DashboardView(state, PulseHeader(state))
    elif state.phase == "need_token":
        body = LinkFormView(state)
    elif state.phase == "choose":
        body = ChooseWorkplaceView(state)
    elif state.phase == "problem":
        body = ProblemView(state)
    else:
        body = ft.Container(
            ft.ProgressRing(color=palette.ACCENT), alignment=ft.Alignment.CENTER, padding=80
        )
    meeting = state.phase == "ready" and state.meeting
    return ft.View(
        route="/pulse",
        bgcolor=palette.SURFACE,
        padding=0,
        scroll=None if meeting else ft.ScrollMode.AUTO,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[body],
    )
