"""Security tests run against a real `tryghedspuls serve` (one for the session; each test makes
its own workplaces) and, where a clock must be set, against the in-process handlers."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.api.conftest import api, clock, services
from tests.bench.figures import bench_figures
from tests.oidc_provider import Provider, running_provider
from tests.security.store_snapshot import snapshot
from tests.serving import TEST_ADMIN_TOKEN, Server, running_server

SIGNED_IN_ADMIN = "it-chef@norddjurs.dk"  # an administrator by TRYGHEDSPULS_ADMIN_EMAILS

__all__ = ["api", "bench_figures", "clock", "services"]


@pytest.fixture(scope="session")
def provider() -> Iterator[Provider]:
    """A real OpenID provider (oidc-provider-mock) the server trusts."""
    with running_provider() as running:
        yield running


@pytest.fixture(scope="session")
def server(tmp_path_factory, provider: Provider) -> Iterator[Server]:
    """`tryghedspuls serve` on a free port and a temporary data folder, with sign-in on."""
    env = {
        "TRYGHEDSPULS_OIDC_ISSUER": provider.issuer,
        "TRYGHEDSPULS_OIDC_CLIENT_ID": provider.client_id,
        "TRYGHEDSPULS_ADMIN_EMAILS": SIGNED_IN_ADMIN,
    }
    with running_server(tmp_path_factory.mktemp("security") / "data", env=env) as running:
        yield running


@pytest.fixture(scope="session")
def admin(server: Server) -> Iterator[httpx.Client]:
    """An HTTP client with the admin token."""
    headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
    with httpx.Client(base_url=server.api, headers=headers, timeout=30) as client:
        yield client


@pytest.fixture
def stored(server: Server):
    """Call it for a digest of everything the server's SQLite file holds right now."""
    return lambda: snapshot(server.data_dir / "tryghedspuls.db")


@pytest.fixture
def workplace(admin: httpx.Client) -> str:
    """A new workplace for this test alone; its id."""
    answer = admin.post("/v1/workplaces", json={"name": "Værkstedet", "area": "Teknik"})
    answer.raise_for_status()
    return answer.json()["id"]


def pair(admin: httpx.Client, workplace_id: str, name: str = "Pauserum") -> dict:
    """Pair a tablet with the workplace: {device_id, device_token, workplace}."""
    code = admin.post(f"/v1/workplaces/{workplace_id}/pairing-codes").json()["code"]
    answer = admin.post(
        "/v1/pair", json={"code": code, "device_name": name}, headers={"Authorization": ""}
    )
    answer.raise_for_status()
    return answer.json()


@pytest.fixture
def device(admin: httpx.Client, workplace: str) -> httpx.Client:
    """An HTTP client speaking as a tablet of `workplace`."""
    token = pair(admin, workplace)["device_token"]
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=str(admin.base_url), headers=headers, timeout=30) as client:
        yield client
