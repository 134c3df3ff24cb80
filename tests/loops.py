"""Running a coroutine from a test, whatever else the test session has started."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_apart(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own.

    Playwright's sync API (the browser tests' session-wide Chromium) keeps an event loop running on
    the main thread for the rest of the session, and asyncio.run refuses to start beside it.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
