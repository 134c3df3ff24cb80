"""Event handlers that may start async work: Flet awaits only handlers that are async themselves."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any


def act(fn: Callable[..., Any]) -> Callable[..., Any]:
    """An async handler calling `fn(event)` and awaiting what it returns when that is awaitable.

    `lambda _e: state.load()` returns a coroutine that Flet would drop unawaited;
    `act(lambda _e: state.load())` runs it.
    """

    async def handler(event: Any = None) -> None:
        result = fn(event)
        if inspect.isawaitable(result):
            await result

    return handler
