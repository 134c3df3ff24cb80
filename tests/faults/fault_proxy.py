"""A fault-injecting HTTP proxy between simulated kiosks and a real `tryghedspuls serve`.

It reads each request whole (HTTP/1.1 with Content-Length, keep-alive), asks its plan what goes
wrong with it, and does that:

- ``drop_request``: the connection is cut before the request reaches the server.
- ``drop_response``: the server handles (commits) the request, the kiosk never hears back.
- ``duplicate``: the server gets the request twice at once; the kiosk hears one answer.
- ``reorder``: the kiosk's connection is cut and the request reaches the server later, after the
  kiosk's newer requests (a delayed retransmission).
- ``server_error``: a 503 without reaching the server, or a 500 after the server committed.
- ``slow``: the answer comes late; sometimes later than the kiosk waits (committed, unheard).
- ``restart``: the server commits, then the kiosk that sent it restarts before hearing back.

Everything runs on the caller's event loop, on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import httpx

FAULTS = (
    "drop_request",
    "drop_response",
    "duplicate",
    "reorder",
    "server_error",
    "slow",
    "restart",
)
_HOP_HEADERS = {"host", "content-length", "connection", "keep-alive", "transfer-encoding"}
_KEPT_RESPONSE_HEADERS = {"content-type", "www-authenticate"}


@dataclass(frozen=True)
class Request:
    """One request as the proxy saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def token(self) -> str:
        """The bearer token, or ""."""
        return self.headers.get("authorization", "").removeprefix("Bearer ")


@dataclass(frozen=True)
class Answer:
    """What goes back to the kiosk."""

    status: int
    headers: dict[str, str]
    body: bytes


class RotatingPlan:
    """Faults a share of the requests, taking the kinds in turn so each one is sure to occur."""

    def __init__(self, rate: float, seed: int, kinds: tuple[str, ...] = FAULTS) -> None:
        self._rate, self._rng, self._kinds, self._turn = rate, random.Random(seed), kinds, 0

    def __call__(self, request: Request) -> str:
        if self._rng.random() >= self._rate:
            return "pass"
        self._turn += 1
        return self._kinds[(self._turn - 1) % len(self._kinds)]


class ScriptedPlan:
    """Faults the next requests as the script says, one entry each; then lets everything pass.

    With `only`, just requests whose path ends so take an entry (e.g. check-ins, so no fault is
    spent on a heartbeat); `seen` and `faulted` count those requests and the faults they got."""

    def __init__(self, script: list[str], only: str = "") -> None:
        self._script = list(script)
        self._only = only
        self.seen = 0
        self.faulted: Counter[str] = Counter()

    def __call__(self, request: Request) -> str:
        if not request.path.endswith(self._only):
            return "pass"
        self.seen += 1
        fault = self._script.pop(0) if self._script else "pass"
        if fault != "pass":
            self.faulted[fault] += 1
        return fault


class FaultProxy:
    """Listens on 127.0.0.1 and forwards to `upstream`, breaking requests as `plan` says."""

    def __init__(
        self,
        upstream: str,
        plan: Callable[[Request], str],
        *,
        on_restart: Callable[[str], None] = lambda token: None,
        seed: int = 0,
        slow_seconds: tuple[float, float] = (0.2, 1.6),
        reorder_seconds: tuple[float, float] = (0.1, 0.8),
    ) -> None:
        self.upstream = upstream
        self.plan = plan
        self.on_restart = on_restart
        self.stats: Counter[str] = Counter()
        self._rng = random.Random(seed)
        self._slow = slow_seconds
        self._reorder = reorder_seconds
        self._late: set[asyncio.Task] = set()
        self._server: asyncio.Server | None = None
        self._client: httpx.AsyncClient | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The proxy's address, to give the kiosks instead of the server's."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FaultProxy:
        """Listen on a free port."""
        self._client = httpx.AsyncClient(base_url=self.upstream, timeout=30)
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def settled(self) -> None:
        """Wait until every held-back (reordered) request has reached the server."""
        while self._late:
            await asyncio.gather(*list(self._late), return_exceptions=True)

    async def close(self) -> None:
        """Stop listening; let late deliveries finish first."""
        await self.settled()
        if self._server:
            self._server.close()
            await self._server.wait_closed()
        if self._client:
            await self._client.aclose()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while request := await _read_request(reader):
                answer = await self._handle(request)
                if answer is None:
                    break  # the fault cuts the connection
                writer.write(_encode(answer))
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _handle(self, request: Request) -> Answer | None:
        fault = self.plan(request)
        self.stats[fault] += 1
        self.stats["requests"] += 1
        if fault == "drop_request":
            return None
        if fault == "reorder":
            late = asyncio.ensure_future(self._deliver_late(request))
            self._late.add(late)
            late.add_done_callback(self._late.discard)
            return None
        if fault == "server_error" and self._rng.random() < 0.5:
            return _error(503, "unavailable")
        if fault == "duplicate":
            first, _second = await asyncio.gather(self._forward(request), self._forward(request))
            return first
        answer = await self._forward(request)
        if fault == "drop_response":
            return None
        if fault == "restart":
            self.on_restart(request.token)
            return None
        if fault == "server_error":
            return _error(500, "internal_error")  # the server did commit
        if fault == "slow":
            await asyncio.sleep(self._rng.choice(self._slow))
        return answer

    async def _deliver_late(self, request: Request) -> None:
        await asyncio.sleep(self._rng.uniform(*self._reorder))
        await self._forward(request)

    async def _forward(self, request: Request) -> Answer:
        assert self._client is not None
        headers = {k: v for k, v in request.headers.items() if k not in _HOP_HEADERS}
        try:
            response = await self._client.request(
                request.method, request.path, headers=headers, content=request.body
            )
        except httpx.HTTPError:
            return _error(502, "bad_gateway")  # the server is down (it may be restarting)
        kept = {k: v for k, v in response.headers.items() if k.lower() in _KEPT_RESPONSE_HEADERS}
        return Answer(response.status_code, kept, response.content)


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None  # the client closed its connection
    lines = head.decode("latin-1").split("\r\n")
    method, path, _version = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return Request(method, path, headers, body)


def _error(status: int, code: str) -> Answer:
    body = b'{"error": {"code": "%s", "message": "injected by the fault proxy"}}' % code.encode()
    return Answer(status, {"content-type": "application/json"}, body)


def _encode(answer: Answer) -> bytes:
    lines = [f"HTTP/1.1 {answer.status} X"]
    lines += [f"{name}: {value}" for name, value in answer.headers.items()]
    lines += [f"content-length: {len(answer.body)}", "connection: keep-alive", "", ""]
    return "\r\n".join(lines).encode("latin-1") + answer.body
