"""What the accessibility tests share: axe on a screen, the page's language, and the two views
WCAG asks about (200 % zoom, 320 CSS px wide) saved as screenshots in test-artifacts/a11y/."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.browser.axe_check import violations

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "a11y"

# 200 % zoom of a 1280 × 800 window: the page gets half the CSS pixels, each drawn twice as big.
ZOOM_200 = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
REFLOW_320 = {"viewport": {"width": 320, "height": 640}}

# Labelled nodes of the accessibility tree that stick out to the right of the window: content
# that did not reflow and would need scrolling in two directions (WCAG 1.4.10).
_CUT_OFF = """
() => [...document.querySelectorAll('flt-semantics[aria-label], flt-semantics[role]')]
  .filter((e) => e.getBoundingClientRect().width > 0)
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
  .map((e) => (e.getAttribute('aria-label') || e.textContent || e.tagName).slice(0, 60))
"""


class Audit:
    """Collects axe's findings per screen, so one test reports every screen at once."""

    def __init__(self) -> None:
        self.found: dict[str, list[dict]] = {}
        self.screens: list[str] = []

    def check(self, page: Page, screen: str) -> None:
        """Run axe on what `page` shows now, under the name `screen`."""
        self.screens.append(screen)
        found = violations(page)
        if found:
            self.found[screen] = found

    def assert_clean(self) -> None:
        """No screen had a WCAG 2.1 A/AA violation."""
        assert not self.found, "\n".join(
            f"{screen}: {v['id']} ({v['help']}): {v['nodes']}"
            for screen, found in self.found.items()
            for v in found
        )


def expect_language(page: Page, lang: str) -> None:
    """The page's `<html lang>` is (or soon becomes) `lang`."""
    expect(page.locator("html")).to_have_attribute("lang", lang)


def cut_off(page: Page) -> list[str]:
    """Texts and controls that do not fit the window's width."""
    return page.evaluate(_CUT_OFF)


def shot(page: Page, name: str) -> Path:
    """Save a screenshot under test-artifacts/a11y/ (after the canvas painted)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.wait_for_timeout(800)
    page.screenshot(path=str(path))
    return path


def small_window(chromium: Browser, how: dict):
    """A fresh browser context as a zoomed or narrow window."""
    return chromium.new_context(locale="da-DK", accept_downloads=True, **how)
