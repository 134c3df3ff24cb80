"""A tablet opened with a pairing sheet's address pairs at once: no typing on the wall."""

from __future__ import annotations

import asyncio
import json

import pytest

from app.client.storage import MemoryStore
from app.context import Session
from app.kiosk.device import PAIRING_KEY
from app.kiosk.pair_link import pairing_code_from
from app.kiosk.runtime import KioskRuntime
from app.kiosk.state import IDLE, SETUP, KioskState
from tests.app.screen_fakes import API
from tests.app.test_kiosk_runtime import fake_api, settle


@pytest.mark.parametrize(
    ("opened", "code"),
    [
        ("/kiosk?pair=K7QM-3WXP", "K7QM-3WXP"),  # the route Flet gives the served kiosk
        ("/?code=K7QM3WXP", "K7QM3WXP"),
        ("https://d1.cloudfront.net/#/kiosk?pair=K7QM-3WXP", "K7QM-3WXP"),  # the static PWA
        ("/kiosk", None),
        ("/kiosk?pair=", None),
        ("/kiosk?pair=" + "A" * 40, None),  # no code is that long
        (None, None),
    ],
)
def test_code_is_read_from_the_address(opened, code):
    assert pairing_code_from(opened) == code


async def _boot(store: MemoryStore, api, link_code: str | None) -> KioskRuntime:
    runtime = KioskRuntime(
        Session(store, api, API), KioskState(), clock=lambda: 1000.0, link_code=link_code
    )
    runtime.start()
    for _ in range(300):
        await asyncio.sleep(0)
        if runtime.syncer is not None or runtime.state.setup_notice:
            break
    return runtime


def test_unpaired_tablet_opened_with_a_sheet_address_pairs_at_once():
    async def scenario():
        api = fake_api()
        runtime = await _boot(MemoryStore(), api, "GOOD")
        await settle()
        runtime.stop()
        return runtime, api

    runtime, api = asyncio.run(scenario())
    assert runtime.state.phase == IDLE
    assert api.called("POST", "/v1/pair") == [
        {"code": "GOOD", "device_name": "Tablet i pauserummet"}
    ]
    assert runtime.pairing is not None and runtime.pairing.api_url == API


def test_used_code_leaves_the_form_with_the_code_and_the_reason():
    async def scenario():
        runtime = await _boot(MemoryStore(), fake_api(), "USED-CODE")
        runtime.stop()
        return runtime

    runtime = asyncio.run(scenario())
    assert runtime.state.phase == SETUP
    assert runtime.state.setup_notice.key == "setup.error.code_invalid"
    assert runtime.state.link_code == "USED-CODE"


def test_paired_tablet_keeps_its_workplace_when_opened_with_another_code():
    async def scenario():
        store = MemoryStore()
        kept = {
            "api_url": API,
            "device_id": "d0",
            "device_token": "old-token",
            "workplace_id": "w0",
            "workplace_name": "Lageret",
        }
        await store.set(PAIRING_KEY, json.dumps(kept))
        api = fake_api()
        runtime = await _boot(store, api, "GOOD")
        await settle()
        runtime.stop()
        return runtime, api

    runtime, api = asyncio.run(scenario())
    assert api.called("POST", "/v1/pair") == []
    assert runtime.pairing.workplace_id == "w0"
