"""One client cannot stop the embedded server: a request with 100,000 headers, slow requests
(slowloris) and a thousand idle sockets from one address leave everyone else answered within a
second, and the flood's own sockets are closed. The flood comes from 127.0.0.2, the others from
127.0.0.1 (the server tells clients apart by address, in memory only)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from functions.local.connection_guard import Limits
from functions.local.gateway import to_http_api_event
from tests.serving import Server, running_server

LIMITS = Limits()
FLOODER = "127.0.0.2"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    # Started under the soft limit many machines have by default, where ~1,000 sockets used to
    # exhaust the process's file handles.
    with running_server(tmp_path_factory.mktemp("flood") / "data", open_files=1024) as running:
        yield running


class Bystander:
    """Another kiosk asking the API every 50 ms while the flood runs; keeps each wait."""

    def __init__(self, server: Server):
        self.url = f"{server.api}/v1/content"
        self.waits: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._ask, daemon=True)

    def _ask(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            try:
                ok = httpx.get(self.url, timeout=5).status_code == 200
            except httpx.HTTPError:
                ok = False
            self.waits.append(time.perf_counter() - started if ok else float("inf"))
            time.sleep(0.05)

    def __enter__(self) -> Bystander:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def flood_socket(server: Server, source: str = FLOODER) -> socket.socket:
    """A connection to the server from `source`."""
    port = int(server.base_url.rsplit(":", 1)[1])
    return socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(source, 0))


def answer_of(sock: socket.socket) -> bytes:
    """What the server sends before it closes (or b"" if it closes without a word)."""
    chunks = []
    with contextlib.suppress(ConnectionResetError, TimeoutError):
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def many_headers_request(count: int, value: bytes = b"1234567890123456789012345") -> bytes:
    """A GET with Host and `count` copies of one more header."""
    head = b"GET /api/v1/content HTTP/1.1\r\nHost: x\r\n"
    return head + (b"X-Repeated: " + value + b"\r\n") * count + b"\r\n"


def send_all(sock: socket.socket, data: bytes) -> None:
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        sock.sendall(data)


def test_a_request_with_100000_headers_gets_431_and_holds_nobody_up(server):
    # Given a kiosk asking the API all along
    with Bystander(server) as other:
        time.sleep(0.3)
        # When one client sends three requests of 100,000 repeated headers (3.8 MB each)
        floods = [flood_socket(server) for _ in range(3)]
        senders = [
            threading.Thread(target=send_all, args=(s, many_headers_request(100_000)))
            for s in floods
        ]
        for sender in senders:
            sender.start()
        answers = [answer_of(s) for s in floods]
        for sender in senders:
            sender.join()
        time.sleep(0.5)
    # Then each is refused with 431, and the other kiosk never waited a second
    assert [a.split(b"\r\n", 1)[0] for a in answers] == [
        b"HTTP/1.1 431 Request Header Fields Too Large"
    ] * 3
    assert len(other.waits) >= 3 and max(other.waits) < 1.0, other.waits


def test_header_count_and_size_have_limits(server):
    def status(request: bytes) -> bytes:
        sock = flood_socket(server, "127.0.0.1")
        send_all(sock, request)
        return answer_of_first(sock)

    assert status(many_headers_request(LIMITS.max_headers - 2)).startswith(b"HTTP/1.1 200")
    assert status(many_headers_request(LIMITS.max_headers + 1)).startswith(b"HTTP/1.1 431")
    one_big = many_headers_request(1, b"v" * (LIMITS.max_header_bytes + 1))
    assert status(one_big).startswith(b"HTTP/1.1 431")


def answer_of_first(sock: socket.socket) -> bytes:
    """The first bytes of the server's answer (a kept-alive connection does not close)."""
    sock.settimeout(10)
    data = sock.recv(65536)
    sock.close()
    return data


