"""The /kiosk route: one KioskState and one KioskRuntime per mounted kiosk, and the screen for
the current phase, with the top bar (workplace, sync status, language) and the hidden corner."""

from __future__ import annotations

import flet as ft

from app import theme
from app.components.hidden_corner import HiddenCorner
from app.components.keys import use_keys
from app.components.language_button import LanguageButton
from app.components.message_view import MessageView
from app.components.page_language import use_page_language
from app.components.status_badge import StatusBadge
from app.context import AppContext, Session
from app.i18n import t
from app.kiosk.about_overlay import AboutOverlay
from app.kiosk.checkin_screens import DoneScreen, ThanksScreen
from app.kiosk.gate_overlay import GateOverlay
from app.kiosk.idle_screen import IdleScreen
from app.kiosk.pair_link import pairing_code_from
from app.kiosk.runtime import KioskRuntime
from app.kiosk.setup_screen import SetupScreen
from app.kiosk.state import DONE, GATE_CLOSED, IDLE, LOADING, SETUP, THANKS, KioskState


def _sync_text(state: KioskState) -> str | None:
    if state.offline:
        if state.queue_depth:
            return t("sync.offline", state.lang, count=state.queue_depth)
        return t("sync.offline_empty", state.lang)
    return None


@ft.component
def TopBar(state: KioskState, runtime: KioskRuntime) -> ft.Control:
    """Workplace name on the left (after the hidden corner), status and language on the right."""
    name = state.config.workplace_name or (
        runtime.pairing.workplace_name if runtime.pairing else ""
    )
    right: list[ft.Control] = [StatusBadge(_sync_text(state), state.offline)]
    if state.phase in (IDLE, THANKS):
        right.append(
            LanguageButton(
                t("kiosk.language_button", state.lang),
                t("kiosk.language_label", state.lang),
                runtime.checkin.toggle_language,
            )
        )
    return ft.Container(
        padding=ft.Padding.only(left=80, right=16, top=12),
        content=ft.Row(
            [
                ft.Semantics(
                    identifier="workplace",
                    content=ft.Text(name, size=20, color=theme.MUTED),
                ),
                ft.Row(right, spacing=12, tight=True),
            ],
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
        ),
    )


@ft.component
def KioskScreen(state: KioskState, runtime: KioskRuntime, default_api_url: str) -> ft.Control:
    """The screen of the current phase, under the top bar, over the hidden corner."""
    if state.phase == SETUP:
        main = SetupScreen(state, runtime.pair, default_api_url)
    elif state.phase == THANKS:
        main = ThanksScreen(state, runtime.checkin)
    elif state.phase == DONE:
        main = DoneScreen(state, runtime.checkin)
    else:
        main = IdleScreen(state, runtime.checkin)
    layers: list[ft.Control] = [
        ft.Column([TopBar(state, runtime), main], expand=True, spacing=0),
        ft.Container(
            left=0,
            top=0,
            content=HiddenCorner(t("gate.corner", "da"), runtime.gate.open),
        ),
    ]
    if state.phase == IDLE and state.about_open:
        layers.append(
            ft.Container(
                left=0, top=0, right=0, bottom=0, content=AboutOverlay(state, runtime.checkin)
            )
        )
    if state.gate != GATE_CLOSED:
        layers.append(
            ft.Container(left=0, top=0, right=0, bottom=0, content=GateOverlay(state, runtime.gate))
        )
    return ft.Stack(layers, expand=True)


@ft.component
def KioskView() -> ft.View:
    """The kiosk for this session: state and runtime live as long as the view is mounted."""
    session: Session = ft.use_context(AppContext)
    state, _ = ft.use_state(KioskState)  # use_state subscribes this view to the observable
    runtime = ft.use_memo(
        lambda: KioskRuntime(
            session,
            state,
            wakelock=_kept(session, ft.Wakelock()),
            accessibility=_kept(session, ft.SemanticsService()),
            link_code=pairing_code_from(ft.context.page.route),
        ),
        [],
    )
    ft.use_effect(
        lambda: session.add_worker(runtime),
        [],
        cleanup=lambda: session.remove_worker(runtime),
    )
    route = ft.use_route_location() or "/kiosk"

    def on_key(e: ft.KeyboardEvent) -> None:
        if e.key == "Escape":  # a keyboard or switch user closes what lies over the check-in
            runtime.checkin.close_about()
            runtime.gate.close()

    use_keys(session.keys, on_key)
    use_page_language(state.lang, t("page.kiosk", state.lang))

    def forget_link() -> None:
        # Paired from a sheet's address: take the (now used) code out of the address bar.
        if state.phase == IDLE and pairing_code_from(ft.context.page.route):
            ft.context.page.navigate("/kiosk")

    ft.use_effect(forget_link, [state.phase])
    if state.phase == LOADING:
        return MessageView(t("app.loading"), route=route, busy=True)
    return ft.View(
        route=route,
        padding=0,
        bgcolor=theme.SURFACE,
        controls=[KioskScreen(state, runtime, session.api_url)],
    )


def _kept(session: Session, service):
    """A service (screen-awake, accessibility) kept referenced by the session: Flet drops
    unreferenced ones."""
    session.services.append(service)
    return service
