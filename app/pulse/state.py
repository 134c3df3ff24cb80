"""The pulse page's state: which token and workplace, the loaded pulse, the meeting walk-through.

Behaviour lives here, testable without a page: give it an `api_for(token)` factory and a
KeyValueStore (a dict in tests) and call `open()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import flet as ft

from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.client.storage import KeyValueStore
from app.i18n import DEFAULT_LANGUAGE, other_language
from app.pulse.access import LinkParts, forget, remembered
from app.signin import flow
from app.signin.language import kept_language, language_at_signin

# Why a pulse cannot be shown, by what the API said: each is a locale key "pulse.problem.<name>".
_PROBLEM_BY_STATUS = {401: "bad_token", 403: "forbidden", 404: "not_found"}


@ft.observable
@dataclass
class PulseState:
    """Everything the pulse screens show; `phase` says which screen."""

    api_for: Callable[[str | None], ApiClient]
    store: KeyValueStore
    phase: str = "loading"  # loading | need_token | choose | ready | problem
    problem: str | None = None
    lang: str = DEFAULT_LANGUAGE
    token: str | None = None
    is_admin: bool = False
    workplace_id: str | None = None
    workplaces: list[dict] = field(default_factory=list)
    pulse: dict | None = None
    content: dict | None = None
    meeting: bool = False
    step: int = 0
    # Signed in with a work account (issue 15): the token is the provider's ID token.
    signin_enabled: bool = False
    signed_in: bool = False
    email: str | None = None
    areas: list[dict] = field(default_factory=list)  # area roll-ups an area leader sees

    def _api(self) -> ApiClient:
        return self.api_for(self.token)

    async def open(self, link: LinkParts) -> None:
        """Start from a link's token/workplace (or what the browser kept) and load the pulse."""
        self.phase = "loading"
        meeting = link.meeting
        self.signin_enabled = await flow.signin_enabled(self.api_for(None))
        signed = None if link.token else await flow.kept_token(self.store)
        if signed:
            self.token, self.workplace_id = signed, link.workplace_id
            self.signed_in, self.is_admin = True, False
            if self.workplace_id:  # else _find_mine reads the language with the rest of /v1/me
                self.lang = await language_at_signin(self._api(), self.lang)
        else:
            link, self.is_admin = await remembered(self.store, link)
            self.token, self.workplace_id = link.token, link.workplace_id
        await self._start()
        if meeting and self.phase == "ready":
            self.start_meeting()

    async def _start(self) -> None:
        if not self.token:
            self.phase = "need_token"
            return
        await self._load_content()
        if self.workplace_id:
            await self.load()
        elif self.signed_in:
            await self._find_mine()
        else:
            await self._find_workplaces()

    async def _find_mine(self) -> None:
        """A signed-in person: their one workplace at once, else a choice (with area roll-ups)."""
        try:
            me = await self._api().me()
        except ApiError as error:
            if error.status == 401:
                await self._session_ended()
            else:
                self._fail("not_a_leader" if error.status == 403 else _problem_of(error))
            return
        except Offline:
            self._fail("offline")
            return
        self.email, self.is_admin = me.get("email"), bool(me.get("admin"))
        self.lang = kept_language(me, self.lang)  # the language they chose, if any (issue 16)
        self.workplaces = sorted(me["workplaces"], key=lambda w: ((w.get("area") or ""), w["name"]))
        # One workplace: straight to it (an area of one workplace rolls up to that workplace).
        if not self.is_admin and len(self.workplaces) == 1:
            self.workplace_id = self.workplaces[0]["id"]
            await self.load()
            return
        # An administrator has the organisation view in the console; leaders see their areas here.
        self.areas = [] if self.is_admin else [await self._area(a) for a in me["areas"]]
        self.phase = "choose"

    async def _area(self, area: str) -> dict:
        try:
            return (await self._api().area_pulse(area))["area"]
        except (ApiError, Offline):
            return {"area": area, "responses": None, "mean": None, "suppressed": True}

    async def _session_ended(self) -> None:
        """The ID token ended (or was refused): forget it and offer to sign in again."""
        await flow.sign_out(self.store)
        self.token, self.signed_in, self.pulse = None, False, None
        self.problem, self.phase = "session_ended", "need_token"

    async def sign_out(self) -> None:
        """Forget the sign-in on this browser and show the way back in."""
        await flow.sign_out(self.store)
        self.token, self.signed_in, self.email, self.pulse = None, False, None, None
        self.workplace_id, self.workplaces, self.areas, self.meeting = None, [], [], False
        self.problem, self.phase = None, "need_token"

    async def _load_content(self) -> None:
        if self.content is None:
            try:
                self.content = await self.api_for(None).content()
            except (ApiError, Offline):
                self.content = None  # the guide falls back to what the pulse itself carries

    async def _find_workplaces(self) -> None:
        """An admin's token lists workplaces to choose from; a viewer's needs its workplace."""
        try:
            workplaces = await self._api().workplaces()
        except ApiError as error:
            self._fail("incomplete_link" if error.status == 403 else _problem_of(error))
            return
        except Offline:
            self._fail("offline")
            return
        self.is_admin = True
        self.workplaces = sorted(workplaces, key=lambda w: ((w.get("area") or ""), w["name"]))
        self.phase = "choose"

    async def choose(self, workplace_id: str) -> None:
        """An admin picked a workplace."""
        self.workplace_id = workplace_id
        await self.load()

    async def load(self) -> None:
        """Fetch (again) the pulse of the chosen workplace."""
        if self.pulse is None:
            self.phase = "loading"
        try:
            self.pulse = await self._api().pulse(self.workplace_id or "", weeks=12)
        except ApiError as error:
            if error.status == 401 and self.signed_in:
                await self._session_ended()
                return
            if error.status == 401 and not self.is_admin:
                await forget(self.store)
            self._fail(_problem_of(error))
            return
        except Offline:
            self._fail("offline")
            return
        self.problem = None
        self.phase = "ready"

    async def refresh(self) -> None:
        """Fetch again what is on screen (the pulse, or the list of workplaces)."""
        if self.phase == "ready":
            await self.load()
        elif self.phase == "problem":
            await self.open_again()

    def _fail(self, problem: str) -> None:
        self.problem = problem
        self.phase = "problem"

    async def open_again(self) -> None:
        """Try again after a problem (e.g. the server could not be reached)."""
        self.phase = "loading"
        await self._start()

    async def use_link(self, text: str) -> bool:
        """Open a link or token someone pasted; False when it holds none."""
        from app.pulse.access import parse_link

        link = parse_link(text)
        if not link.token:
            return False
        self.pulse = None
        await self.open(link)
        return True

    async def forget_link(self) -> None:
        """Forget the kept token (and any sign-in) and ask for a new link."""
        if self.signed_in:
            await self.sign_out()
            return
        await forget(self.store)
        self.token, self.workplace_id, self.pulse = None, None, None
        self.phase = "need_token"

    def back_to_workplaces(self) -> None:
        """An admin goes back to the list of workplaces."""
        self.pulse, self.workplace_id, self.meeting = None, None, False
        self.phase = "choose" if self.workplaces else "loading"

    @property
    def may_choose(self) -> bool:
        """Whether there is a list of workplaces to go back to."""
        return self.is_admin or len(self.workplaces) > 1

    async def toggle_language(self) -> None:
        """Switch between Danish and English; signed in, the Monday e-mail follows."""
        self.lang = other_language(self.lang)
        if self.signed_in:
            await flow.save_language(self._api(), self.lang)

    def start_meeting(self) -> None:
        """Open meeting mode at its first step."""
        self.step = 0
        self.meeting = True

    def end_meeting(self) -> None:
        """Leave meeting mode."""
        self.meeting = False

    def go(self, delta: int, steps: int) -> None:
        """Move `delta` steps in meeting mode, staying within 0..steps-1."""
        self.step = max(0, min(steps - 1, self.step + delta))

    async def pdf(self) -> bytes:
        """This week's pulse on one A4 page, in the page's language."""
        return await self._api().pulse_pdf(self.workplace_id or "", lang=self.lang)

    async def csv(self) -> str:
        """The weekly figures as CSV text (the endpoint needs the token, so we fetch it)."""
        return await self._api().pulse_csv(self.workplace_id or "", weeks=12)


def _problem_of(error: ApiError) -> str:
    return _PROBLEM_BY_STATUS.get(error.status, "error")
