"""The admin console's state: signing in, the language, the open section.

The browser never keeps the admin token: a sign-in link (`/admin?signin=…`, printed by `serve`)
or the typed token is traded for a session token that the server ends after 12 hours; only that
is kept, and a refused one sends the admin back to the sign-in form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import flet as ft

from app.admin.completions_state import CompletionsState
from app.admin.console import Console, Notify
from app.admin.organisation_state import OrganisationState
from app.admin.prompts_state import PromptsState
from app.admin.rollout_state import OrgImportState, SheetsState, TabletsState
from app.admin.settings_state import SettingsState
from app.admin.workplaces_state import WorkplacesState
from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.client.storage import KeyValueStore
from app.i18n import DEFAULT_LANGUAGE, other_language
from app.pulse.access import ADMIN_TOKEN_KEY
from app.signin import flow
from app.signin.language import language_at_signin

SECTIONS = ("workplaces", "tablets", "prompts", "completions", "organisation", "settings")


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
    tablets: TabletsState | None = None
    org_import: OrgImportState | None = None
    sheets: SheetsState | None = None
    origin: str = ""
    # Signed in with a work account (issue 15) instead of the admin token
    signin_enabled: bool = False
    signed_in: bool = False
    signin_problem: str | None = None  # locale key signin.problem.<name>
    _loaded: set = field(default_factory=set)

    async def open(self, token: str | None, sign_in: str | None = None) -> None:
        """Sign in with the link's sign-in code or token, else the kept session, else the work
        account's kept sign-in (issue 15); else ask."""
        self.signin_enabled = await flow.signin_enabled(self.api_for(None))
        if sign_in:
            await self._start(self.api_for(None).open_session(sign_in), {401: "link_used"})
            return
        if token:
            await self.sign_in(token)
            return
        kept = await self.store.get(ADMIN_TOKEN_KEY)
        if not kept and self.signin_enabled:
            signed = await flow.kept_token(self.store)
            if signed:
                self.signed_in = True
                await self._enter(signed, {})
                return
        if not kept:
            self.phase = "need_token"
            return
        if not await self._enter(kept, {401: "expired"}):
            await self.store.remove(ADMIN_TOKEN_KEY)

    async def sign_in(self, token: str) -> bool:
        """Trade the typed admin token for a session, keep that, and open the console."""
        return await self._start(self.api_for(token.strip()).open_session(), {})

    async def _start(self, call, problems: dict[int, str]) -> bool:
        self.phase = "loading"
        try:
            session = await call
        except (ApiError, Offline) as error:
            return self._refused(error, problems)
        return await self._enter(session["token"], problems)

    def _refused(self, error: Exception, problems: dict[int, str]) -> bool:
        if isinstance(error, Offline):
            self.problem = "offline"
        else:
            known = {401: "unknown", 403: "not_admin"} | problems
            self.problem = known.get(error.status, "other")
        self.phase = "need_token"
        return False

    async def _enter(self, token: str, problems: dict[int, str]) -> bool:
        """Check the session against an admin-only endpoint, keep it, and open the console."""
        self.phase = "loading"
        try:
            await self.api_for(token).settings()
        except (ApiError, Offline) as error:
            if self.signed_in and isinstance(error, ApiError):
                # A leader is never let into the console; an ended sign-in asks to sign in again.
                await flow.sign_out(self.store)
                self.signed_in = False
                self.signin_problem = "not_admin" if error.status == 403 else "session_ended"
                self.phase = "need_token"
                return False
            return self._refused(error, problems)
        if self.signed_in:  # the console opens in the language they chose (issue 16)
            self.lang = await language_at_signin(self.api_for(token), self.lang)
        else:  # the ID token stays where the sign-in flow keeps it
            await self.store.set(ADMIN_TOKEN_KEY, token)
        self.signin_problem = None
        console = Console(self.api_for(token), self.announce, self.lang)
        self.console = console
        self.workplaces = WorkplacesState(console)
        self.prompts = PromptsState(console, self.workplaces)
        self.completions = CompletionsState(console, self.workplaces)
        self.organisation = OrganisationState(console)
        self.settings = SettingsState(console, self.workplaces)
        self.tablets = TabletsState(console)
        self.org_import = OrgImportState(console, self.workplaces)
        self.sheets = SheetsState(console)
        # Views receive this state; a change inside a section re-renders them through it.
        self._relay = lambda _sender, _field: self._notify(None)
        for section in (
            self.workplaces,
            self.prompts,
            self.completions,
            self.organisation,
            self.settings,
            self.tablets,
            self.org_import,
            self.sheets,
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

    async def toggle_language(self) -> None:
        """Switch between Danish and English; signed in, the Monday e-mail follows."""
        self.lang = other_language(self.lang)
        if self.console:
            self.console.lang = self.lang
            if self.signed_in:
                await flow.save_language(self.console.api, self.lang)

    def connect(self, announce: Notify) -> None:
        """Route feedback to the view's snack bar."""
        self.announce = announce
        if self.console:
            self.console.notify = announce
