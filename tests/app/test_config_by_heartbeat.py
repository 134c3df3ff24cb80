"""An idle kiosk's one call: the heartbeat, every 15 minutes, which brings a changed week along."""

from __future__ import annotations

import asyncio

import pytest

from app.client.outbox import Outbox
from app.client.storage import MemoryStore
from app.client.sync import Syncer, Unauthorized
from app.kiosk.config_by_heartbeat import ConfigByHeartbeat
from tests.app.screen_fakes import FakeApi, error

WEEK_48 = {"week": "2026-W48", "prompt": None}
WEEK_49 = {"week": "2026-W49", "prompt": None}


class Server:
    """The heartbeat as the API answers it: the configuration only when the version differs."""

    def __init__(self) -> None:
        self.config, self.version = WEEK_48, "v48"

    def __call__(self, _token, body, _query):
        sent = body["config_version"]
        return 200, {
            "config_version": self.version,
            "kiosk": None if sent == self.version else self.config,
        }


def _watch(api: FakeApi, applied: list) -> ConfigByHeartbeat:
    async def apply(config: dict) -> None:
        applied.append(config)

    return ConfigByHeartbeat(api.client("device-token"), apply)


def test_first_heartbeat_brings_the_configuration_and_later_ones_only_a_change():
    api, server, applied = FakeApi(), Server(), []
    api.on("POST", "/v1/heartbeat", server)
    watch = _watch(api, applied)

    async def beats() -> None:
        await watch.heartbeat("0.1.0", 0)
        await watch.heartbeat("0.1.0", 0)
        server.config, server.version = WEEK_49, "v49"  # Monday: a new week
        await watch.heartbeat("0.1.0", 2)

    asyncio.run(beats())
    assert [body["config_version"] for body in api.called("POST", "/v1/heartbeat")] == [
        "",
        "v48",
        "v48",
    ]
    assert applied == [WEEK_48, WEEK_49]
    assert api.called("GET", "/v1/kiosk") == []


def test_a_revoked_tablet_learns_it_from_the_heartbeat():
    api = FakeApi()
    api.on("POST", "/v1/heartbeat", error(401, "unauthorized"))
    with pytest.raises(Unauthorized):
        asyncio.run(_watch(api, []).heartbeat("0.1.0", 0))


def test_an_idle_kiosk_makes_one_request_per_fifteen_minutes():
    # Given a paired kiosk with nothing to send, its sync loop on a clock the test moves
    api, server = FakeApi(), Server()
    api.on("POST", "/v1/heartbeat", server)
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    async def one_hour() -> None:
        outbox = Outbox(MemoryStore())
        await outbox.load()
        syncer = Syncer(
            outbox, _watch(api, []), "0.1.0", sleep=sleep, clock=lambda: now[0], rand=lambda: 0
        )
        while now[0] < 3600:
            await sleep(await syncer.round())

    # When an hour passes
    asyncio.run(one_hour())
    # Then it called the API four times (at most one per 10 minutes), each a heartbeat
    assert len(api.calls) == 4
    assert {(method, path) for method, path, _t, _b in api.calls} == {("POST", "/v1/heartbeat")}
