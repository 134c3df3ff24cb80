"""The app's start page is the tablet's setup; leaders and administrators find their way on."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.kiosk_driver import Kiosk

pytestmark = pytest.mark.browser


def test_an_unpaired_start_page_leads_to_the_pulse_and_the_admin(kiosk: Kiosk):
    # Given the start page of a browser that was never paired
    page = kiosk.page
    expect(page.get_by_role("textbox", name="Parringskode")).to_be_visible()
    # When a leader follows the link to the weekly pulse
    page.get_by_role("button", name="Ugens puls").click()
    # Then the pulse asks for its link, and the admin link leads to the console's sign-in
    page.wait_for_url("**/pulse")
    expect(page.get_by_role("textbox", name="Link til pulsen")).to_be_visible()
    page.go_back()
    page.get_by_role("button", name="Administration").click()
    page.wait_for_url("**/admin")
    expect(page.get_by_role("textbox", name="Administratorens nøgle")).to_be_visible()
