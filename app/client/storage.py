"""The tablet's own key-value storage behind a small interface.

In the app it is Flet's SharedPreferences (the browser's localStorage on the web, in server mode
and under Pyodide alike); in tests it is a dict. Values are strings: callers store JSON.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Protocol


class KeyValueStore(Protocol):
    """Durable string values by key."""

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str) -> None: ...

    async def remove(self, key: str) -> None: ...

    async def keys(self, prefix: str) -> list[str]: ...


class SharedPreferencesStore:
    """KeyValueStore over an `ft.SharedPreferences` service (keep that service referenced)."""

    def __init__(self, prefs) -> None:
        self._prefs = prefs
        self._early: dict[str, asyncio.Future] = {}

    def read_early(self, keys: Iterable[str]) -> None:
        """Ask for these keys now; the first `get` of each is answered by that read.

        Every read is a round trip to the page's storage. Asked before the first screen is drawn,
        they are answered while it is, instead of one round trip after it.
        """
        for key in keys:
            self._early[key] = asyncio.ensure_future(self._prefs.get(key))

    async def get(self, key: str) -> str | None:
        """The value, or None when missing or not a string."""
        early = self._early.pop(key, None)
        value = await (early if early is not None else self._prefs.get(key))
        return value if isinstance(value, str) else None

    async def set(self, key: str, value: str) -> None:
        """Store the value; raises OSError when the tablet refused to keep it."""
        self._early.pop(key, None)  # read before this write: no longer the value
        if await self._prefs.set(key, value) is False:
            raise OSError(f"storage refused {key}")

    async def remove(self, key: str) -> None:
        """Forget the key (no error when it is missing)."""
        self._early.pop(key, None)
        await self._prefs.remove(key)

    async def keys(self, prefix: str) -> list[str]:
        """All keys that start with prefix."""
        return list(await self._prefs.get_keys(prefix) or [])


class MemoryStore:
    """KeyValueStore in a dict: for tests and for screens that need nothing durable."""

    def __init__(self, data: dict[str, str] | None = None) -> None:
        self.data: dict[str, str] = data if data is not None else {}

    async def get(self, key: str) -> str | None:
        """The value, or None."""
        return self.data.get(key)

    async def set(self, key: str, value: str) -> None:
        """Store the value."""
        self.data[key] = value

    async def remove(self, key: str) -> None:
        """Forget the key."""
        self.data.pop(key, None)

    async def keys(self, prefix: str) -> list[str]:
        """All keys that start with prefix."""
        return [k for k in self.data if k.startswith(prefix)]
