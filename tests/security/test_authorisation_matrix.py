"""Every route of the OpenAPI document × every kind of caller → the expected status, over HTTP to
a real server; a refused call changes nothing, and no answer carries another workplace's data."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import pytest

from tests.oidc_provider import Provider
from tests.security.conftest import SIGNED_IN_ADMIN, pair
from tests.serving import TEST_ADMIN_TOKEN

# Sign-in tokens the provider did not issue for us, now (tests/api/test_signin.py has more).
FORGED = (
    "expired sign-in",
    "sign-in for another app",
    "sign-in from another issuer",
    "sign-in signed by another key",
    "unsigned sign-in",
)
# Callers that are nobody: no token, a malformed header, a token we never made, revoked ones.
NOBODY = ("no token", "malformed", "unknown", "revoked device", "revoked viewer", *FORGED)
CALLERS = NOBODY + (
    "device of another workplace",
    "viewer of another workplace",
    "leader of another workplace",
    "removed leader",  # signed in with a valid token, no longer among A's leaders
    "viewer",
    "device",
    "leader",  # signed in, among A's leaders (and so its area's: A is alone there)
    "signed-in admin",
    "admin",  # last: its calls may use up what the route acts on
)
DEVICES = ("device", "device of another workplace")
VIEWER_ROUTES = (
    "GET /v1/workplaces/{workplace_id}/pulse",
    "GET /v1/workplaces/{workplace_id}/pulse.csv",
    "GET /v1/workplaces/{workplace_id}/pulse.pdf",
)
KIOSK_ROUTES = ("GET /v1/kiosk", "POST /v1/checkins", "POST /v1/completions", "POST /v1/heartbeat")
# Whose data each caller may see: the workplace it belongs to ("A", "B"), all, or none.
SCOPE = {
    "device": "A",
    "viewer": "A",
    "device of another workplace": "B",
    "viewer of another workplace": "B",
    "leader": "A",
    "leader of another workplace": "B",
    "removed leader": "",
    "signed-in admin": "AB",
    "admin": "AB",
}
SIGNED_IN = {
    "leader": "leader-a@norddjurs.dk",
    "leader of another workplace": "leader-b@norddjurs.dk",
    "removed leader": "former-a@norddjurs.dk",
    "signed-in admin": SIGNED_IN_ADMIN,
}


@dataclass(frozen=True)
class Call:
    """One request: method, path, query and JSON body."""

    method: str
    path: str
    query: dict | None = None
    body: dict | None = None


class World:
    """Two workplaces, A and B, each with a tablet, a viewer link and a sentence; a revoked
    tablet and viewer link of A; and spare things for the routes that delete."""

    def __init__(self, admin: httpx.Client, provider: Provider) -> None:
        self.admin = admin
        tag = secrets.token_hex(3)
        self.names = {"A": f"Alfa {tag}", "B": f"Bravo {tag}"}
        self.areas = {"A": f"Nord {tag}", "B": f"Syd {tag}"}
        self.ids = {
            side: admin.post(
                "/v1/workplaces", json={"name": self.names[side], "area": self.areas[side]}
            ).json()["id"]
            for side in "AB"
        }
        self.a = self.ids["A"]
        self.sentences = {side: f"vi deler hemmelighed {side.lower()}{tag}" for side in "AB"}
        devices = {side: pair(admin, self.ids[side]) for side in "AB"}
        viewers = {side: self._viewer(self.ids[side]) for side in "AB"}
        revoked_device = pair(admin, self.a)
        admin.delete(f"/v1/devices/{revoked_device['device_id']}").raise_for_status()
        revoked_viewer = self._viewer(self.a)
        admin.delete(f"/v1/viewer-tokens/{revoked_viewer['token_id']}").raise_for_status()
        for side, leaders in (("A", ["leader-a", "former-a"]), ("B", ["leader-b"])):
            addresses = [f"{name}@norddjurs.dk" for name in leaders]
            patch = admin.patch(f"/v1/workplaces/{self.ids[side]}", json={"leaders": addresses})
            patch.raise_for_status()
        signed_in = {}
        for caller, email in SIGNED_IN.items():
            provider.set_user(email, email=email)
            signed_in[caller] = f"Bearer {provider.id_token(email)}"
        admin.patch(
            f"/v1/workplaces/{self.a}", json={"leaders": ["leader-a@norddjurs.dk"]}
        ).raise_for_status()
        self.tokens = {
            **{caller: f"Bearer {token}" for caller, token in forged(provider).items()},
            **signed_in,
            "no token": None,
            "malformed": "Basic YWRtaW46YWRtaW4=",
            "unknown": f"Bearer {secrets.token_urlsafe(32)}",
            "revoked device": f"Bearer {revoked_device['device_token']}",
            "revoked viewer": f"Bearer {revoked_viewer['token']}",
            "device of another workplace": f"Bearer {devices['B']['device_token']}",
            "viewer of another workplace": f"Bearer {viewers['B']['token']}",
            "viewer": f"Bearer {viewers['A']['token']}",
            "device": f"Bearer {devices['A']['device_token']}",
            "admin": f"Bearer {TEST_ADMIN_TOKEN}",
        }
        self.prompt_id = self._as("device").get("/v1/kiosk").json()["prompt"]["id"]
        for side, caller in (("A", "device"), ("B", "device of another workplace")):
            sentence = completions(self.prompt_id, self.sentences[side])
            self._as(caller).post("/v1/completions", json=sentence)
            self._as(caller).post("/v1/checkins", json=checkins(6))
        self.completion_id = admin.get(f"/v1/workplaces/{self.a}/completions").json()[
            "completions"
        ][0]["id"]
        self.spare_device = pair(admin, self.a, "Reserve")["device_id"]
        self.spare_viewer = self._viewer(self.a)["token_id"]
        self.settings = admin.get("/v1/settings").json()
        self.order = admin.get("/v1/rotation").json()["order"]

    def _viewer(self, workplace_id: str) -> dict:
        return self.admin.post(f"/v1/workplaces/{workplace_id}/viewer-tokens").json()

    def _as(self, caller: str) -> httpx.Client:
        token = self.tokens[caller]
        headers = {"Authorization": token} if token else {}
        return httpx.Client(base_url=str(self.admin.base_url), headers=headers, timeout=30)

    def secrets_outside(self, scope: str) -> list[str]:
        """Names, ids and sentences of the workplaces a caller of `scope` must never see."""
        hidden = [side for side in "AB" if side not in scope]
        return [
            value
            for side in hidden
            for value in (self.names[side], self.areas[side], self.ids[side], self.sentences[side])
        ]

    def send(self, caller: str, call: Call) -> httpx.Response:
        """Send one call as this caller."""
        with self._as(caller) as client:
            return client.request(call.method, call.path, params=call.query, json=call.body)


def forged(provider: Provider) -> dict[str, str]:
    """The FORGED callers' tokens: each right but for one thing."""
    from joserfc.jwk import RSAKey

    from tests.api.test_signin import unsigned

    claims = provider.claims(SIGNED_IN_ADMIN)
    return {
        "expired sign-in": provider.sign(claims | {"exp": claims["iat"] - 3600}),
        "sign-in for another app": provider.id_token(SIGNED_IN_ADMIN, client_id="another-app"),
        "sign-in from another issuer": provider.sign(claims | {"iss": "https://evil.example"}),
        "sign-in signed by another key": provider.sign(claims, key=RSAKey.generate_key(2048)),
        "unsigned sign-in": unsigned(claims),
    }


