"""The admin console's state: signing in with the admin token, the language, the open section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import flet as ft

from app.admin.completions_state import CompletionsState
from app.admin.console import Console, Notify
from app.admin.organisation_state import OrganisationState
from app.admin.prompts_state import PromptsState
from app.admin.settings_state import SettingsState
from app.admin.workplaces_state import WorkplacesState
from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.client.storage import KeyValueStore
from app.i18n import DEFAULT_LANGUAGE, other_language
from app.pulse.access import ADMIN_TOKEN_KEY
from app.signin import flow

SECTIONS = ("workplaces", "prompts", "completions", "organisation", "settings")


def _quiet(_text: str, _error: bool) -> None:
    """No feedback (before the view connects its snack bar)."""


@ft.observable
@dataclass
class AdminState:
    """Signed in or not, and the sections' own states once signed in."""

    api_for: Callable[[str | None], ApiClient]
    store: KeyValueStore
    announce: Notify = _quiet
    phase: str = "loading"  # loading | need_token | ready
    problem: str | None = None  # why the token was refused: locale key admin.login.<problem>
    lang: str = DEFAULT_LANGUAGE
    section: str = "workplaces"
    console: Console | None = None
    workplaces: WorkplacesState | None = None
    prompts: PromptsState | None = None
    completions: CompletionsState | None = None
    organisation: OrganisationState | None = None
    settings: SettingsState | None = None
    origin: str = ""
    # Signed in with a work account (issue 15) instead of the admin token
    signin_enabled: bool = False
    signed_in: bool = False
    signin_problem: str | None = None  # locale key signin.problem.<name>
    _loaded: set = field(default_factory=set)

    async def open(self, token: str | None) -> None:
        """Sign in with the link's token, else the kept one or the work account's; else ask."""
        self.signin_enabled = await flow.signin_enabled(self.api_for(None))
        token = token or await self.store.get(ADMIN_TOKEN_KEY)
        if not token and self.signin_enabled:
            token = await flow.kept_token(self.store)
            self.signed_in = bool(token)
        if not token:
            self.phase = "need_token"
            return
        await self.sign_in(token)

    async def sign_in(self, token: str) -> bool:
        """Check the token against an admin-only endpoint, keep it, and open the console."""
        token = token.strip()
        self.phase = "loading"
        try:
            await self.api_for(token).settings()
        except ApiError as error:
            if self.signed_in:
                # A leader is never let into the console; an ended sign-in asks to sign in again.
                await flow.sign_out(self.store)
                self.signed_in = False
                self.signin_problem = "not_admin" if error.status == 403 else "session_ended"
            else:
                self.problem = {401: "unknown", 403: "not_admin"}.get(error.status, "other")
            self.phase = "need_token"
            return False
        except Offline:
            self.problem = "offline"
            self.phase = "need_token"
            return False
        if not self.signed_in:
            await self.store.set(ADMIN_TOKEN_KEY, token)
        self.signin_problem = None
        console = Console(self.api_for(token), self.announce, self.lang)
        self.console = console
        self.workplaces = WorkplacesState(console)
        self.prompts = PromptsState(console, self.workplaces)
        self.completions = CompletionsState(console, self.workplaces)
        self.organisation = OrganisationState(console)
        self.settings = SettingsState(console, self.workplaces)
        # Views receive this state; a change inside a section re-renders them through it.
        self._relay = lambda _sender, _field: self._notify(None)
        for section in (
            self.workplaces,
            self.prompts,
            self.completions,
            self.organisation,
            self.settings,
        ):
            section.subscribe(self._relay)
        self.problem = None
        self._loaded = set()
        self.phase = "ready"
        await self.show(self.section)
        return True

    async def sign_out(self) -> None:
        """Forget the kept token, and any sign-in, on this browser."""
        await self.store.remove(ADMIN_TOKEN_KEY)
        await flow.sign_out(self.store)
        self.signed_in = False
        self.console = None
        self.phase = "need_token"

    async def show(self, section: str) -> None:
        """Open a section, loading it the first time."""
        self.section = section
        if section not in self._loaded:
            self._loaded.add(section)
            await self.reload()

    async def reload(self) -> None:
        """Fetch the open section again."""
        if self.phase != "ready":
            return
        await self.workplaces.load()  # every section names workplaces
        section = getattr(self, self.section)
        if section is not self.workplaces:
            await section.load()
        if section is not self.completions:
            await self.completions.load_queue()  # the review tab's count, seen from any section

    def toggle_language(self) -> None:
        """Switch between Danish and English."""
        self.lang = other_language(self.lang)
        if self.console:
            self.console.lang = self.lang

    def connect(self, announce: Notify) -> None:
        """Route feedback to the view's snack bar."""
        self.announce = announce
        if self.console:
            self.console.notify = announce
