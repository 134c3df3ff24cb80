"""Typing into Flutter text fields the way a person does: real key presses, read back."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def type_into(page: Page, label: str, text: str) -> None:
    """Replace the text of the field labelled `label` with `text`.

    A busy machine can swallow the first key presses while the field takes focus, so the field is
    read back and typed again (three tries) until it holds exactly the text.
    """
    box = page.get_by_role("textbox", name=label)
    for _attempt in range(3):
        box.click()
        page.wait_for_timeout(150)
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.type(text)
        try:
            expect(box).to_have_value(text, timeout=2000)
            return
        except AssertionError:
            continue
    expect(box).to_have_value(text)