def checkins(count: int) -> dict:
    at = datetime.now(UTC).isoformat()
    return {"checkins": [{"id": str(uuid.uuid4()), "score": 7, "at": at} for _ in range(count)]}


def completions(prompt_id: str, text: str) -> dict:
    item = {"id": str(uuid.uuid4()), "prompt_id": prompt_id, "text": text}
    return {"completions": [item | {"at": datetime.now(UTC).isoformat()}]}


# What each route is sent, and the status it answers when allowed.
ROUTES: dict[str, tuple[Callable[[World], Call], int]] = {
    "GET /v1/content": (lambda w: Call("GET", "/v1/content"), 200),
    "GET /v1/openapi.json": (lambda w: Call("GET", "/v1/openapi.json"), 200),
    "GET /v1/signin": (lambda w: Call("GET", "/v1/signin"), 200),
    "GET /v1/me": (lambda w: Call("GET", "/v1/me"), 200),
    "GET /v1/area-pulse": (
        lambda w: Call("GET", "/v1/area-pulse", query={"area": w.areas["A"]}),
        200,
    ),
    "PUT /v1/me/language": (
        lambda w: Call("PUT", "/v1/me/language", body={"language": "en"}),
        204,
    ),
    "GET /v1/signin-settings": (lambda w: Call("GET", "/v1/signin-settings"), 200),
    "PUT /v1/signin-settings": (
        lambda w: Call("PUT", "/v1/signin-settings", body={"viewer_links": True}),
        200,
    ),
    "POST /v1/pair": (
        lambda w: Call(
            "POST",
            "/v1/pair",
            body={
                "code": w.admin.post(f"/v1/workplaces/{w.a}/pairing-codes").json()["code"],
                "device_name": "Ny",
            },
        ),
        201,
    ),
    "GET /v1/kiosk": (lambda w: Call("GET", "/v1/kiosk"), 200),
    "POST /v1/checkins": (lambda w: Call("POST", "/v1/checkins", body=checkins(1)), 200),
    "POST /v1/completions": (
        lambda w: Call("POST", "/v1/completions", body=completions(w.prompt_id, "vi lytter")),
        200,
    ),
    "POST /v1/heartbeat": (
        lambda w: Call("POST", "/v1/heartbeat", body={"app_version": "1", "queue_depth": 0}),
        204,
    ),
    "GET /v1/workplaces/{workplace_id}/pulse": (
        lambda w: Call("GET", f"/v1/workplaces/{w.a}/pulse"),
        200,
    ),
    "GET /v1/workplaces/{workplace_id}/pulse.csv": (
        lambda w: Call("GET", f"/v1/workplaces/{w.a}/pulse.csv"),
        200,
    ),
    "GET /v1/workplaces/{workplace_id}/pulse.pdf": (
        lambda w: Call("GET", f"/v1/workplaces/{w.a}/pulse.pdf"),
        200,
    ),
    "GET /v1/workplaces": (lambda w: Call("GET", "/v1/workplaces"), 200),
    "POST /v1/workplaces": (lambda w: Call("POST", "/v1/workplaces", body={"name": "Ny"}), 201),
    "PATCH /v1/workplaces/{workplace_id}": (
        lambda w: Call("PATCH", f"/v1/workplaces/{w.a}", body={"kiosk_shows_last_week": True}),
        200,
    ),
    "POST /v1/workplaces/{workplace_id}/pairing-codes": (
        lambda w: Call("POST", f"/v1/workplaces/{w.a}/pairing-codes"),
        201,
    ),
    "GET /v1/workplaces/{workplace_id}/devices": (
        lambda w: Call("GET", f"/v1/workplaces/{w.a}/devices"),
        200,
    ),
    "DELETE /v1/devices/{device_id}": (
        lambda w: Call("DELETE", f"/v1/devices/{w.spare_device}"),
        204,
    ),
    "POST /v1/workplaces/{workplace_id}/viewer-tokens": (
        lambda w: Call("POST", f"/v1/workplaces/{w.a}/viewer-tokens"),
        201,
    ),
    "GET /v1/workplaces/{workplace_id}/viewer-tokens": (
        lambda w: Call("GET", f"/v1/workplaces/{w.a}/viewer-tokens"),
        200,
    ),
    "DELETE /v1/viewer-tokens/{token_id}": (
        lambda w: Call("DELETE", f"/v1/viewer-tokens/{w.spare_viewer}"),
        204,
    ),
    "GET /v1/prompts": (lambda w: Call("GET", "/v1/prompts"), 200),
    "POST /v1/prompts": (
        lambda w: Call("POST", "/v1/prompts", body={"da": "Hos os…", "en": "Here…"}),
        201,
    ),
    "PATCH /v1/prompts/{prompt_id}": (
        lambda w: Call("PATCH", f"/v1/prompts/{w.prompt_id}", body={"active": True}),
        200,
    ),
    "GET /v1/rotation": (lambda w: Call("GET", "/v1/rotation", query={"workplace_id": w.a}), 200),
    "PUT /v1/rotation/order": (
        lambda w: Call("PUT", "/v1/rotation/order", body={"order": w.order}),
        200,
    ),
    "PUT /v1/rotation/pins": (
        lambda w: Call(
            "PUT",
            "/v1/rotation/pins",
            body={"week": "2030-W10", "prompt_id": w.prompt_id, "workplace_id": w.a},
        ),
        200,
    ),
    "DELETE /v1/rotation/pins": (
        lambda w: Call(
            "DELETE", "/v1/rotation/pins", query={"week": "2030-W10", "workplace_id": w.a}
        ),
        204,
    ),
    "GET /v1/completions/review": (lambda w: Call("GET", "/v1/completions/review"), 200),
    "GET /v1/workplaces/{workplace_id}/completions": (
        lambda w: Call("GET", f"/v1/workplaces/{w.a}/completions"),
        200,
    ),
    "PATCH /v1/completions/{completion_id}": (
        lambda w: Call("PATCH", f"/v1/completions/{w.completion_id}", body={"status": "visible"}),
        200,
    ),
    "GET /v1/organisation/pulse": (lambda w: Call("GET", "/v1/organisation/pulse"), 200),
    "GET /v1/settings": (lambda w: Call("GET", "/v1/settings"), 200),
    "PUT /v1/settings": (lambda w: Call("PUT", "/v1/settings", body=w.settings), 200),
    "GET /v1/audit": (lambda w: Call("GET", "/v1/audit", query={"limit": 5}), 200),
    "POST /v1/admin/sessions": (lambda w: Call("POST", "/v1/admin/sessions", body={}), 201),
    "POST /v1/workplaces/import": (
        lambda w: Call(
            "POST",
            "/v1/workplaces/import",
            body={"csv": "område;arbejdsplads;ledere\nNord;Ny fra fil;\n", "dry_run": True},
        ),
        200,
    ),
    "POST /v1/pairing-sheets": (
        lambda w: Call(
            "POST",
            "/v1/pairing-sheets",
            body={"base_url": "http://127.0.0.1:8550", "area": w.areas["A"]},
        ),
        200,
    ),
    "GET /v1/devices": (lambda w: Call("GET", "/v1/devices"), 200),
}


