"""A fake API for screen state tests: canned answers per (method, path), requests recorded."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.client.api import ApiClient
from app.client.errors import Offline
from app.client.transport import HttpResponse

API = "http://test/api"
Answer = tuple[int, Any]


def run(coro):
    """Run a coroutine to its end, in a thread of its own: a browser test's Playwright may
    already hold an event loop in this one when the whole suite runs in one process."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def error(status: int, code: str) -> Answer:
    """An error answer in the API's shape."""
    return status, {"error": {"code": code, "message": code}}


class FakeApi:
    """Transport that answers from `routes`; a route is an Answer or fn(token, body, query)."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Answer | Callable[..., Answer]] = {}
        self.calls: list[tuple[str, str, str | None, Any]] = []
        self.offline = False

    def on(self, method: str, path: str, answer: Answer | Callable[..., Answer]) -> None:
        """Answer `method path` with a fixed answer or a function of (token, body, query)."""
        self.routes[(method, path)] = answer

    def client(self, token: str | None = None) -> ApiClient:
        """An ApiClient over this fake."""
        return ApiClient(API, self, token)

    def called(self, method: str, path: str) -> list:
        """The bodies of the calls made to `method path`."""
        return [body for m, p, _t, body in self.calls if (m, p) == (method, path)]

    async def request(self, method, url, *, headers, body=None, timeout=10.0) -> HttpResponse:
        """Answer from the routes (404 for unknown ones)."""
        if self.offline:
            raise Offline("fake offline")
        parts = urlsplit(url)
        path = parts.path.removeprefix("/api")
        token = (headers.get("Authorization") or "").removeprefix("Bearer ") or None
        data = json.loads(body) if body else None
        self.calls.append((method, path, token, data))
        route = self.routes.get((method, path))
        if route is None:
            status, payload = error(404, "not_found")
        elif callable(route):
            status, payload = route(token, data, parse_qs(parts.query))
        else:
            status, payload = route
        if isinstance(payload, str):
            return HttpResponse(status, payload.encode(), "text/csv")
        if isinstance(payload, bytes):
            return HttpResponse(status, payload, "application/pdf")
        raw = b"" if payload is None else json.dumps(payload).encode()
        return HttpResponse(status, raw, "application/json")

    async def aclose(self) -> None:
        """Nothing to close."""


def pulse_answer(weeks: list[dict], threshold: int = 5, completions: list[str] = ()) -> dict:
    """A pulse answer with the given weeks (the last is this week)."""
    return {
        "workplace": {"id": "wp1", "name": "Solsikken", "area": "Børn og unge"},
        "threshold": threshold,
        "week": weeks[-1]["week"],
        "weeks": weeks,
        "organisation": [{"week": w["week"], "mean": 6.0} for w in weeks],
        "prompt": {
            "id": "tilgaengelige",
            "da": "Vi er tilgængelige for hinanden, når vi…",
            "en": "We are available to each other when we…",
        },
        "completions": [{"id": f"c{i}", "text": text} for i, text in enumerate(completions)],
    }


def week(
    name: str,
    responses: int | None,
    mean: float | None = None,
    distribution: list[int] | None = None,
) -> dict:
    """One week of a pulse: suppressed when no mean is given."""
    suppressed = mean is None
    return {
        "week": name,
        "responses": responses,
        "mean": mean,
        "distribution": distribution,
        "suppressed": suppressed,
    }
