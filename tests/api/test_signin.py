"""Signing in with a work account: ID tokens from a real OpenID provider (oidc-provider-mock),
checked by the API, and what each signed-in person reaches (issue 15)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import pytest
from joserfc.jwk import RSAKey

from functions.api.signin import Signin
from tests.api.conftest import ADMIN_TOKEN
from tests.oidc_provider import Provider, running_provider

ADMIN = "chef@norddjurs.dk"  # as if from TRYGHEDSPULS_ADMIN_EMAILS


@pytest.fixture(scope="module")
def provider():
    with running_provider() as running:
        for sub, email in (
            ("lea", "lea@norddjurs.dk"),
            ("ole", "Ole@Norddjurs.dk"),
            ("chef", ADMIN),
            ("nobody", "nobody@norddjurs.dk"),
        ):
            running.set_user(sub, email=email, groups=["g-staff"])
        running.set_user("it", email="it@norddjurs.dk", groups=["g-it-admins"])
        yield running


@pytest.fixture
def world(api, services, provider: Provider) -> dict:
    """Given: Nord has Solsikken and Mælkebøtten, both led by Ole; Lea leads Solsikken only;
    Syd has Havet, led by nobody we sign in as."""
    services.signin = Signin(provider.issuer, provider.client_id, (ADMIN,))
    ids = {
        "sol": api.workplace("Solsikken", "Nord"),
        "mælk": api.workplace("Mælkebøtten", "Nord"),
        "hav": api.workplace("Havet", "Syd"),
    }
    leaders = {
        "sol": ["lea@norddjurs.dk", "ole@norddjurs.dk"],
        "mælk": ["ole@norddjurs.dk"],
        "hav": ["someone@norddjurs.dk"],
    }
    for name, addresses in leaders.items():
        answer = api.call(
            "PATCH", f"/v1/workplaces/{ids[name]}", {"leaders": addresses}, ADMIN_TOKEN
        )
        assert answer.status == 200, answer.text
    return ids


def pulse_status(api, workplace_id: str, token: str) -> int:
    return api.get(f"/v1/workplaces/{workplace_id}/pulse", token=token).status


def test_a_leader_sees_the_pulse_of_their_own_workplace_and_no_other(api, world, provider):
    token = provider.id_token("lea")
    assert pulse_status(api, world["sol"], token) == 200
    assert pulse_status(api, world["mælk"], token) == 403
    assert pulse_status(api, world["hav"], token) == 403
    me = api.get("/v1/me", token=token).json
    assert me == {
        "email": "lea@norddjurs.dk",
        "admin": False,
        "workplaces": [{"id": world["sol"], "name": "Solsikken", "area": "Nord"}],
        "areas": [],
        "language": None,  # she chose none (tests/api/test_my_language.py)
    }


def test_a_leader_of_every_workplace_of_an_area_gets_its_roll_up(api, world, provider):
    ole = provider.id_token("ole")  # the provider says "Ole@…": addresses compare lower-case
    me = api.get("/v1/me", token=ole).json
    assert {w["id"] for w in me["workplaces"]} == {world["sol"], world["mælk"]}
    assert me["areas"] == ["Nord"]
    area = api.get("/v1/area-pulse", token=ole, query="area=Nord")
    assert area.status == 200, area.text
    assert {w["name"] for w in area.json["area"]["workplaces"]} == {"Solsikken", "Mælkebøtten"}
    assert "Havet" not in area.text
    assert api.get("/v1/area-pulse", token=ole, query="area=Syd").status == 403
    lea = provider.id_token("lea")  # leads one of Nord's two workplaces: no roll-up
    assert api.get("/v1/area-pulse", token=lea, query="area=Nord").status == 403


def test_leaders_never_reach_the_console(api, world, provider):
    token = provider.id_token("ole")
    for path in ("/v1/workplaces", "/v1/settings", "/v1/audit", "/v1/signin-settings"):
        answer = api.get(path, token=token)
        assert answer.status == 403, path
        assert answer.json["error"]["code"] == "forbidden"


def test_an_administrator_by_address_or_by_group_reaches_everything(api, world, provider):
    chef = provider.id_token("chef")
    assert api.get("/v1/workplaces", token=chef).status == 200
    assert pulse_status(api, world["hav"], chef) == 200
    assert api.get("/v1/me", token=chef).json["admin"] is True
    it = provider.id_token("it")
    assert api.get("/v1/workplaces", token=it).status == 403
    answer = api.call("PUT", "/v1/signin-settings", {"admin_groups": ["g-it-admins"]}, ADMIN_TOKEN)
    assert answer.status == 200, answer.text
    assert api.get("/v1/workplaces", token=it).status == 200


def test_the_audit_log_names_the_administrator_who_made_a_change(api, world, provider):
    chef = provider.id_token("chef")
    answer = api.call("PATCH", f"/v1/workplaces/{world['hav']}", {"name": "Havet 2"}, token=chef)
    assert answer.status == 200, answer.text
    newest = api.get("/v1/audit").json["entries"][0]
    assert (newest["admin"], newest["action"]) == (ADMIN, "workplace.update")


def test_a_removed_leaders_still_valid_token_reaches_nothing(api, world, provider):
    token = provider.id_token("lea")
    assert pulse_status(api, world["sol"], token) == 200
    api.call(
        "PATCH", f"/v1/workplaces/{world['sol']}", {"leaders": ["ole@norddjurs.dk"]}, ADMIN_TOKEN
    )
    assert pulse_status(api, world["sol"], token) == 403
    assert api.get("/v1/me", token=token).status == 403


def test_someone_who_leads_nothing_is_told_so(api, world, provider):
    answer = api.get("/v1/me", token=provider.id_token("nobody"))
    assert answer.status == 403
    assert answer.json["error"]["code"] == "forbidden"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned(claims: dict) -> str:
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    return f"{header}.{b64(json.dumps(claims).encode())}."


def hs256_with_public_key(provider: Provider, claims: dict) -> str:
    """The classic confusion: HMAC keyed with the provider's public key, which anyone can fetch."""
    public = provider.key.as_pem(private=False)
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    signing_input = f"{header}.{b64(json.dumps(claims).encode())}"
    signature = hmac.new(public, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


FORGERIES = {
    "expired": lambda p: p.sign(p.claims(ADMIN, exp=int(time.time()) - 120)),
    "not yet valid": lambda p: p.sign(p.claims(ADMIN, nbf=int(time.time()) + 600)),
    "no expiry": lambda p: p.sign(p.claims(ADMIN, exp=None)),
    "wrong audience": lambda p: p.id_token("chef", client_id="another-app"),
    "wrong issuer": lambda p: p.sign(p.claims(ADMIN, iss="https://login.example.com/evil")),
    "another key": lambda p: p.sign(p.claims(ADMIN), key=RSAKey.generate_key(2048)),
    "alg none": lambda p: unsigned(p.claims(ADMIN)),
    "HS256 with the public key": lambda p: hs256_with_public_key(p, p.claims(ADMIN)),
    "garbage in three parts": lambda p: "abc.def.ghi",
}


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_token_the_provider_did_not_issue_for_us_now_is_refused(api, world, provider, forgery):
    token = FORGERIES[forgery](provider)
    for path in ("/v1/workplaces", "/v1/me", f"/v1/workplaces/{world['sol']}/pulse"):
        answer = api.get(path, token=token)
        assert answer.status == 401, f"{path}: {answer.status} {answer.text}"
        assert answer.json["error"]["code"] == "unauthorized"


def test_the_same_claims_signed_properly_are_accepted(api, world, provider):
    # The control for the forgeries above: only the one thing each changes makes it fail.
    assert api.get("/v1/workplaces", token=provider.sign(provider.claims(ADMIN))).status == 200


def test_viewer_links_can_be_turned_off_for_only_signed_in_leaders(api, world, provider):
    viewer = api.viewer_token(world["sol"])
    assert pulse_status(api, world["sol"], viewer) == 200
    answer = api.call("PUT", "/v1/signin-settings", {"viewer_links": False}, ADMIN_TOKEN)
    assert answer.status == 200 and answer.json["viewer_links"] is False
    assert pulse_status(api, world["sol"], viewer) == 403
    assert pulse_status(api, world["sol"], provider.id_token("lea")) == 200
    assert pulse_status(api, world["sol"], ADMIN_TOKEN) == 200  # the break-glass token


def test_without_an_issuer_the_product_runs_as_today(api, services, provider):
    assert services.signin is None
    assert api.get("/v1/signin", token=None).json == {
        "enabled": False,
        "issuer": None,
        "client_id": None,
    }
    assert api.get("/v1/workplaces", token=provider.sign(provider.claims(ADMIN))).status == 401
    assert api.get("/v1/workplaces").status == 200


def test_the_app_learns_the_provider_from_the_api(api, world, provider):
    assert api.get("/v1/signin", token=None).json == {
        "enabled": True,
        "issuer": provider.issuer,
        "client_id": provider.client_id,
    }
