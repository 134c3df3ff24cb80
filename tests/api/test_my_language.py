"""PUT /v1/me/language: a signed-in leader or administrator keeps the language of their Monday
e-mail, and GET /v1/me gives it back (the app opens in it); ID tokens from a real OpenID provider
(oidc-provider-mock), through the functions' handlers and, last, over HTTP to `serve`."""

from __future__ import annotations

import httpx
import pytest

from functions.api.signin import Signin
from functions.domain.digest_recipients import address_hash
from tests.api.conftest import ADMIN_TOKEN
from tests.oidc_provider import running_provider
from tests.serving import TEST_ADMIN_TOKEN, running_server

ADMIN = "chef@norddjurs.dk"  # as if from TRYGHEDSPULS_ADMIN_EMAILS


@pytest.fixture(scope="module")
def provider():
    with running_provider() as running:
        running.set_user("lea", email="Lea@Norddjurs.dk")
        running.set_user("chef", email=ADMIN)
        running.set_user("nobody", email="nobody@norddjurs.dk")
        yield running


@pytest.fixture
def signed_in(api, services, provider):
    """Given: sign-in is on, and Lea leads Solsikken."""
    services.signin = Signin(provider.issuer, provider.client_id, (ADMIN,))
    workplace = api.post("/v1/workplaces", {"name": "Solsikken"}).json["id"]
    leaders = {"leaders": ["lea@norddjurs.dk"]}
    assert api.call("PATCH", f"/v1/workplaces/{workplace}", leaders, ADMIN_TOKEN).status == 200
    return provider


def put_language(api, body, token):
    return api.call("PUT", "/v1/me/language", body, token)


def test_a_signed_in_leader_saves_their_language(api, services, signed_in):
    answer = put_language(api, {"language": "en"}, signed_in.id_token("lea"))
    assert (answer.status, answer.text) == (204, "")
    # Kept by the hash of the address (as the provider wrote it, compared lower-case), nothing else
    assert services.store.list_languages() == {address_hash("lea@norddjurs.dk"): "en"}
    assert put_language(api, {"language": "da"}, signed_in.id_token("lea")).status == 204
    assert services.store.list_languages() == {address_hash("lea@norddjurs.dk"): "da"}


def test_a_signed_in_administrator_saves_theirs(api, services, signed_in):
    assert put_language(api, {"language": "en"}, signed_in.id_token("chef")).status == 204
    assert services.store.list_languages() == {address_hash(ADMIN): "en"}


@pytest.mark.parametrize(
    "body", [{"language": "de"}, {"language": "EN"}, {"language": ""}, {}, {"language": 1}]
)
def test_anything_but_da_or_en_is_refused_and_nothing_is_kept(api, services, signed_in, body):
    answer = put_language(api, body, signed_in.id_token("lea"))
    assert answer.status == 400, answer.text
    assert answer.json["error"]["code"] == "invalid_request"
    assert services.store.list_languages() == {}


def test_without_a_valid_token_it_is_401(api, services, signed_in):
    assert put_language(api, {"language": "en"}, None).status == 401
    assert put_language(api, {"language": "en"}, "not-a-token").status == 401
    assert services.store.list_languages() == {}


def test_the_admin_token_and_someone_who_leads_nothing_are_refused(api, services, signed_in):
    # The admin token stands for no one; a signed-in person who leads nothing gets no e-mail
    assert put_language(api, {"language": "en"}, ADMIN_TOKEN).status == 403
    assert put_language(api, {"language": "en"}, signed_in.id_token("nobody")).status == 403
    assert services.store.list_languages() == {}


# --- GET /v1/me gives the kept language back, so the app opens in it after a sign-in ----------
def my_language(api, token):
    answer = api.get("/v1/me", token=token)
    assert answer.status == 200, answer.text
    return answer.json["language"]


def test_me_answers_the_language_put_before(api, services, signed_in):
    token = signed_in.id_token("lea")
    assert put_language(api, {"language": "en"}, token).status == 204
    assert my_language(api, token) == "en"
    assert put_language(api, {"language": "da"}, token).status == 204
    assert my_language(api, token) == "da"


@pytest.mark.parametrize("language", ["da", "en"])
def test_me_answers_a_language_kept_by_the_organisation_file(api, services, signed_in, language):
    # Kept by another way in (import-org's sprog column): by the hash of the address only
    services.store.put_language(address_hash("lea@norddjurs.dk"), language)
    assert my_language(api, signed_in.id_token("lea")) == language


def test_me_answers_null_when_none_is_kept(api, services, signed_in):
    # Lea has chosen nothing; someone else's choice is not hers
    services.store.put_language(address_hash(ADMIN), "en")
    assert my_language(api, signed_in.id_token("lea")) is None
    assert my_language(api, signed_in.id_token("chef")) == "en"


def test_me_with_the_admin_token_has_no_language(api, services, signed_in):
    # The admin token stands for no one, whatever languages are kept
    services.store.put_language(address_hash(ADMIN), "en")
    assert my_language(api, ADMIN_TOKEN) is None


def test_me_still_refuses_viewer_links_and_those_who_lead_nothing(api, services, signed_in):
    services.store.put_language(address_hash("nobody@norddjurs.dk"), "en")
    workplace = api.get("/v1/workplaces").json["workplaces"][0]["id"]
    assert api.get("/v1/me", token=api.viewer_token(workplace)).status == 403
    assert api.get("/v1/me", token=signed_in.id_token("nobody")).status == 403


@pytest.fixture(scope="module")
def served(provider, tmp_path_factory):
    """Given `tryghedspuls serve` on a real port that trusts the provider; Lea leads Solsikken."""
    env = {
        "TRYGHEDSPULS_OIDC_ISSUER": provider.issuer,
        "TRYGHEDSPULS_OIDC_CLIENT_ID": provider.client_id,
    }
    with running_server(tmp_path_factory.mktemp("language") / "data", env=env) as server:
        admin = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
        body = {"name": "Solsikken", "leaders": ["lea@norddjurs.dk"]}
        httpx.post(f"{server.api}/v1/workplaces", json=body, headers=admin).raise_for_status()
        yield server


def test_over_http_me_answers_null_then_each_language_put(served, provider):
    lea = {"Authorization": f"Bearer {provider.id_token('lea')}"}

    def language() -> str | None:
        answer = httpx.get(f"{served.api}/v1/me", headers=lea, timeout=10)
        assert answer.status_code == 200, answer.text
        return answer.json()["language"]

    assert language() is None
    for chosen in ("en", "da"):
        put = httpx.put(f"{served.api}/v1/me/language", json={"language": chosen}, headers=lea)
        assert put.status_code == 204, put.text
        assert language() == chosen
