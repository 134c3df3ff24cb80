"""A kiosk whose renderer crashes heals itself: the page reloads once and keeps every waiting tap.

The crash is a real WebAssembly trap (a module whose one function is `unreachable`), thrown
uncaught on the page as a trap in Flutter's renderer is."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import answers_waiting_offline, wait_for_responses
from tests.browser.kiosk_driver import Kiosk
from tests.browser.semantics import wait_for_semantics
from tests.browser.tcp_proxy import TcpProxy

pytestmark = pytest.mark.browser

# (module (func (export "f") unreachable))
_TRAP = """() => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
        7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const trap = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f;
    setTimeout(trap);
}"""
_MARK_PAGE = "() => { window.__sameDocument = true; }"
_SAME_PAGE = "() => window.__sameDocument === true"


def crash(page: Page) -> None:
    """Mark this document, then let a WebAssembly trap go uncaught in it."""
    page.evaluate(_MARK_PAGE)
    page.evaluate(_TRAP)


def test_a_crashed_renderer_reloads_the_kiosk_and_no_waiting_tap_is_lost(
    kiosk: Kiosk, admin, workplace, proxy: TcpProxy
):
    # Given a kiosk with five answers waiting while the API is unreachable
    answers_waiting_offline(kiosk, admin, workplace, proxy, (2, 4, 6, 8, 10))
    expect(kiosk.by_id("sync-status")).to_contain_text("5 svar venter", timeout=15000)
    # When its renderer crashes
    with kiosk.page.expect_event("load", timeout=15000):
        crash(kiosk.page)
    # Then the page has started again by itself, still paired, still holding the five
    wait_for_semantics(kiosk.page)
    assert not kiosk.page.evaluate(_SAME_PAGE)
    expect(kiosk.by_id("score-1")).to_be_visible()
    expect(kiosk.by_id("sync-status")).to_contain_text("5 svar venter", timeout=20000)
    # And once the API is back they arrive, each once
    proxy.start()
    week = wait_for_responses(admin, workplace, 5, seconds=40)
    assert (week["responses"], week["mean"]) == (5, 6.0)


def test_a_second_crash_right_after_the_reload_is_not_reloaded_again(kiosk: Kiosk):
    # Given a kiosk that has just reloaded after a crash
    with kiosk.page.expect_event("load", timeout=15000):
        crash(kiosk.page)
    wait_for_semantics(kiosk.page)
    # When it crashes again within the minute
    crash(kiosk.page)
    kiosk.page.wait_for_timeout(3000)
    # Then it is left as it is: a page that cannot start is never reloaded in a loop
    assert kiosk.page.evaluate(_SAME_PAGE)


def test_an_ordinary_script_error_does_not_reload(kiosk: Kiosk):
    kiosk.page.evaluate(_MARK_PAGE)
    kiosk.page.evaluate("() => { setTimeout(() => { throw new TypeError('not a crash'); }); }")
    kiosk.page.wait_for_timeout(2000)
    assert kiosk.page.evaluate(_SAME_PAGE)
