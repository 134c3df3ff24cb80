"""Drives the pulse and admin screens in Chromium by role, label and semantics identifier."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.browser.semantics import wait_for_semantics
from tests.browser.typing import type_into

CONSOLE_LOADED = "i alt, samlet efter område"  # the workplace list's count (admin.workplaces.count)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


class Screen:
    """One browser tab (its own storage) on a pulse or admin address."""

    def __init__(
        self,
        chromium: Browser | None,
        base_url: str,
        width: int = 1440,
        height: int = 1000,
        context: BrowserContext | None = None,
    ) -> None:
        self.context: BrowserContext = context or chromium.new_context(
            viewport={"width": width, "height": height}, locale="da-DK", accept_downloads=True
        )
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(15000)
        self.base_url = base_url

    def open(self, path: str) -> Screen:
        """Load an address of the app and wait for Flutter's accessibility tree."""
        self.page.goto(self.base_url + path)
        wait_for_semantics(self.page)
        return self

    def open_console(self, token: str) -> Screen:
        """The admin console, signed in with a token, once its first section has its data.

        Clicked while it still fills in, a control can move under the pointer and the click lands
        elsewhere: wait for the workplaces' count, as a person waits to see the list.
        """
        self.open(f"/admin?token={token}")
        expect(self.text(CONSOLE_LOADED).first).to_be_visible()
        return self

    def new_tab(self) -> Screen:
        """Another tab of the same browser (same storage): a new app session."""
        return Screen(None, self.base_url, context=self.context)

    def reload(self) -> None:
        """Reload the page (the app starts again from the kept storage)."""
        self.page.reload()
        wait_for_semantics(self.page)

    def button(self, name: str) -> Locator:
        """The button with exactly this name."""
        return self.page.get_by_role("button", name=name, exact=True)

    def click(self, name: str) -> None:
        """Click the button with exactly this name."""
        self.button(name).first.click()

    def text(self, text: str) -> Locator:
        """Elements showing this text."""
        return self.page.get_by_text(text)

    def by_id(self, identifier: str) -> Locator:
        """The control with `ft.Semantics(identifier=...)`."""
        return self.page.locator(f'[flt-semantics-identifier="{identifier}"]')

    def labelled(self, label: str) -> Locator:
        """A text whose semantics label is `label` (figures are labelled "<what>: <value>")."""
        return self.page.locator(f'[aria-label="{label}"]').or_(self.page.get_by_text(label))

    def fill(self, label: str, text: str) -> None:
        """Type into a text field (see tests/browser/typing.py)."""
        type_into(self.page, label, text)

    def expect_notice(self, text: str) -> None:
        """A snack bar with this text appeared."""
        expect(self.text(text).first).to_be_visible()

    def shot(self, name: str) -> Path:
        """Save a screenshot under test-artifacts/screens/."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        # The accessibility tree is ready before the canvas has painted the first frame
        # (Flet shows "Working..." until then); give the painter a moment.
        self.page.wait_for_timeout(1500)
        # Software rendering of a 200 % canvas can take Chromium long on a busy machine: a
        # screenshot is evidence to look at, so it gets time rather than failing the check.
        self.page.screenshot(path=str(path), timeout=90_000)
        return path

    def close(self) -> None:
        """Close the tab and its storage."""
        self.context.close()
