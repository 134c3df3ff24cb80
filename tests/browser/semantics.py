"""Waiting for Flutter's accessibility tree, which the page now switches on by itself."""

from __future__ import annotations

from playwright.sync_api import Page

# Flutter adds one <flt-semantics> per node once the tree is on; the root comes first.
TREE = "flt-semantics-host flt-semantics"


def wait_for_semantics(page: Page, timeout: float = 30000) -> None:
    """Wait until the screen-reader tree is there: nobody has to press anything for it."""
    page.wait_for_selector(TREE, state="attached", timeout=timeout)
