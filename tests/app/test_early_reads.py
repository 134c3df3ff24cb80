"""The kiosk's first-screen keys are asked for before the first screen, and never answered stale."""

from __future__ import annotations

import asyncio

from app.client.storage import SharedPreferencesStore
from app.root import opens_kiosk


class Preferences:
    """Flet's SharedPreferences as the page answers it: every call a round trip, counted."""

    def __init__(self, data: dict[str, str]) -> None:
        self.data = data
        self.asked: list[str] = []

    async def get(self, key: str):
        self.asked.append(key)
        await asyncio.sleep(0)
        return self.data.get(key)

    async def set(self, key: str, value: str) -> bool:
        self.data[key] = value
        return True

    async def remove(self, key: str) -> bool:
        self.data.pop(key, None)
        return True


def test_a_key_read_early_is_asked_once_and_answered_from_that_read():
    async def scenario():
        prefs = Preferences({"tp.device.pairing": "{}"})
        store = SharedPreferencesStore(prefs)
        store.read_early(["tp.device.pairing", "tp.device.kiosk"])
        await asyncio.sleep(0)  # the reads are out before anything else happens
        assert prefs.asked == ["tp.device.pairing", "tp.device.kiosk"]
        assert await store.get("tp.device.pairing") == "{}"
        assert await store.get("tp.device.kiosk") is None
        assert prefs.asked == ["tp.device.pairing", "tp.device.kiosk"]
        # and only the first get: later ones read the storage again
        await store.get("tp.device.pairing")
        assert prefs.asked.count("tp.device.pairing") == 2

    asyncio.run(scenario())


def test_a_write_after_an_early_read_is_what_the_next_get_sees():
    async def scenario():
        prefs = Preferences({"tp.device.kiosk": "old", "tp.device.pairing": "paired"})
        store = SharedPreferencesStore(prefs)
        store.read_early(["tp.device.kiosk", "tp.device.pairing"])
        await store.set("tp.device.kiosk", "new")
        await store.remove("tp.device.pairing")
        assert await store.get("tp.device.kiosk") == "new"
        assert await store.get("tp.device.pairing") is None

    asyncio.run(scenario())


def test_only_the_kiosk_routes_read_the_kiosk_keys_early():
    for route in ("/", "", None, "/kiosk", "/kiosk?pair=ABCD-EFGH", "/?pair=X"):
        assert opens_kiosk(route), route
    for route in ("/pulse", "/admin?token=x", "/signin", "/tilgaengelighed", "/kiosks"):
        assert not opens_kiosk(route), route
