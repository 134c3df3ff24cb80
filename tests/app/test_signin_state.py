"""Signed in on the pulse and the console: where a leader lands, and what happens when the
sign-in ends or does not reach the console."""

from __future__ import annotations

import base64
import json
import time

from app.admin.state import AdminState
from app.client.storage import MemoryStore
from app.pulse.access import LinkParts
from app.pulse.state import PulseState
from app.signin.flow import TOKEN_KEY
from tests.app.screen_fakes import FakeApi, error, pulse_answer, run, week

SIGNIN = (200, {"enabled": True, "issuer": "https://login.example", "client_id": "app"})


def id_token(email: str, lasts: int = 3600) -> str:
    """An ID token as the app keeps it (the app reads exp and email; the API checks the rest)."""
    claims = {"email": email, "exp": int(time.time()) + lasts}
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"e30.{payload}.sig"


def leader_api(token: str, workplaces: list[dict], areas: list[str] = ()) -> FakeApi:
    api = FakeApi()
    api.on("GET", "/v1/signin", SIGNIN)
    api.on("GET", "/v1/content", (200, {}))
    me = {"email": "lea@x.dk", "admin": False, "workplaces": workplaces, "areas": list(areas)}
    api.on("GET", "/v1/me", lambda tok, _b, _q: (200, me) if tok == token else error(401, "x"))
    answer = pulse_answer([week("2026-W48", 7, 6.5)])
    api.on("GET", "/v1/workplaces/wp1/pulse", lambda tok, _b, _q: (200, answer))
    return api


def test_a_leader_of_one_workplace_lands_on_it():
    token = id_token("lea@x.dk")
    api = leader_api(token, [{"id": "wp1", "name": "Solsikken", "area": "Nord"}], ["Nord"])
    state = PulseState(api_for=api.client, store=MemoryStore({TOKEN_KEY: token}))
    run(state.open(LinkParts()))
    assert (state.phase, state.workplace_id, state.signed_in) == ("ready", "wp1", True)


def test_an_ended_sign_in_is_forgotten_and_the_way_back_in_is_offered():
    # Given a token the browser still holds but that ended (the app forgets it before asking)
    store = MemoryStore({TOKEN_KEY: id_token("lea@x.dk", lasts=-60)})
    state = PulseState(api_for=leader_api("other", []).client, store=store)
    run(state.open(LinkParts()))
    assert (state.phase, state.signin_enabled) == ("need_token", True)
    assert TOKEN_KEY not in store.data


def test_a_token_the_api_refuses_ends_the_session_with_a_clear_way_back_in():
    store = MemoryStore({TOKEN_KEY: id_token("lea@x.dk")})
    state = PulseState(api_for=leader_api("the-api-wants-another", []).client, store=store)
    run(state.open(LinkParts()))
    assert (state.phase, state.problem) == ("need_token", "session_ended")
    assert TOKEN_KEY not in store.data


def test_signing_out_forgets_the_token():
    token = id_token("lea@x.dk")
    store = MemoryStore({TOKEN_KEY: token})
    api = leader_api(token, [{"id": "wp1", "name": "Solsikken", "area": None}])
    state = PulseState(api_for=api.client, store=store)
    run(state.open(LinkParts()))
    run(state.sign_out())
    assert (state.phase, state.signed_in, state.pulse) == ("need_token", False, None)
    assert TOKEN_KEY not in store.data


def test_a_leader_signed_in_at_the_console_is_turned_away_and_signed_out():
    store = MemoryStore({TOKEN_KEY: id_token("lea@x.dk")})
    api = FakeApi()
    api.on("GET", "/v1/signin", SIGNIN)
    api.on("GET", "/v1/settings", error(403, "forbidden"))
    state = AdminState(api_for=api.client, store=store)
    run(state.open(None))
    assert (state.phase, state.signin_problem) == ("need_token", "not_admin")
    assert state.console is None and TOKEN_KEY not in store.data
