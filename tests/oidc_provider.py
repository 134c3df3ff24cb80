"""A real OpenID provider for tests (oidc-provider-mock, on a free port), and ID tokens from it.

oidc-provider-mock 0.3.4 registers neither PKCE nor public clients ("none" at the token endpoint
answers invalid_client), which Entra ID has for SPA redirect URIs. `running_provider` turns both on
with authlib's own CodeChallenge (required): a code is exchanged only with its verifier.

Tokens come out of the real flow over HTTP: authorization request with PKCE, the provider's form
posted as a chosen user, the code exchanged at the token endpoint by a public client. For the
tokens a provider would never issue (expired, another audience, alg none, ...) `sign()` uses the
provider's own private key, so only the claim under test is wrong.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import httpx
from joserfc import jwt
from joserfc.jwk import RSAKey

REDIRECT_URI = "http://127.0.0.1:9/signin"  # never opened: the test reads the code off the 302


@dataclass
class Provider:
    """A running provider: its issuer URL, our registered public client and its signing key."""

    issuer: str
    client_id: str
    key: RSAKey
    app: object

    def set_user(self, sub: str, **claims) -> None:
        """Create or replace a user with these claims (e.g. email, groups)."""
        httpx.put(f"{self.issuer}/users/{sub}", json=claims, timeout=10).raise_for_status()

    def id_token(self, sub: str, client_id: str | None = None) -> str:
        """An ID token for `sub`, through the authorization-code flow with PKCE."""
        client_id = client_id or self.client_id
        verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        query = {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": REDIRECT_URI,
            "scope": "openid email",
            "state": secrets.token_urlsafe(8),
            "code_challenge": challenge.rstrip(b"=").decode(),
            "code_challenge_method": "S256",
        }
        with httpx.Client(timeout=10) as http:
            answer = http.post(f"{self.issuer}/oauth2/authorize", params=query, data={"sub": sub})
            assert answer.status_code == 302, answer.text
            code = parse_qs(urlsplit(answer.headers["location"]).query)["code"][0]
            form = {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT_URI,
                "client_id": client_id,
                "code_verifier": verifier,
            }
            auth = None if client_id == self.client_id else (client_id, "any-secret")
            tokens = http.post(f"{self.issuer}/oauth2/token", data=form, auth=auth)
            tokens.raise_for_status()
            return tokens.json()["id_token"]

    def sign(self, claims: dict, key: RSAKey | None = None, alg: str = "RS256") -> str:
        """A token with these claims, signed with the provider's key (or `key`)."""
        key = key or self.key
        return jwt.encode({"alg": alg, "kid": self.key.kid}, claims, key)

    def claims(self, email: str, **changes) -> dict:
        """Claims as the provider would issue them to our client for `email`, with `changes`."""
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": email,
            "email": email,
            "iat": now,
            "exp": now + 3600,
        }
        return {k: v for k, v in (claims | changes).items() if v is not None}


def register_public_client(issuer: str, redirect_uris: list[str]) -> str:
    """Register a public client (no secret: PKCE only), as our app is, and return its id."""
    body = {"redirect_uris": redirect_uris, "token_endpoint_auth_method": "none"}
    answer = httpx.post(f"{issuer}/oauth2/clients", json=body, timeout=10)
    answer.raise_for_status()
    return answer.json()["client_id"]


def _signing_key_with_pkce(app) -> RSAKey:
    """The provider's signing key; on the way, require PKCE and accept public clients."""
    # The provider keeps its key and authorization server where its before-request hook puts
    # them (flask.g); both live as long as the app.
    import flask
    from authlib.oauth2.rfc7636 import CodeChallenge
    from oidc_provider_mock import _app

    challenges: dict[str, tuple[str | None, str | None]] = {}

    class PkceGrant(_app.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]

        def save_authorization_code(self, code, request):
            super().save_authorization_code(code, request)
            data = request.payload.data
            challenges[code] = (data.get("code_challenge"), data.get("code_challenge_method"))

    class StoredChallenge(CodeChallenge):
        def get_authorization_code_challenge(self, authorization_code):
            return challenges.get(authorization_code.code, (None, None))[0]

        def get_authorization_code_challenge_method(self, authorization_code):
            return challenges.get(authorization_code.code, (None, None))[1]

    with app.test_request_context("/"):
        app.preprocess_request()
        server = flask.g._authlib_authorization_server
        for grants in (server._authorization_grants, server._token_grants):
            grants[:] = [
                (PkceGrant, [*(ext or []), StoredChallenge(required=True)])
                if cls is _app.AuthorizationCodeGrant
                else (cls, ext)
                for cls, ext in grants
            ]
        return RSAKey.import_key(flask.g.oidc_provider_mock_storage.jwk.as_dict(is_private=True))


def allowing_origin(app, origin: str):
    """The provider's WSGI app answering CORS for `origin`, as Entra does for SPA redirect URIs.

    oidc-provider-mock sends no CORS headers, so a browser (the static PWA under Pyodide) could
    not read its discovery document nor redeem a code. Both are simple requests (GET; a form POST),
    so the allowing header on the answer is all a browser needs.
    """

    def wrapped(environ, start_response):
        def start(status, headers, exc_info=None):
            headers = [*headers, ("Access-Control-Allow-Origin", origin)]
            return start_response(status, headers, exc_info)

        return app(environ, start)

    return wrapped


@contextlib.contextmanager
def running_provider(
    redirect_uris: list[str] = (REDIRECT_URI,), cors_origin: str | None = None
) -> Iterator[Provider]:
    """oidc-provider-mock on a free port of 127.0.0.1, with a registered public client."""
    import threading

    import werkzeug.serving
    from oidc_provider_mock import app as provider_app

    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain http on the loopback only
    app = provider_app(require_nonce=False)
    served = allowing_origin(app, cors_origin) if cors_origin else app
    server = werkzeug.serving.make_server("127.0.0.1", 0, served, threaded=True)

    key = _signing_key_with_pkce(app)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        issuer = f"http://127.0.0.1:{server.server_port}"
        client_id = register_public_client(issuer, [REDIRECT_URI, *redirect_uris])
        yield Provider(issuer, client_id, key, app)
    finally:
        server.shutdown()
        thread.join(5)
