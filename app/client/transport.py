"""One small HTTP interface with two implementations: httpx under CPython, pyfetch under Pyodide.

Pyodide has no sockets, so httpx cannot run in the browser; `pyodide.http.pyfetch` uses the
browser's fetch instead. `default_transport()` picks by `sys.platform`.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass, field
from typing import Protocol

from app.client.errors import Offline


@dataclass(frozen=True)
class HttpResponse:
    """What came back: status, body bytes and the content type."""

    status: int
    body: bytes = b""
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)


class Transport(Protocol):
    """Sends one HTTP request; raises Offline when no answer arrives in time."""

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str],
        body: bytes | None = None,
        timeout: float = 10.0,
    ) -> HttpResponse: ...

    async def aclose(self) -> None: ...


class HttpxTransport:
    """CPython transport: one pooled httpx.AsyncClient."""

    def __init__(self) -> None:
        import httpx  # imported here: it does not exist under Pyodide

        self._httpx = httpx
        self._client = httpx.AsyncClient()

    async def request(self, method, url, *, headers, body=None, timeout=10.0) -> HttpResponse:
        """Send with httpx; connection errors and timeouts become Offline."""
        try:
            response = await self._client.request(
                method, url, headers=headers, content=body, timeout=timeout
            )
        except (self._httpx.HTTPError, self._httpx.InvalidURL, ValueError) as exc:
            # connect, read, timeout, protocol, or an address no request can go to
            raise Offline(f"{method} {url}: {type(exc).__name__}") from exc
        return HttpResponse(
            status=response.status_code,
            body=response.content,
            content_type=response.headers.get("content-type", ""),
            headers=dict(response.headers),
        )

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()


class PyfetchTransport:
    """Pyodide transport: the browser's fetch through pyodide.http.pyfetch."""

    async def request(self, method, url, *, headers, body=None, timeout=10.0) -> HttpResponse:
        """Send with fetch; a failed fetch (network, CORS) or a timeout becomes Offline."""
        from pyodide.http import pyfetch  # type: ignore[import-not-found]

        async def call() -> HttpResponse:
            kwargs = {"method": method, "headers": headers}
            if body is not None:
                kwargs["body"] = body.decode("utf-8")
            response = await pyfetch(url, **kwargs)
            data = await response.bytes()
            response_headers = dict(response.headers)
            return HttpResponse(
                status=response.status,
                body=data,
                content_type=response_headers.get("content-type", ""),
                headers=response_headers,
            )

        try:
            return await asyncio.wait_for(call(), timeout)
        except Exception as exc:  # fetch raises OSError or JsException; both mean no answer
            raise Offline(f"{method} {url}: {type(exc).__name__}") from exc

    async def aclose(self) -> None:
        """Nothing to close: fetch has no pool of ours."""


def default_transport() -> Transport:
    """The transport for this runtime: pyfetch in the browser (Pyodide), httpx elsewhere."""
    if sys.platform == "emscripten":
        return PyfetchTransport()
    return HttpxTransport()
