"""uvicorn's HTTP/1.1 protocol with the limits it lacks, so one client cannot stop `serve`.

What uvicorn does by itself, and what not (0.54, read in its h11_impl.py):
- `h11_max_incomplete_event_size` caps the bytes of a request head, but only for the h11
  protocol (the default httptools one has no cap) and answers 400, not 431. We choose h11, map
  its refusal to 431, and add a cap on the number of header fields.
- `timeout_keep_alive` closes a connection idle *after* a response; one that never sends a byte,
  or sends its head or body a byte at a time (slowloris), is kept forever. Each request here must
  arrive whole within `request_seconds` of the connection opening or the last response.
- `limit_concurrency` answers 503 once that many connections are open, so a few hundred idle
  sockets from one client would refuse everyone. We cap open connections per client address
  (held in memory while a connection is open, never logged or stored) and in all; over the cap a
  new connection is closed at once.
"""

from __future__ import annotations

import asyncio
import resource
from collections import Counter
from dataclasses import dataclass, replace

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

REFUSED = b"HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
LINGER_SECONDS = 2.0
PHRASES = {400: b"Bad Request", 408: b"Request Timeout", 431: b"Request Header Fields Too Large"}


@dataclass(frozen=True)
class Limits:
    """How much one request and one client may take of the server."""

    max_header_bytes: int = 32 * 1024  # browsers send 1-4 KiB; Flet sets no cookies
    max_headers: int = 100
    request_seconds: float = 10.0  # head and body of one request, from open or last answer
    max_connections: int = 1000
    max_connections_per_client: int = 100  # a NAT of tablets: ~3-6 sockets each


class HeadTooLarge(h11.RemoteProtocolError):
    """More header fields, or more bytes of them, than Limits allow."""


class _LimitedConnection(h11.Connection):
    """h11's connection that also counts header fields and remembers why it refused."""

    def __init__(self, limits: Limits):
        super().__init__(h11.SERVER, max_incomplete_event_size=limits.max_header_bytes)
        self.limits = limits
        self.refusal = 400

    def next_event(self):
        try:
            event = super().next_event()
        except h11.RemoteProtocolError as error:
            self.refusal = error.error_status_hint
            raise
        if isinstance(event, h11.Request) and _too_large(event, self.limits):
            self.refusal = 431
            raise HeadTooLarge("too many or too large header fields", error_status_hint=431)
        return event


def _too_large(request: h11.Request, limits: Limits) -> bool:
    # h11 bounds only a head that is still incomplete; one that arrived whole is measured here.
    if len(request.headers) > limits.max_headers:
        return True
    size = len(request.target) + sum(len(n) + len(v) + 4 for n, v in request.headers)
    return size > limits.max_header_bytes


def guarded_protocol(limits: Limits) -> type[H11Protocol]:
    """An H11Protocol class enforcing `limits` (one per server: it holds the per-client counts)."""
    per_client: Counter[str] = Counter()

    class GuardedProtocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None
        _address: str | None = None
        _lingering = False

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.conn = _LimitedConnection(limits)

        def connection_made(self, transport: asyncio.Transport) -> None:
            peer = transport.get_extra_info("peername")
            address = str(peer[0]) if isinstance(peer, tuple) else "local"
            busy = len(self.connections) >= limits.max_connections
            if busy or per_client[address] >= limits.max_connections_per_client:
                transport.write(REFUSED)
                transport.close()
                self.transport = transport
                return
            self._address = address
            per_client[address] += 1
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            if self._address is not None:
                self._release()
                super().connection_lost(exc)

        def _release(self) -> None:
            per_client[self._address] -= 1
            if per_client[self._address] <= 0:
                del per_client[self._address]  # no address kept once its sockets close
            self._address = None

        def data_received(self, data: bytes) -> None:
            if self._address is None or self._lingering:
                return  # refused: what still comes in is read and dropped
            super().data_received(data)
            if self.conn.their_state in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR):
                self._disarm()  # the request is all here; answering is the app's business

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()  # the next request on this connection gets its own time

        def handle_websocket_upgrade(self, event: h11.Request) -> None:
            self._disarm()  # a websocket lives on; its pings find a dead peer
            super().handle_websocket_upgrade(event)
            # The socket now belongs to the websocket protocol: it still counts for its client.
            websocket, release = self.transport.get_protocol(), self._release
            lost = websocket.connection_lost

            def connection_lost(exc: Exception | None) -> None:
                release()
                lost(exc)

            websocket.connection_lost = connection_lost

        def send_400_response(self, msg: str) -> None:
            self._refuse(self.conn.refusal if self.conn.refusal in PHRASES else 400)

        def _refuse(self, status: int) -> None:
            body = PHRASES[status]
            self.transport.write(
                b"HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\n"
                b"connection: close\r\ncontent-length: %d\r\n\r\n%s"
                % (status, body, len(body), body)
            )
            # Close our side, but read on a little: closing with unread bytes would reset the
            # connection, and a client still sending would never see our answer.
            self._lingering = True
            self.transport.write_eof()
            self.loop.call_later(LINGER_SECONDS, self.transport.close)

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(limits.request_seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            if self.conn.their_state is h11.IDLE and not self.conn.trailing_data[0]:
                self.transport.close()  # idle: nothing to answer
            elif self.cycle is None or not self.cycle.response_started:
                self._refuse(408)
            else:
                self.transport.close()

    return GuardedProtocol


def raise_open_file_limit(wanted: int) -> int:
    """Raise this process's soft limit on open files towards `wanted` (never above the hard
    limit); the connection caps are set below it so sockets never starve the SQLite file."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        return target
    return soft


def run(app, host: str, port: int, limits: Limits | None = None) -> None:
    """uvicorn with the guarded protocol, under a raised open-file limit."""
    limits = limits or Limits()
    files = raise_open_file_limit(4 * limits.max_connections)
    # Sockets stay well under the file limit: SQLite, logs and Flet's files need handles too.
    limits = replace(limits, max_connections=min(limits.max_connections, files - 128))
    uvicorn.run(
        app,
        host=host,
        port=port,
        http=guarded_protocol(limits),
        h11_max_incomplete_event_size=limits.max_header_bytes,
        timeout_keep_alive=5,
        access_log=False,
        log_level="warning",
    )
