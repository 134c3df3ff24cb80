"""The console opens from a one-time sign-in link, takes the code out of the address bar, keeps
only a session, and the same link opens nothing in another browser."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from functions.domain.admin_access import make_sign_in_link
from functions.store.sqlite import SqliteStore
from tests.browser.screens_driver import Screen
from tests.serving import TEST_ADMIN_TOKEN

pytestmark = pytest.mark.browser


def fresh_link(server) -> str:
    """A sign-in code made on the running server's data, as `serve` makes one at start."""
    store = SqliteStore(str(server.data_dir / "tryghedspuls.db"))
    try:
        return make_sign_in_link(store, datetime.now(UTC))
    finally:
        store.close()


def test_a_sign_in_link_opens_the_console_once_and_leaves_no_secret_behind(chromium, server):
    code = fresh_link(server)
    console = Screen(chromium, server.base_url).open(f"/admin?signin={code}")
    other = Screen(chromium, server.base_url)
    try:
        # Then the console opens, and the address bar no longer holds the code
        expect(console.button("Opret")).to_be_visible(timeout=30000)
        expect(console.page).to_have_url(f"{server.base_url}/admin")
        # And the browser keeps a session token, neither the code nor the admin token
        kept = console.page.evaluate("JSON.stringify(window.localStorage)")
        assert code not in kept and TEST_ADMIN_TOKEN not in kept
        assert "tryghedspuls.admin.token" in kept
        # And a reload stays signed in
        console.reload()
        expect(console.button("Opret")).to_be_visible(timeout=30000)
        # When the same link is opened in another browser, it asks for the key and says why
        other.open(f"/admin?signin={code}")
        expect(other.text("Login-linket er brugt eller udløbet").first).to_be_visible(timeout=30000)
    finally:
        console.context.close()
        other.context.close()
