"""The static PWA (Pyodide) starts from the same accessible page as the served app: the
screen-reader tree on by itself, zoom allowed, `<html lang>` following the language shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from functions.local.build_web import build_web
from tests.browser.semantics import wait_for_semantics
from tests.static_site import StaticSite

pytestmark = pytest.mark.browser


def test_the_static_build_is_accessible_from_its_first_frame(chromium, server, tmp_path):
    # Given the static build on a plain static host
    build_web(api_url=server.api, out=tmp_path / "site")
    site = StaticSite(tmp_path / "site")
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    page = context.new_page()
    try:
        # When its pulse page opens and nobody presses anything
        page.goto(site.url + "#/pulse")
        wait_for_semantics(page, timeout=120_000)
        # Then the controls are in the accessibility tree, in Danish, and the page may zoom
        expect(page.get_by_role("textbox", name="Link til pulsen")).to_be_visible(timeout=60_000)
        expect(page.locator("flt-semantics-placeholder")).to_have_count(0)
        expect(page.locator("html")).to_have_attribute("lang", "da")
        viewport = page.evaluate("() => document.querySelector('meta[name=viewport]').content")
        assert "user-scalable" not in viewport and "maximum-scale" not in viewport
        # And the language toggle switches the page's language
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en", timeout=15_000)
    finally:
        context.close()
        site.stop()
