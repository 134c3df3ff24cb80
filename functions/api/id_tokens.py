"""Checking the OpenID provider's ID tokens: one module for the Lambda functions and `serve`.

Which token: the ID token. Its audience is our client id, it is a signed JWT at every provider
(oidc-provider-mock's access tokens are opaque; Entra's are for Microsoft Graph unless an API
scope is exposed), and the app holds nothing else. It is checked here on every request:

- the signature, with the provider's published keys (discovery → jwks_uri), cached in the
  process and fetched again when a token names a key id we do not have (at most once a minute,
  so a stream of made-up key ids cannot turn us into a load generator against the provider);
- only asymmetric algorithms: `none`, HS256 signed with the public key and the like are refused
  before any key is looked at;
- issuer and audience exactly, expiry required, not-before when present, 60 s leeway for clocks.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Callable

from joserfc import jws, jwt
from joserfc.errors import ExpiredTokenError, JoseError
from joserfc.jwk import KeySet

from functions.domain.errors import SigninUnavailable, Unauthorized
from functions.domain.models import SignedInPerson

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
LEEWAY_SECONDS = 60
REFRESH_AT_MOST_EVERY = 60.0  # seconds between fetches of the keys on an unknown key id
KEYS_KEPT_FOR = 24 * 3600.0  # fetch the keys again after a day even if every kid is known


def fetch_json(url: str) -> dict:
    """GET a JSON document (discovery, keys) with a short timeout; the standard library only."""
    if not url.startswith(("https://", "http://")):
        raise SigninUnavailable("The sign-in provider's address is not http(s).")
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310
            return json.loads(answer.read(1_000_000))
    except (OSError, ValueError) as error:
        raise SigninUnavailable("The sign-in provider cannot be reached.") from error


def looks_like_jwt(token: str) -> bool:
    """Three dot-separated parts: a JWT, never one of our own tokens (URL-safe base64, no dots)."""
    return token.count(".") == 2


class ProviderKeys:
    """The provider's published keys, from its discovery document, kept in this process."""

    def __init__(
        self,
        issuer: str,
        fetch: Callable[[str], dict] = fetch_json,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.issuer = issuer
        self._fetch = fetch
        self._clock = clock
        self._keys: KeySet | None = None
        self._fetched_at = float("-inf")
        self._lock = threading.Lock()
        self.fetches = 0  # how often the keys were fetched (tests and the bench read it)

    def _load(self) -> None:
        discovery = self._fetch(self.issuer.rstrip("/") + "/.well-known/openid-configuration")
        if discovery.get("issuer") != self.issuer or not discovery.get("jwks_uri"):
            raise SigninUnavailable("The sign-in provider's discovery document does not match.")
        try:
            self._keys = KeySet.import_key_set(self._fetch(discovery["jwks_uri"]))
        except (JoseError, ValueError, TypeError, KeyError) as error:
            raise SigninUnavailable("The sign-in provider's keys cannot be read.") from error
        self._fetched_at = self._clock()
        self.fetches += 1

    def key_for(self, kid: str | None):
        """The public key with this id; fetched again once if unknown; Unauthorized if still so."""
        with self._lock:
            age = self._clock() - self._fetched_at
            if self._keys is None or age > KEYS_KEPT_FOR:
                self._load()
            key = self._find(kid)
            if key is None and age > REFRESH_AT_MOST_EVERY:
                self._load()  # the provider may have rotated its keys
                key = self._find(kid)
        if key is None:
            raise Unauthorized("The sign-in token names a key the provider does not publish.")
        return key

    def _find(self, kid: str | None):
        keys = self._keys.keys if self._keys else []
        if kid is None:
            return keys[0] if len(keys) == 1 else None
        return next((k for k in keys if k.kid == kid), None)


class IdTokenVerifier:
    """Checks an ID token of one issuer for one client id and says who signed in."""

    def __init__(
        self, issuer: str, client_id: str, keys: ProviderKeys | None = None, now=None
    ) -> None:
        self.issuer, self.client_id = issuer, client_id
        self.keys = keys or ProviderKeys(issuer)
        self._now = now  # a callable giving epoch seconds; None: the real clock

    def verify(self, token: str) -> SignedInPerson:
        """The person behind a valid ID token; Unauthorized for anything else."""
        try:
            header = jws.extract_compact(token.encode("ascii")).protected
        except (JoseError, ValueError, UnicodeError) as error:
            raise Unauthorized("The sign-in token cannot be read.") from error
        if header.get("alg") not in ALGORITHMS:
            raise Unauthorized("The sign-in token is not signed the way the provider signs.")
        key = self.keys.key_for(header.get("kid"))
        registry = jwt.JWTClaimsRegistry(
            now=self._now,
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": self.issuer},
            aud={"essential": True, "value": self.client_id},
            exp={"essential": True},
        )
        try:
            claims = jwt.decode(token, key, algorithms=list(ALGORITHMS)).claims
            registry.validate(claims)
        except ExpiredTokenError as error:
            raise Unauthorized("The sign-in has expired; sign in again.") from error
        except (JoseError, ValueError, TypeError) as error:
            raise Unauthorized("The sign-in token is not valid here.") from error
        return person_of(claims)


def person_of(claims: dict) -> SignedInPerson:
    """The address and groups of verified claims (Entra: `email`, else `preferred_username`)."""
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        email = claims.get("preferred_username")
    if not isinstance(email, str) or "@" not in email or len(email) > 254:
        raise Unauthorized("The sign-in token carries no e-mail address.")
    listed = claims.get("groups")
    listed = listed if isinstance(listed, list) else []
    groups = tuple(g for g in listed if isinstance(g, str))[:200]
    return SignedInPerson(email=email.strip().lower(), groups=groups)


_verifiers: dict[tuple[str, str], IdTokenVerifier] = {}


def verifier_for(issuer: str, client_id: str) -> IdTokenVerifier:
    """One verifier (and key cache) per issuer and client id for the life of the process."""
    found = _verifiers.get((issuer, client_id))
    if found is None:
        found = _verifiers[(issuer, client_id)] = IdTokenVerifier(issuer, client_id)
    return found