def route_group(route: str) -> str:
    """public, pair, device, viewer or admin: who the route is for."""
    if route in ("GET /v1/content", "GET /v1/openapi.json", "GET /v1/signin"):
        return "public"
    if route in ("GET /v1/me", "GET /v1/area-pulse"):
        return route.rpartition("/")[2]  # "me", "area-pulse": for signed-in people
    if route == "PUT /v1/me/language":
        return "my-language"  # a signed-in person's own: the admin token stands for no one
    if route == "POST /v1/pair":
        return "pair"
    if route in KIOSK_ROUTES:
        return "device"
    if route in VIEWER_ROUTES:
        return "viewer"
    return "admin"


def expected_status(route: str, caller: str) -> int:
    """The status a caller gets on a route, by the rules of docs/api.md."""
    group, allowed = route_group(route), ROUTES[route][1]
    if group in ("public", "pair"):
        return allowed  # no token needed, and a token changes nothing
    if caller in NOBODY:
        return 401
    admins = ("admin", "signed-in admin")
    may = {
        "device": DEVICES,
        "viewer": ("viewer", "leader", *admins),
        "admin": admins,
        "me": ("leader", "leader of another workplace", *admins),
        "area-pulse": ("leader", *admins),  # A's area
        "my-language": ("leader", "leader of another workplace", "signed-in admin"),
    }[group]
    if route == "POST /v1/admin/sessions" and caller in SIGNED_IN:
        return 403  # a sign-in ends with its ID token: it is not traded for a 12-hour session
    return allowed if caller in may else 403


