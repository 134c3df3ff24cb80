"""The sign-in flow, run by the app itself, so it is the same in `serve` and in the static PWA.

1. `begin()`: ask our API which provider (GET /v1/signin), read the provider's discovery document,
   keep a fresh PKCE verifier and state in the browser's storage, and return the provider's
   authorization address. The view sends the browser there (same tab).
2. The provider sends the browser back to our redirect URI with `?code=…&state=…`: served, that
   is the app's /signin route; the static build has `signin.html`, which hands the query on to
   `#/signin`. Either way a new app session starts there and finds the verifier in storage.
3. `finish()`: check the state, exchange the code (and the verifier) for tokens with a plain
   form POST to the provider's token endpoint — from the server process when served, from the
   browser under Pyodide (the provider must allow our origin: Entra does for SPA redirect URIs) —
   and keep only the ID token. Our API checks that token on every request.

The ID token lives in this browser's storage until it expires or the person signs out; its claims
are read here only to know when it ends and whose it is (the API does the real checking).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import sys
import time
from urllib.parse import parse_qs, urlencode, urlsplit

from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.client.storage import KeyValueStore

PENDING_KEY = "tryghedspuls.signin.pending"
TOKEN_KEY = "tryghedspuls.signin.token"  # noqa: S105 (a storage key, not a secret)
EARLY_SECONDS = 30  # treat a token as ended this much before its expiry: a request takes time


class SigninFailed(Exception):
    """The sign-in could not be completed; `reason` is a locale key suffix (signin.problem.*)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def code_challenge(verifier: str) -> str:
    """The S256 challenge of a PKCE verifier (RFC 7636)."""
    return _b64(hashlib.sha256(verifier.encode("ascii")).digest())


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


async def _json(
    api: ApiClient, url: str, form: dict | None = None, origin: str | None = None
) -> dict:
    """GET (or form-POST) a provider document with the app's transport."""
    headers = {"Accept": "application/json"}
    body = None
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urlencode(form).encode("ascii")
    if origin and sys.platform != "emscripten":
        # Served, the server process redeems the code for the browser. Entra redeems codes of
        # SPA redirect URIs only for cross-origin requests (AADSTS9002327 otherwise), so say
        # which origin the app runs on, as the browser would. (A browser sets Origin itself.)
        headers["Origin"] = origin
    answer = await api.transport.request(
        "POST" if form is not None else "GET", url, headers=headers, body=body, timeout=15
    )
    if answer.status >= 400:
        raise SigninFailed("provider_refused")
    try:
        return json.loads(answer.body)
    except ValueError as error:
        raise SigninFailed("provider_refused") from error


async def signin_enabled(api: ApiClient) -> bool:
    """Whether this deployment has sign-in with a work account."""
    try:
        return bool((await api.signin_facts()).get("enabled"))
    except (ApiError, Offline):
        return False


async def begin(api: ApiClient, store: KeyValueStore, redirect_uri: str, next_route: str) -> str:
    """Prepare a sign-in and return the provider's authorization URL to send the browser to."""
    try:
        facts = await api.signin_facts()
    except (ApiError, Offline) as error:
        raise SigninFailed("offline") from error
    if not facts.get("enabled"):
        raise SigninFailed("not_enabled")
    issuer = facts["issuer"]
    try:
        discovery = await _json(api, issuer.rstrip("/") + "/.well-known/openid-configuration")
    except Offline as error:
        raise SigninFailed("offline") from error
    verifier, state = secrets.token_urlsafe(48), secrets.token_urlsafe(16)
    pending = {
        "state": state,
        "verifier": verifier,
        "redirect_uri": redirect_uri,
        "client_id": facts["client_id"],
        "token_endpoint": discovery["token_endpoint"],
        "next": next_route,
    }
    await store.set(PENDING_KEY, json.dumps(pending))
    query = {
        "response_type": "code",
        "client_id": facts["client_id"],
        "redirect_uri": redirect_uri,
        "scope": "openid email profile",
        "state": state,
        "code_challenge": code_challenge(verifier),
        "code_challenge_method": "S256",
    }
    return f"{discovery['authorization_endpoint']}?{urlencode(query)}"


async def finish(api: ApiClient, store: KeyValueStore, route: str) -> str:
    """Exchange the code in `route`'s query for an ID token, keep it; the route to go on to."""
    query = parse_qs(urlsplit(route).query)
    pending_text = await store.get(PENDING_KEY)
    await store.remove(PENDING_KEY)  # a code and its verifier are used once, whatever happens
    if "error" in query:
        raise SigninFailed("cancelled")
    pending = json.loads(pending_text) if pending_text else None
    state = (query.get("state") or [None])[0]
    if not pending or not state or not secrets.compare_digest(state, pending["state"]):
        raise SigninFailed("stale")  # not the sign-in this browser started
    code = (query.get("code") or [None])[0]
    if not code:
        raise SigninFailed("stale")
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": pending["redirect_uri"],
        "client_id": pending["client_id"],
        "code_verifier": pending["verifier"],
    }
    try:
        origin = _origin_of(pending["redirect_uri"])
        tokens = await _json(api, pending["token_endpoint"], form, origin)
    except Offline as error:
        raise SigninFailed("offline") from error
    token = tokens.get("id_token")
    if not isinstance(token, str) or token.count(".") != 2:
        raise SigninFailed("provider_refused")
    await store.set(TOKEN_KEY, token)
    return pending.get("next") or "/pulse"


def claims_of(token: str) -> dict:
    """The token's claims, unverified: only to show whose it is and when it ends."""
    try:
        payload = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}


async def kept_token(store: KeyValueStore, now: float | None = None) -> str | None:
    """The kept ID token while it lasts; an ended one is forgotten."""
    token = await store.get(TOKEN_KEY)
    if not token:
        return None
    expires = claims_of(token).get("exp")
    if not isinstance(expires, (int, float)) or expires - EARLY_SECONDS <= (now or time.time()):
        await store.remove(TOKEN_KEY)
        return None
    return token


async def sign_out(store: KeyValueStore) -> None:
    """Forget the ID token on this browser (the provider's own session is the provider's)."""
    await store.remove(TOKEN_KEY)
    await store.remove(PENDING_KEY)


def redirect_uri(link_base: str) -> str:
    """Where the provider sends the browser back: /signin, or signin.html in the static build.

    `link_base` is app.config.link_base(page.url): an origin for path routes, or the page's address
    up to and with "#" for the static build, where a redirect URI cannot hold a fragment.
    """
    if link_base.endswith("#"):
        page = link_base[:-1]
        return page[: page.rfind("/") + 1] + "signin.html"
    return f"{link_base}/signin"


async def save_language(api: ApiClient, lang: str) -> None:
    """Keep the signed-in person's language for their Monday e-mail (PUT /v1/me/language)."""
    try:
        await api.save_my_language(lang)
    except (ApiError, Offline):
        # The screen has switched either way; the e-mail keeps the language saved before, and
        # the next switch tries again. A session that ended shows at the next load.
        return
