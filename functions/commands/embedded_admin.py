"""Calling an admin route of the embedded data folder in-process, as the data folder's admin.

The commands go through the very resolver, validation, audit and error mapping the console's
requests take (an API Gateway v2 event, no HTTP server needed), so a file the console refuses is
refused here with the same words.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from functions.api.services import use_services
from functions.config import load_config
from functions.local.embedded import prepare
from functions.local.gateway import to_http_api_event


@dataclass(frozen=True)
class Answer:
    """A route's answer: status, content type and body bytes."""

    status: int
    content_type: str
    body: bytes

    def json(self) -> dict:
        """The body as JSON."""
        return json.loads(self.body)


def call_admin(data_dir: Path, method: str, path: str, body: dict) -> Answer:
    """Send one request to the embedded API of `data_dir` with its admin token."""
    # The admin routes and their models: ~0.12 s, a third of every other command's start.
    from functions.api.admin import app  # noqa: PLC0415

    embedded = prepare(load_config(), data_dir, "")  # SQLite in DIR, whatever the config says
    headers = [
        (b"content-type", b"application/json"),
        (b"authorization", f"Bearer {embedded.admin_token}".encode()),
    ]
    event = to_http_api_event(method, path, b"", headers, json.dumps(body).encode("utf-8"))
    use_services(embedded.services)
    try:
        result = app.resolve(event, None)
    finally:
        use_services(None)
    text = result.get("body") or ""
    data = base64.b64decode(text) if result.get("isBase64Encoded") else text.encode("utf-8")
    content_type = (result.get("headers") or {}).get("Content-Type", "")
    return Answer(result["statusCode"], content_type, data)


def error_lines(answer: Answer) -> list[str]:
    """An error answer as lines for the terminal: the message, then each problem by line."""
    error = answer.json().get("error", {})
    lines = [f"{error.get('code', 'error')}: {error.get('message', '')}"]
    for detail in error.get("details") or []:
        where = f"line {detail['line']}" if "line" in detail else ".".join(detail.get("loc", []))
        lines.append(f"  {where}: {detail.get('message') or detail.get('type', '')}")
    return lines
