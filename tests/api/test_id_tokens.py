"""The provider's keys: fetched once, fetched again for a key id we do not know (not too often),
and a provider that cannot be reached is a 503, never a 500 nor a way in."""

from __future__ import annotations

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from functions.api.id_tokens import IdTokenVerifier, ProviderKeys, fetch_json
from functions.api.signin import Signin
from functions.domain.errors import Unauthorized
from tests.oidc_provider import running_provider


class Counting:
    """fetch_json, counted: how often the provider was asked."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: str) -> dict:
        self.urls.append(url)
        return fetch_json(url)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def provider():
    with running_provider() as running:
        running.set_user("lea", email="lea@norddjurs.dk")
        yield running


def test_keys_are_fetched_once_for_many_tokens(provider):
    fetch = Counting()
    verifier = IdTokenVerifier(
        provider.issuer, provider.client_id, ProviderKeys(provider.issuer, fetch)
    )
    token = provider.id_token("lea")
    for _ in range(20):
        assert verifier.verify(token).email == "lea@norddjurs.dk"
    assert fetch.urls == [
        f"{provider.issuer}/.well-known/openid-configuration",
        f"{provider.issuer}/jwks",
    ]


def test_an_unknown_key_id_fetches_the_keys_again_but_not_on_every_request(provider):
    fetch, clock = Counting(), Clock()
    keys = ProviderKeys(provider.issuer, fetch, clock)
    verifier = IdTokenVerifier(provider.issuer, provider.client_id, keys)
    verifier.verify(provider.id_token("lea"))
    stranger = RSAKey.generate_key(2048)
    header = {"alg": "RS256", "kid": "rotated-away"}
    unknown_kid = jwt.encode(header, provider.claims("lea@norddjurs.dk"), stranger)
    # Within a minute of the last fetch an unknown kid is refused without asking the provider
    clock.now += 10
    with pytest.raises(Unauthorized):
        verifier.verify(unknown_kid)
    assert keys.fetches == 1
    # Later it asks once (the provider may have rotated its keys), and still refuses
    clock.now += 120
    with pytest.raises(Unauthorized):
        verifier.verify(unknown_kid)
    assert keys.fetches == 2
    with pytest.raises(Unauthorized):
        verifier.verify(unknown_kid)
    assert keys.fetches == 2


def test_an_unreachable_provider_is_a_503_for_signed_in_callers_only(api, services, provider):
    services.signin = Signin("http://127.0.0.1:9", provider.client_id)  # nothing listens there
    answer = api.get("/v1/me", token=provider.id_token("lea"))
    assert answer.status == 503
    assert answer.json["error"]["code"] == "sign_in_unavailable"
    assert api.get("/v1/workplaces").status == 200  # the admin token needs no provider
