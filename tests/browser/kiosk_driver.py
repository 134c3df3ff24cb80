"""Drives the kiosk in Chromium the way a person would: by role, label and semantics identifier."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.browser.semantics import wait_for_semantics
from tests.browser.typing import type_into

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "kiosk"

# Records when a pointer went down and when the thank-you appeared, inside the browser.
_LATENCY_PROBE = """
() => {
  window.__tp = {down: null, shown: null};
  window.addEventListener('pointerdown', () => { window.__tp.down = performance.now(); },
                          {capture: true});
  new MutationObserver(() => {
    if (window.__tp.down !== null && window.__tp.shown === null &&
        document.querySelector('[flt-semantics-identifier="thanks"]')) {
      window.__tp.shown = performance.now();
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true});
}
"""

TAP_LATENCIES_MS: list[float] = []


class Kiosk:
    """One tablet: a browser page on /kiosk with Flutter's accessibility tree (on by itself)."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self) -> Kiosk:
        """Load the kiosk and wait for its accessibility tree."""
        self.page.goto(f"{self.base_url}/kiosk")
        self._enable_semantics()
        return self

    def reload(self) -> None:
        """Reload the page, as a restarted tablet would."""
        self.page.reload()
        self._enable_semantics()

    def _enable_semantics(self) -> None:
        wait_for_semantics(self.page)
        self.page.evaluate(_LATENCY_PROBE)

    def by_id(self, identifier: str) -> Locator:
        """The control with `ft.Semantics(identifier=...)`."""
        return self.page.locator(f'[flt-semantics-identifier="{identifier}"]')

    def fill(self, label: str, text: str) -> None:
        """Replace a text field's content (see tests/browser/typing.py)."""
        type_into(self.page, label, text)

    def pair(self, code: str, api_url: str | None = None) -> None:
        """Pair through the setup screen and wait for the check-in."""
        expect(self.page.get_by_role("textbox", name="Parringskode")).to_be_visible()
        if api_url:
            self.fill("API-adresse", api_url)
        self.fill("Parringskode", code)
        self.page.get_by_role("button", name="Forbind").click()
        expect(self.by_id("score-1")).to_be_visible(timeout=15000)

    def tap(self, score: int) -> float:
        """Tap a score; returns milliseconds from pointer down to the thank-you in the DOM."""
        button = self.by_id(f"score-{score}")
        expect(button).to_be_visible()
        self.page.evaluate("() => { window.__tp.down = null; window.__tp.shown = null; }")
        box = button.bounding_box()
        assert box, f"score {score} has no box"
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        expect(self.by_id("thanks")).to_be_visible(timeout=5000)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            timing = self.page.evaluate("() => window.__tp")
            if timing["down"] is not None and timing["shown"] is not None:
                latency = timing["shown"] - timing["down"]
                TAP_LATENCIES_MS.append(latency)
                return latency
            time.sleep(0.01)
        raise AssertionError("the thank-you never showed up after the tap")

    def skip(self) -> None:
        """Skip the sentence, and touch the goodbye to get back to idle."""
        self.page.get_by_role("button", name="Spring over").click()
        self.back_to_idle()

    def send(self, text: str) -> None:
        """Complete the sentence and send it."""
        self.fill("Din sætning", text)
        self.page.get_by_role("button", name="Send").click()
        self.back_to_idle()

    def back_to_idle(self) -> None:
        """Touch the goodbye screen and wait for the buttons."""
        done = self.by_id("done")
        expect(done).to_be_visible()
        done.click()
        expect(done).to_have_count(0)
        expect(self.by_id("score-1")).to_be_visible()

    def check_in(self, score: int) -> float:
        """Tap and skip: one full check-in."""
        latency = self.tap(score)
        self.skip()
        return latency

    def long_press_corner(self) -> None:
        """Hold the top left corner for a second: the administrator's gesture."""
        self.page.mouse.move(20, 20)
        self.page.mouse.down()
        self.page.wait_for_timeout(1000)
        self.page.mouse.up()
        expect(self.page.get_by_role("textbox", name="Administratorens nøgle")).to_be_visible()

    def shot(self, name: str) -> Path:
        """Save a screenshot under test-artifacts/kiosk/."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        # The accessibility tree is updated as a frame is built; give the canvas time to paint.
        self.page.wait_for_timeout(400)
        self.page.screenshot(path=str(path))
        return path


def latency_report() -> str:
    """Median and spread of every tap measured in this run."""
    if not TAP_LATENCIES_MS:
        return "no taps measured"
    values = sorted(TAP_LATENCIES_MS)
    return (
        f"tap → thank-you over {len(values)} taps: median {statistics.median(values):.0f} ms, "
        f"min {values[0]:.0f} ms, max {values[-1]:.0f} ms"
    )
