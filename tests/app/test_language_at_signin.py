"""After a sign-in with a work account the pulse and the console open in the language the person
chose (GET /v1/me's `language`); one who chose none keeps the screen as it is. Reading it never
saves it back (no PUT /v1/me/language on load)."""

from __future__ import annotations

import pytest

from app.admin.state import AdminState
from app.client.storage import MemoryStore
from app.pulse.access import LinkParts
from app.pulse.state import PulseState
from app.signin.flow import TOKEN_KEY
from tests.app.screen_fakes import FakeApi, error, run
from tests.app.test_language_saved import WORKPLACE, saved
from tests.app.test_signin_state import SIGNIN, id_token, leader_api


def leader_with_language(language: str | None, workplaces=(WORKPLACE,)) -> tuple[FakeApi, str]:
    """A signed-in leader whose /v1/me gives back `language`."""
    token = id_token("lea@x.dk")
    api = leader_api(token, list(workplaces))
    me = {"email": "lea@x.dk", "admin": False, "workplaces": list(workplaces), "areas": []}
    api.on("GET", "/v1/me", (200, {**me, "language": language}))
    return api, token


def open_pulse(api: FakeApi, token: str, lang: str = "da", link=None) -> PulseState:
    state = PulseState(api_for=api.client, store=MemoryStore({TOKEN_KEY: token}), lang=lang)
    run(state.open(link or LinkParts()))
    return state


def test_a_leader_who_chose_english_gets_the_pulse_in_english():
    api, token = leader_with_language("en")
    state = open_pulse(api, token)
    assert (state.phase, state.workplace_id, state.lang) == ("ready", "wp1", "en")
    assert saved(api) == []


def test_a_leader_who_chose_danish_gets_danish_even_on_a_screen_switched_to_english():
    api, token = leader_with_language("da")
    assert open_pulse(api, token, lang="en").lang == "da"
    assert saved(api) == []


@pytest.mark.parametrize("screen", ["da", "en"])
def test_a_leader_who_chose_nothing_keeps_the_screens_language(screen):
    api, token = leader_with_language(None)
    assert open_pulse(api, token, lang=screen).lang == screen
    assert saved(api) == []


def test_an_area_leader_on_the_chooser_gets_english_too():
    second = {"id": "wp2", "name": "Mælkebøtten", "area": "Nord"}
    api, token = leader_with_language("en", (WORKPLACE, second))
    state = open_pulse(api, token)
    assert (state.phase, state.lang) == ("choose", "en")


def test_a_link_to_a_workplace_opened_signed_in_asks_for_the_language_too():
    # /v1/me is otherwise not needed when the link names the workplace
    api, token = leader_with_language("en")
    state = open_pulse(api, token, link=LinkParts(None, "wp1"))
    assert (state.phase, state.workplace_id, state.lang) == ("ready", "wp1", "en")
    assert len(api.called("GET", "/v1/me")) == 1 and saved(api) == []


def test_a_language_that_cannot_be_read_leaves_the_screen_and_the_pulse_as_they_are():
    api, token = leader_with_language("en")
    api.on("GET", "/v1/me", error(503, "sign_in_unavailable"))
    state = open_pulse(api, token, link=LinkParts(None, "wp1"))
    assert (state.phase, state.lang) == ("ready", "da")


def console_api(token: str, language: str | None) -> FakeApi:
    api = FakeApi()
    api.on("GET", "/v1/signin", SIGNIN)
    api.on("GET", "/v1/settings", (200, {"anonymity_threshold": 5}))
    api.on("GET", "/v1/workplaces", (200, {"workplaces": []}))
    api.on("GET", "/v1/completions/review", (200, {"completions": []}))
    me = {"email": "it@x.dk", "admin": True, "workplaces": [], "areas": [], "language": language}
    api.on("GET", "/v1/me", lambda tok, _b, _q: (200, me) if tok == token else error(401, "x"))
    return api


def test_an_administrator_who_chose_english_gets_the_console_in_english():
    token = id_token("it@x.dk")
    api = console_api(token, "en")
    state = AdminState(api_for=api.client, store=MemoryStore({TOKEN_KEY: token}))
    run(state.open(None))
    assert (state.phase, state.signed_in, state.lang) == ("ready", True, "en")
    assert state.console.lang == "en"  # the sections' own texts follow too
    assert saved(api) == []


def test_an_administrator_who_chose_nothing_keeps_the_consoles_language():
    token = id_token("it@x.dk")
    api = console_api(token, None)
    state = AdminState(api_for=api.client, store=MemoryStore({TOKEN_KEY: token}), lang="en")
    run(state.open(None))
    assert (state.phase, state.lang, state.console.lang) == ("ready", "en", "en")


def test_the_admin_token_does_not_ask_for_a_language():
    from tests.app.test_admin_state import signed_in

    api = FakeApi()
    state = signed_in(api, [])
    assert state.lang == "da" and api.called("GET", "/v1/me") == []
