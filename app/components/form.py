"""Text fields the browser owns while typing: values are read on change, never pushed back.

A field whose `value` is re-sent on every keystroke loses letters when someone types faster
than the round trip; here the typed text stays in the field and in `Form.values`, and `reset()`
empties the fields by replacing them (a new key).
"""

from __future__ import annotations

from typing import Any

import flet as ft


class Form:
    """The current text of each field, by name."""

    def __init__(self, initial: dict[str, str]) -> None:
        self.initial = dict(initial)
        self.values = dict(initial)
        self.generation = 0

    def __getitem__(self, name: str) -> str:
        return self.values.get(name, "")

    def field(self, name: str, **kwargs: Any) -> ft.TextField:
        """A text field bound to `name`; its initial text is the form's initial value."""
        user_change = kwargs.pop("on_change", None)

        def changed(e: ft.ControlEvent) -> None:
            self.values[name] = e.control.value or ""
            if user_change:
                user_change(e)

        return ft.TextField(
            key=f"{name}-{self.generation}",
            value=self.initial.get(name, ""),
            on_change=changed,
            **kwargs,
        )


def use_form(**initial: str) -> Form:
    """A Form that lives as long as the component; `reset()` clears it and re-renders."""
    ref = ft.use_ref(None)
    _, set_generation = ft.use_state(0)
    if ref.current is None:
        ref.current = Form(initial)
    form: Form = ref.current

    def reset() -> None:
        form.values = dict(form.initial)
        form.generation += 1
        set_generation(form.generation)

    form.reset = reset  # type: ignore[attr-defined]
    return form