def test_slow_and_idle_clients_are_cut_off_and_hold_nobody_up(server):
    # Given one client that keeps sockets idle, or sends its request a byte at a time
    idle = [flood_socket(server) for _ in range(40)]
    slow = [flood_socket(server) for _ in range(40)]
    stop = threading.Event()

    def drip() -> None:
        for sock in slow:
            send_all(sock, b"POST /api/v1/checkins HTTP/1.1\r\nHost: x\r\n")
        while not stop.wait(0.5):
            for sock in slow:
                send_all(sock, b"X")

    dripping = threading.Thread(target=drip, daemon=True)
    started = time.monotonic()
    with Bystander(server) as other:
        dripping.start()
        # When the server's time for one request has passed
        idle_answers = [answer_of(s) for s in idle]
        slow_answers = [answer_of(s) for s in slow]
        waited = time.monotonic() - started
        stop.set()
    # Then idle sockets were closed without a word, slow ones got 408, within the limit
    assert idle_answers == [b""] * len(idle)
    assert {a.split(b"\r\n", 1)[0] for a in slow_answers} == {b"HTTP/1.1 408 Request Timeout"}
    assert LIMITS.request_seconds - 1 < waited < LIMITS.request_seconds + 5
    # And the other kiosk was answered within a second all along
    assert len(other.waits) >= 3 and max(other.waits) < 1.0, max(other.waits)


def test_a_thousand_idle_sockets_from_one_client_stop_nobody(server):
    # Given one client opening 1,100 sockets and sending nothing
    with Bystander(server) as other:
        sockets = [flood_socket(server) for _ in range(1100)]
        time.sleep(1.0)
        # Then past its share the client's sockets are refused at once
        sockets[-1].settimeout(5)
        assert answer_of(sockets[-1]).startswith(b"HTTP/1.1 503")
        # And another kiosk is answered within a second all along
        time.sleep(1.0)
    for sock in sockets:
        sock.close()
    assert len(other.waits) >= 3 and max(other.waits) < 1.0, max(other.waits)


def test_sockets_from_many_addresses_are_capped_and_the_server_recovers(server):
    # Given more idle sockets than the server keeps open, from many addresses
    per_address = LIMITS.max_connections_per_client
    addresses = [f"127.0.0.{n}" for n in range(3, 3 + LIMITS.max_connections // per_address + 2)]
    sockets = [flood_socket(server, a) for a in addresses for _ in range(per_address)]
    time.sleep(1.0)
    # Then the ones over the cap are refused at once, and the server stays up
    sockets[-1].settimeout(5)
    assert answer_of(sockets[-1]).startswith(b"HTTP/1.1 503")
    assert server.process.poll() is None
    # And once the idle ones are cut off, everyone is answered again
    time.sleep(LIMITS.request_seconds + 1)
    assert httpx.get(f"{server.api}/v1/content", timeout=5).status_code == 200
    for sock in sockets:
        sock.close()


def test_a_body_declared_too_large_is_refused_before_it_is_sent(server):
    # Given a request that announces 10 GB and sends none of it
    sock = flood_socket(server, "127.0.0.1")
    send_all(
        sock,
        b"POST /api/v1/checkins HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 10000000000\r\n\r\n",
    )
    # Then the answer is 413 at once, and the connection closes
    sock.settimeout(3)
    answer = answer_of(sock)
    assert answer.startswith(b"HTTP/1.1 413") and b'"payload_too_large"' in answer


def test_the_api_event_is_built_in_time_linear_in_the_headers():
    # Given 200,000 repeated headers (took minutes when each join copied the string so far)
    headers = [(b"x-repeated", b"1234567890")] * 200_000
    started = time.perf_counter()
    event = to_http_api_event("GET", "/v1/content", b"a=1&a=2", headers, b"")
    # Then the event is made in well under a second, with every value kept
    assert time.perf_counter() - started < 1.0
    assert event["headers"]["x-repeated"].count(",") == 199_999
    assert event["queryStringParameters"] == {"a": "1,2"}
