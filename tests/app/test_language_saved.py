"""Switching language while signed in with a work account saves it for the Monday e-mail (PUT
/v1/me/language with the ID token); with a viewer link or the admin token nothing is sent."""

from __future__ import annotations

from app.admin.state import AdminState
from app.client.storage import MemoryStore
from app.pulse.access import LinkParts
from app.pulse.state import PulseState
from app.signin.flow import TOKEN_KEY
from tests.app.screen_fakes import FakeApi, error, pulse_answer, run, week
from tests.app.test_signin_state import SIGNIN, id_token, leader_api

WORKPLACE = {"id": "wp1", "name": "Solsikken", "area": "Nord"}


def saved(api: FakeApi) -> list[tuple[str | None, dict]]:
    """(token, body) of every PUT /v1/me/language."""
    return [(tok, body) for m, p, tok, body in api.calls if (m, p) == ("PUT", "/v1/me/language")]


def test_a_signed_in_leader_switching_language_saves_it_each_time():
    token = id_token("lea@x.dk")
    api = leader_api(token, [WORKPLACE])
    api.on("PUT", "/v1/me/language", (204, None))
    state = PulseState(api_for=api.client, store=MemoryStore({TOKEN_KEY: token}))
    run(state.open(LinkParts()))
    run(state.toggle_language())
    assert state.lang == "en"
    run(state.toggle_language())
    assert saved(api) == [(token, {"language": "en"}), (token, {"language": "da"})]


def test_a_viewer_link_switches_the_screen_only():
    api = FakeApi()
    api.on("GET", "/v1/signin", SIGNIN)
    api.on("GET", "/v1/content", (200, {}))
    api.on("GET", "/v1/workplaces/wp1/pulse", (200, pulse_answer([week("2026-W48", 7, 6.5)])))
    state = PulseState(api_for=api.client, store=MemoryStore())
    run(state.open(LinkParts("view-1", "wp1")))
    run(state.toggle_language())
    assert state.lang == "en" and saved(api) == []


def test_the_screen_switches_even_when_saving_fails():
    token = id_token("lea@x.dk")
    api = leader_api(token, [WORKPLACE])
    api.on("PUT", "/v1/me/language", error(503, "sign_in_unavailable"))
    state = PulseState(api_for=api.client, store=MemoryStore({TOKEN_KEY: token}))
    run(state.open(LinkParts()))
    run(state.toggle_language())
    assert (state.lang, state.phase) == ("en", "ready")
    assert len(saved(api)) == 1


def test_a_signed_in_administrator_switching_in_the_console_saves_it():
    token = id_token("it@x.dk")
    api = FakeApi()
    api.on("GET", "/v1/signin", SIGNIN)
    api.on("GET", "/v1/settings", (200, {"anonymity_threshold": 5}))
    api.on("GET", "/v1/workplaces", (200, {"workplaces": []}))
    api.on("GET", "/v1/completions/review", (200, {"completions": []}))
    api.on("PUT", "/v1/me/language", (204, None))
    state = AdminState(api_for=api.client, store=MemoryStore({TOKEN_KEY: token}))
    run(state.open(None))
    assert (state.phase, state.signed_in) == ("ready", True)
    run(state.toggle_language())
    assert saved(api) == [(token, {"language": "en"})]


def test_the_console_with_the_admin_token_switches_the_screen_only():
    from tests.app.test_admin_state import signed_in

    api = FakeApi()
    state = signed_in(api, [])
    run(state.toggle_language())
    assert state.lang == "en" and saved(api) == []
