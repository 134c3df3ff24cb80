"""The kiosk's wiring, with fake storage and a fake API: no page, no network."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

from app.client.storage import MemoryStore
from app.context import Session
from app.kiosk.device import PAIRING_KEY
from app.kiosk.runtime import KioskRuntime
from app.kiosk.state import GATE_ASK, GATE_CONFIRM, IDLE, SETUP, THANKS, KioskState
from tests.app.screen_fakes import API, FakeApi, error

KIOSK = {
    "workplace": {"id": "w1", "name": "Køkkenet"},
    "week": "2026-W48",
    "prompt": {"id": "p1", "da": "Vi er tilgængelige, når vi…", "en": "We are available when we…"},
    "question": {"da": "Hvor trygt?", "en": "How safe?"},
    "behaviours": [{"da": "lytter", "en": "listen"}],
    "settings": {"cooldown_seconds": 0, "idle_reset_seconds": 45},
    "last_week": None,
}
CONTENT = {
    "title": {"da": "Psykologisk tryghed i Norddjurs", "en": "Psychological safety in Norddjurs"},
    "definition": [{"da": "Psykologisk tryghed er …", "en": "Psychological safety is …"}],
    "behaviours_intro": {"da": "Vi:", "en": "We:"},
    "question": {"da": "Hvor trygt?", "en": "How safe?"},
}
PAIRED = {"device_id": "d1", "device_token": "device-token", "workplace": KIOSK["workplace"]}
BATCH_OK = (200, {"accepted": [], "duplicates": [], "rejected": []})


def fake_api() -> FakeApi:
    api = FakeApi()
    api.on(
        "POST",
        "/v1/pair",
        lambda t, body, q: (
            (201, PAIRED) if body["code"] == "GOOD" else error(400, "pairing_code_invalid")
        ),
    )
    api.on("GET", "/v1/kiosk", (200, KIOSK))
    api.on("GET", "/v1/content", (200, CONTENT))
    api.on(
        "POST",
        "/v1/checkins",
        lambda t, body, q: (
            200,
            {"accepted": [c["id"] for c in body["checkins"]], "duplicates": [], "rejected": []},
        ),
    )
    api.on(
        "POST",
        "/v1/completions",
        lambda t, body, q: (
            200,
            {"accepted": [c["id"] for c in body["completions"]], "duplicates": [], "rejected": []},
        ),
    )
    api.on("POST", "/v1/heartbeat", (204, None))
    api.on(
        "GET",
        "/v1/settings",
        lambda t, b, q: (200, {}) if t == "admin-key" else error(401, "unauthorized"),
    )
    return api


async def started(store: MemoryStore, api: FakeApi) -> KioskRuntime:
    runtime = KioskRuntime(Session(store, api, API), KioskState(), clock=lambda: 1000.0)
    runtime.start()
    for _ in range(200):
        await asyncio.sleep(0)
        if runtime.state.phase == SETUP or runtime.syncer is not None:
            break
    return runtime


async def settle() -> None:
    for _ in range(50):
        await asyncio.sleep(0)


def test_a_tap_is_in_storage_before_any_network_call():
    # Given a paired kiosk whose storage and network calls are logged in one order
    events: list[str] = []

    class LoggedStore(MemoryStore):
        async def set(self, key, value):
            events.append(f"store {key.split('.')[1]}")
            await super().set(key, value)

    class LoggedApi(FakeApi):
        async def request(self, method, url, **kwargs):
            events.append(f"net {url.rsplit('/', 1)[-1]}")
            return await super().request(method, url, **kwargs)

    api = fake_api()
    api.__class__ = LoggedApi

    async def scenario():
        runtime = await started(LoggedStore(), api)
        await runtime.pair(API, "GOOD", "Tablet")
        await settle()
        events.clear()
        # When someone taps
        await runtime.checkin.tap(7)
        thanked = runtime.state.phase
        await settle()
        runtime.stop()
        return thanked

    # Then the screen thanks them, the outbox is written, and only then the check-in is sent
    assert asyncio.run(scenario()) == THANKS
    assert events.index("store outbox") < events.index("net checkins")


def test_a_wrong_code_keeps_the_setup_screen_with_a_danish_notice():
    async def scenario():
        runtime = await started(MemoryStore(), fake_api())
        await runtime.pair(API, "BAD", "Tablet")
        runtime.stop()
        return runtime.state

    state = asyncio.run(scenario())
    assert state.phase == SETUP and state.setup_notice.key == "setup.error.code_invalid"


def test_an_unreachable_address_says_so():
    api = fake_api()
    api.offline = True

    async def scenario():
        runtime = await started(MemoryStore(), api)
        await runtime.pair("http://10.0.0.9/api", "GOOD", "Tablet")
        runtime.stop()
        return runtime.state.setup_notice

    notice = asyncio.run(scenario())
    assert notice.key == "setup.error.offline" and notice.values == {"url": "http://10.0.0.9/api"}


def test_a_restart_while_the_api_is_down_stays_paired_with_the_last_week_seen():
    store, api = MemoryStore(), fake_api()

    async def pair_then_restart_offline():
        first = await started(store, api)
        await first.pair(API, "GOOD", "Tablet")
        first.stop()
        api.offline = True
        second = await started(store, api)
        await settle()
        second.stop()
        return second.state

    state = asyncio.run(pair_then_restart_offline())
    assert state.phase == IDLE and state.config.question["da"] == "Hvor trygt?"
    # the definition came along, so "Hvad er psykologisk tryghed?" works offline too
    assert state.about == {key: CONTENT[key] for key in ("title", "definition", "behaviours_intro")}
    assert json.loads(store.data[PAIRING_KEY])["device_token"] == "device-token"


def test_a_fresh_pairing_reports_no_old_drops_and_the_clock_offset_it_learnt():
    # Given a tablet that once had 5 items refused under an earlier pairing, whose clock is an
    # hour ahead of the server's
    store = MemoryStore({"tp.stats.dropped": "5"})
    api = fake_api()
    server_time = datetime.now(UTC) - timedelta(hours=1)
    kiosk = KIOSK | {
        "server_time": server_time.isoformat(timespec="seconds").replace("+00:00", "Z")
    }
    api.on("GET", "/v1/kiosk", (200, kiosk))

    async def scenario():
        runtime = await started(store, api)
        # When it is paired again and reports in
        await runtime.pair(API, "GOOD", "Tablet")
        await settle()
        runtime.stop()

    asyncio.run(scenario())
    # Then its heartbeat counts drops since this pairing, and says the clock is an hour ahead
    [beat] = api.called("POST", "/v1/heartbeat")
    assert beat["dropped"] == 0
    assert abs(beat["clock_offset_seconds"] - 3600) <= 2


def test_a_revoked_tablet_asks_for_a_new_code():
    api = fake_api()

    async def scenario():
        runtime = await started(MemoryStore(), api)
        await runtime.pair(API, "GOOD", "Tablet")
        api.on("GET", "/v1/kiosk", error(401, "unauthorized"))
        await runtime.refresh_config()
        runtime.stop()
        return runtime.state

    state = asyncio.run(scenario())
    assert state.phase == SETUP and state.setup_notice.key == "setup.revoked"


def test_unpairing_needs_the_admin_key_and_warns_about_waiting_answers():
    api = fake_api()

    async def scenario():
        runtime = await started(MemoryStore(), api)
        await runtime.pair(API, "GOOD", "Tablet")
        api.on("POST", "/v1/checkins", error(503, "unavailable"))
        await runtime.checkin.tap(5)
        runtime.gate.open()
        await runtime.gate.verify("guess")
        wrong = (runtime.state.gate, runtime.state.gate_notice.key)
        await runtime.gate.verify("admin-key")
        warned = (runtime.state.gate, runtime.state.gate_notice.key)
        await runtime.gate.unpair()
        runtime.stop()
        return wrong, warned, runtime

    wrong, warned, runtime = asyncio.run(scenario())
    assert wrong == (GATE_ASK, "gate.wrong")
    assert warned == (GATE_CONFIRM, "gate.pending")
    assert runtime.state.phase == SETUP and runtime.outbox.depth() == 0


def test_a_system_asking_for_less_motion_stops_the_rotating_behaviours():
    class Calm:  # what ft.SemanticsService answers when the browser prefers reduced motion
        async def get_accessibility_features(self):
            return type("Features", (), {"disable_animations": True, "reduce_motion": True})()

    async def scenario():
        state = KioskState()
        runtime = KioskRuntime(Session(MemoryStore(), fake_api(), API), state, accessibility=Calm())
        runtime.start()
        await settle()
        runtime.stop()
        return state

    assert asyncio.run(scenario()).reduce_motion is True
