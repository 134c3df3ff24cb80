"""The embedded stack's API Gateway: HTTP requests become API Gateway HTTP API (v2) events for the
very resolver the Lambda functions use, so embedded and AWS run the same code path.

Powertools keeps the current event on the resolver class, so one request is resolved at a time
(under a lock, in a worker thread so the event loop keeps serving the Flet UI). SQLite has one
writer anyway; reads take a millisecond or two. The event is built in that thread too, in time
linear in the request's size, so no request holds the event loop.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from functions.domain.errors import PairingCodeInvalid

log = logging.getLogger("tryghedspuls.http")
NO_ADDRESS = "0.0.0.0"  # noqa: S104 - we keep no client address; this is a placeholder


def to_http_api_event(method: str, path: str, query: bytes, headers: list, body: bytes) -> dict:
    """An API Gateway HTTP API v2 event for one request (no client address: we keep none)."""
    # Repeated names are joined with "," as API Gateway does: collected first, joined once.
    grouped: dict[str, list[str]] = {}
    for name, value in headers:
        grouped.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
    merged = {key: ",".join(values) for key, values in grouped.items()}
    grouped = {}
    for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        grouped.setdefault(key, []).append(value)
    params = {key: ",".join(values) for key, values in grouped.items()}
    try:
        text_body, encoded = body.decode("utf-8"), False
    except UnicodeDecodeError:
        text_body, encoded = base64.b64encode(body).decode(), True
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": query.decode("latin-1"),
        "headers": merged,
        "queryStringParameters": params or None,
        "requestContext": {
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": NO_ADDRESS,
                "userAgent": "",
            },
            "requestId": uuid.uuid4().hex,
            "routeKey": "$default",
            "stage": "$default",
            "timeEpoch": int(time.time() * 1000),
        },
        "body": text_body if body else None,
        "isBase64Encoded": encoded,
    }


class LocalGateway:
    """An ASGI app serving a Powertools resolver under a path prefix, with a body-size limit."""

    def __init__(self, resolve: Callable[[dict, Any], dict], prefix: str, max_body_bytes: int):
        self._resolve = resolve
        self._prefix = prefix.rstrip("/")
        self._max_body = max_body_bytes
        self._lock = threading.Lock()

    def _resolve_locked(self, scope: dict, path: str, body: bytes) -> dict:
        event = to_http_api_event(
            scope["method"], path, scope.get("query_string", b""), scope.get("headers", []), body
        )
        with self._lock:
            return self._resolve(event, None)

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        path = scope["path"]
        if path.startswith(self._prefix):
            path = path[len(self._prefix) :] or "/"
        body = await self._read_body(scope, receive)
        if body is _GONE:
            return  # the client left (or was cut off) before its request was whole
        if body is None:
            response = _json_error(
                413, "payload_too_large", f"The body is larger than {self._max_body} bytes."
            )
            response["headers"]["Connection"] = "close"  # the rest of the body stays unread
        else:
            response = await asyncio.to_thread(self._resolve_locked, scope, path, body)
            # A wrong pairing code is answered late, to slow guessing (domain/pairing.py); the
            # wait holds only this request, not the lock.
            await asyncio.sleep(_hold_seconds(response))
        await _send(send, response)
        # Path only: query strings can carry a viewer token, and we log no client address. A
        # failure on our side (a full disk) is this one line with its code, not a traceback.
        status = response.get("statusCode")
        log.info(
            "%s %s %s%s %.1fms",
            scope["method"],
            path,
            status,
            f" {_error_code(response)}" if status and status >= 500 else "",
            (time.perf_counter() - started) * 1000,
        )

    async def _read_body(self, scope: dict, receive: Callable) -> bytes | object | None:
        """The whole body; None when it is over the limit; _GONE if the client left."""
        if _declared_length(scope) > _DRAIN_FACTOR * self._max_body:
            return None  # refused before a byte of it is read
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return _GONE
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self._max_body:
                # Keep reading (not keeping) a little, so a client that sends before it reads
                # gets our answer rather than a reset; then stop: the connection closes.
                if size > _DRAIN_FACTOR * self._max_body:
                    return None
            elif chunk:
                chunks.append(chunk)
            if not message.get("more_body", False):
                return None if size > self._max_body else b"".join(chunks)


def _hold_seconds(response: dict) -> float:
    if response.get("statusCode") != 400 or _error_code(response) != PairingCodeInvalid.code:
        return 0
    retry_after = str((response.get("headers") or {}).get("Retry-After", "0"))
    return min(float(retry_after), _MAX_HOLD_SECONDS) if retry_after.isdigit() else 0


def _error_code(response: dict) -> str:
    try:
        return str(json.loads(response.get("body") or "")["error"]["code"])[:40]
    except (ValueError, KeyError, TypeError):
        return "-"


_GONE = object()
_MAX_HOLD_SECONDS = 10
_DRAIN_FACTOR = 4


def _declared_length(scope: dict) -> int:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0


def _json_error(status: int, code: str, message: str) -> dict:
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"error": {"code": code, "message": message}}),
    }


async def _send(send: Callable, response: dict) -> None:
    body = response.get("body") or ""
    data = base64.b64decode(body) if response.get("isBase64Encoded") else body.encode("utf-8")
    headers = [
        (k.lower().encode("latin-1"), str(v).encode("latin-1"))
        for k, v in (response.get("headers") or {}).items()
    ]
    for name, values in (response.get("multiValueHeaders") or {}).items():
        headers += [(name.lower().encode("latin-1"), str(v).encode("latin-1")) for v in values]
    headers += [(b"set-cookie", c.encode("latin-1")) for c in response.get("cookies") or []]
    await send(
        {
            "type": "http.response.start",
            "status": response.get("statusCode", 200),
            "headers": headers,
        }
    )
    await send({"type": "http.response.body", "body": data})
