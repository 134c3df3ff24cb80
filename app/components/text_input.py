"""A hook for text fields that neither lose keystrokes nor hand a handler a stale value.

Flet applies the browser's new text to the live TextField at once, but runs on_change later, as
a task. A field rendered from `use_state` can therefore be re-rendered, in between, with an older
value, and that older value is sent back to the browser: typed characters vanish. And a click
handler's closure holds the value of the render that built it. So the field's text is read from
the live control itself (through a Ref), both when rendering and when a handler needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft


@dataclass(frozen=True)
class TextInput:
    """Pass `ref`, `value` and `on_change` to the TextField; call `latest()` in handlers."""

    ref: ft.Ref
    value: str
    on_change: Callable[[ft.Event[ft.TextField]], None]
    latest: Callable[[], str]


def use_text_input(initial: str = "", on_typing: Callable[[], None] | None = None) -> TextInput:
    """State for one text field (a hook: call it unconditionally, in the same order)."""
    field = ft.use_ref(ft.Ref)  # a stable ft.Ref; reconciliation points it at the live control
    _, set_text = ft.use_state(initial)  # only to re-render what depends on the text

    def latest() -> str:
        control = field.current.current
        return initial if control is None else (control.value or "")

    def changed(e: ft.Event[ft.TextField]) -> None:
        set_text(e.control.value or "")
        if on_typing:
            on_typing()

    return TextInput(field.current, latest(), changed, latest)
