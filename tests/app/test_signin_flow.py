"""The app's own sign-in flow (app/signin/flow.py) against a real OpenID provider: PKCE, the state
check, keeping only the ID token, and forgetting it when it ends."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.client.api import ApiClient
from app.client.storage import MemoryStore
from app.client.transport import HttpxTransport
from app.signin import flow
from tests.oidc_provider import REDIRECT_URI, running_provider


class Recording(HttpxTransport):
    """The real transport, noting the headers of each request."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, dict]] = []

    async def request(self, method, url, *, headers, body=None, timeout=10.0):
        self.sent.append((url, dict(headers)))
        return await super().request(method, url, headers=headers, body=body, timeout=timeout)


class OurApi(ApiClient):
    """Our API as far as sign-in goes: it names the provider (the rest is the real provider)."""

    def __init__(self, provider):
        super().__init__("http://127.0.0.1:9/api", Recording())
        self.provider = provider

    async def signin_facts(self) -> dict:
        return {
            "enabled": True,
            "issuer": self.provider.issuer,
            "client_id": self.provider.client_id,
        }


@pytest.fixture(scope="module")
def provider():
    with running_provider() as running:
        running.set_user("lea", email="lea@norddjurs.dk")
        yield running


def run(coro):
    return asyncio.run(coro)


def authorize_as(url: str, sub: str) -> str:
    """What the browser does at the provider: sign in as `sub`; the address it is sent back to."""
    answer = httpx.post(url, data={"sub": sub}, timeout=10)
    assert answer.status_code == 302, answer.text
    return answer.headers["location"]


def back_route(location: str) -> str:
    """The app's route for the provider's redirect (/signin?code=…&state=…)."""
    return "/signin?" + urlsplit(location).query


def test_a_sign_in_keeps_the_id_token_and_goes_on_to_where_it_started(provider):
    store = MemoryStore()

    async def story() -> str:
        api = OurApi(provider)
        url = await flow.begin(api, store, REDIRECT_URI, "/admin")
        query = parse_qs(urlsplit(url).query)
        # The request carries a S256 challenge, never the verifier itself
        assert query["code_challenge_method"] == ["S256"]
        assert query["code_challenge"][0] != ""
        next_route = await flow.finish(api, store, back_route(authorize_as(url, "lea")))
        await api.transport.aclose()
        # Redeemed by the server process, as a browser on the app's origin would (Entra's SPA rule)
        [(_, headers)] = [sent for sent in api.transport.sent if sent[0].endswith("/token")]
        assert headers["Origin"] == "http://127.0.0.1:9"
        return next_route

    assert run(story()) == "/admin"
    token = run(flow.kept_token(store))
    assert flow.claims_of(token)["email"] == "lea@norddjurs.dk"
    assert run(store.get(flow.PENDING_KEY)) is None  # the verifier is used once


def test_a_return_this_browser_did_not_start_is_refused(provider):
    store, other_browser = MemoryStore(), MemoryStore()

    async def story() -> None:
        api = OurApi(provider)
        url = await flow.begin(api, other_browser, REDIRECT_URI, "/pulse")
        await flow.begin(api, store, REDIRECT_URI, "/pulse")
        with pytest.raises(flow.SigninFailed) as failed:
            await flow.finish(api, store, back_route(authorize_as(url, "lea")))
        await api.transport.aclose()
        assert failed.value.reason == "stale"

    run(story())
    assert run(flow.kept_token(store)) is None


def test_the_provider_refuses_a_code_without_its_verifier(provider):
    # The provider really checks PKCE: a stolen code is worth nothing without the verifier
    store = MemoryStore()

    async def story() -> None:
        api = OurApi(provider)
        url = await flow.begin(api, store, REDIRECT_URI, "/pulse")
        pending = await store.get(flow.PENDING_KEY)
        await store.set(flow.PENDING_KEY, pending.replace('"verifier": "', '"verifier": "x'))
        with pytest.raises(flow.SigninFailed) as failed:
            await flow.finish(api, store, back_route(authorize_as(url, "lea")))
        await api.transport.aclose()
        assert failed.value.reason == "provider_refused"

    run(story())


def test_an_ended_token_is_forgotten():
    store = MemoryStore()
    token = "e30." + "eyJleHAiOiAxMDAwfQ" + ".sig"  # {"exp": 1000}
    run(store.set(flow.TOKEN_KEY, token))
    assert run(flow.kept_token(store, now=900)) == token
    assert run(flow.kept_token(store, now=time.time())) is None
    assert run(store.get(flow.TOKEN_KEY)) is None


def test_the_provider_sends_the_browser_back_to_signin_or_to_signin_html_when_static():
    assert flow.redirect_uri("http://127.0.0.1:8550") == "http://127.0.0.1:8550/signin"
    static = "https://puls.norddjurs.dk/app/#"
    assert flow.redirect_uri(static) == "https://puls.norddjurs.dk/app/signin.html"
