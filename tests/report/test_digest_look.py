"""The digest as people see it: the HTML part of delivered e-mails rendered in Chromium at a
desktop client's width and a phone's, saved to test-artifacts/report/ to look at, and checked by
axe-core (WCAG 2.1 AA rules). The page is loaded with the network cut off, so a remote image or
tracker would show up as a blocked request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.report.organisation import DUE
from tests.report.test_digest_mail import Clock, digest_loop, html

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "report"
AXE = ROOT / "tests" / "browser" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 760, "phone": 375}


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("reader", ["anna", "carl", "admin"])
def test_the_email_reads_well_on_a_desktop_and_a_phone(store, smtp, chromium, reader):
    digest_loop(store, smtp, Clock(DUE)).run_pass()
    [message] = smtp.mailbox.to(f"{reader}@norddjurs.dk")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, width in WIDTHS.items():
        page = chromium.new_page(viewport={"width": width, "height": 900})
        requests: list[str] = []
        page.on("request", lambda request, seen=requests: seen.append(request.url))
        page.set_content(html(message), wait_until="load")
        page.screenshot(path=ARTIFACTS / f"digest-{reader}-{name}.png", full_page=True)
        # Nothing is fetched: no remote image, font, stylesheet or tracking pixel
        assert [url for url in requests if not url.startswith("data:")] == []
        # Nothing is wider than the screen (no sideways scrolling on a phone)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
        )
        assert [v["id"] for v in result["violations"]] == []
        page.close()
