"""'Hvad er psykologisk tryghed?' on the kiosk: the definition, out of the way of a check-in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import pairing_code
from tests.browser.kiosk_driver import Kiosk

pytestmark = pytest.mark.browser

TEXTS = json.loads(
    (Path(__file__).resolve().parents[2] / "content" / "texts.json").read_text(encoding="utf-8")
)


def test_the_definition_opens_from_idle_and_one_touch_closes_it(kiosk: Kiosk, admin, workplace):
    # Given a paired tablet on its idle screen
    kiosk.pair(pairing_code(admin, workplace))
    # When someone asks what psychological safety is
    kiosk.page.get_by_role("button", name="Hvad er psykologisk tryghed?").click()
    # Then Norddjurs' title, definition and seventh behaviour show, word for word
    expect(kiosk.by_id("about")).to_have_text(TEXTS["title"]["da"])
    expect(kiosk.page.get_by_text(TEXTS["definition"][1]["da"])).to_be_visible()
    expect(kiosk.page.get_by_text(TEXTS["behaviours"][6]["da"], exact=True)).to_be_visible()
    kiosk.shot("about")
    # And one touch anywhere closes it, and the next touch checks in at once
    kiosk.page.mouse.click(40, 760)
    expect(kiosk.by_id("about")).to_have_count(0)
    kiosk.tap(7)


def test_the_definition_follows_the_language(kiosk: Kiosk, admin, workplace):
    kiosk.pair(pairing_code(admin, workplace))
    kiosk.by_id("language").click()
    kiosk.page.get_by_role("button", name="What is psychological safety?").click()
    expect(kiosk.by_id("about")).to_have_text(TEXTS["title"]["en"])
    expect(kiosk.page.get_by_text(TEXTS["behaviours"][0]["en"], exact=True)).to_be_visible()
    kiosk.page.get_by_role("button", name="Close").click()
    expect(kiosk.by_id("about")).to_have_count(0)