@pytest.fixture(scope="module")
def world(admin, provider) -> World:
    return World(admin, provider)


def test_the_matrix_covers_every_route_of_the_openapi_document(server):
    document = httpx.get(f"{server.api}/v1/openapi.json", timeout=30).json()
    documented = {
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method in operations
    }
    assert documented | {"GET /v1/openapi.json"} == set(ROUTES)


def test_every_caller_is_in_the_matrix_once():
    assert sorted(CALLERS) == sorted(set(CALLERS))
    assert set(SIGNED_IN) | set(FORGED) <= set(CALLERS)


@pytest.mark.parametrize("route", ROUTES)
def test_each_caller_gets_the_expected_status_and_nothing_of_another_workplace(
    route, world, stored
):
    make_call, _ = ROUTES[route]
    for caller in CALLERS:
        before = stored()
        answer = world.send(caller, make_call(world))
        expected = expected_status(route, caller)
        assert answer.status_code == expected, f"{caller}: {answer.status_code} {answer.text}"
        if expected in (401, 403):
            # A refused call is the error shape and changes nothing
            code = answer.json()["error"]["code"]
            assert code == {401: "unauthorized", 403: "forbidden"}[expected]
            assert stored() == before, f"{caller} was refused, yet the store changed"
        # No answer carries names, ids or sentences of a workplace beyond the caller's reach
        hidden = world.secrets_outside(visible_to(route, caller, expected))
        found = [secret for secret in hidden if secret in answer.text]
        assert not found, f"{caller} saw {found} in {route}"


def visible_to(route: str, caller: str, status: int) -> str:
    """Which workplaces' data an answer may hold: "", "A", "B" or "AB"."""
    group = route_group(route)
    if status in (401, 403) or group == "public":
        return ""
    if group == "pair":
        return "A"  # whoever holds A's code learns A's name
    return SCOPE[caller]
