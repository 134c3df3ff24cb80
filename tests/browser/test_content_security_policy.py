"""Flet's web client runs under `serve`'s Content-Security-Policy: Chromium blocks nothing of
ours while the kiosk starts, pairs and takes a tap.

One script is blocked, on purpose: Flet's web client (1.0.5) appends Rive's runtime from a
hard-coded jsDelivr address at start. It is not shipped with flet-web and the kiosk does not use
it; before the policy every kiosk start asked a third party for it (and failed offline)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import pairing_code
from tests.browser.kiosk_driver import Kiosk

pytestmark = pytest.mark.browser
RIVE = "https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/wasm/rive_native.js"


def test_the_kiosk_works_under_the_policy_with_no_violation(chromium: Browser, server, admin):
    # Given a fresh tablet whose console and CSP reports we keep
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(15000)
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    try:
        # When it opens the kiosk, pairs and takes a tap
        response = page.goto(f"{server.base_url}/kiosk")
        assert "wasm-unsafe-eval" in response.headers["content-security-policy"]
        kiosk = Kiosk(page, server.base_url)
        kiosk._enable_semantics()
        workplace = admin.post("/v1/workplaces", json={"name": "CSP-stuen"}).json()
        kiosk.pair(pairing_code(admin, workplace))
        kiosk.check_in(7)
        # And a reload (the page comes from the browser's cache, revalidated) starts again
        kiosk.reload()
        kiosk.check_in(8)
        # Then nothing was blocked but the third-party Rive script, and the console names no
        # other violation
        assert set(page.evaluate("window.__csp")) <= {f"script-src-elem {RIVE}"}
        others = [m for m in console if "Content Security Policy" in m and RIVE not in m]
        assert others == []
    finally:
        context.close()
