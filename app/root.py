"""The route table: /kiosk (and /), /pulse, /admin; every view gets the session via AppContext.

Routes are flat on purpose: a kiosk has no back stack to swipe through. A surface that needs one
(admin → workplace → devices) nests its own child routes under its path.
"""

from __future__ import annotations

import flet as ft

from app.components.message_view import MessageView
from app.context import AppContext, Session
from app.i18n import t
from app.kiosk.view import KioskView
from app.signin.views import SigninReturnView
from app.statement_view import StatementView


@ft.component
def NotFoundView() -> ft.Control:
    """Shown for an unknown address."""
    return MessageView(t("app.not_found"))


def _pulse() -> ft.View:
    """/pulse, imported on its route: a kiosk (Python in the browser) starts without the charts."""
    from app.pulse.view import PulseView

    return PulseView()


def _admin() -> ft.View:
    """/admin, imported on its route, like the pulse."""
    from app.admin.view import AdminView

    return AdminView()


def opens_kiosk(route: str | None) -> bool:
    """Whether an address (with or without its query) opens the kiosk."""
    return (route or "/").split("?", 1)[0].rstrip("/") in ("", "/kiosk")


def routes() -> list[ft.Route]:
    """The app's routes; / is the kiosk, since that is what a tablet opens."""
    return [
        ft.Route(index=True, component=KioskView),
        ft.Route(path="kiosk", component=KioskView),
        ft.Route(path="pulse", component=_pulse),
        ft.Route(path="admin", component=_admin),
        ft.Route(path="signin", component=SigninReturnView),
        ft.Route(path="tilgaengelighed", component=StatementView),
    ]


@ft.component
def App(session: Session) -> list[ft.View]:
    """The whole app for one session: the router inside the session's context."""
    return AppContext(
        session,
        lambda: ft.Router(routes(), not_found=NotFoundView, manage_views=True),
    )
