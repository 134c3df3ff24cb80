"""The API client speaks docs/api.md: paths, tokens, bodies, and its two kinds of failure."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.client.transport import HttpResponse

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


class RecordingTransport:
    """Answers every request with one canned response and remembers the requests."""

    def __init__(self, response: HttpResponse | Exception) -> None:
        self.response = response
        self.requests: list[dict] = []

    async def request(self, method, url, *, headers, body=None, timeout=10.0):
        self.requests.append({"method": method, "url": url, "headers": headers, "body": body})
        if isinstance(self.response, Exception):
            raise self.response
        return self.response

    async def aclose(self):
        pass


def json_response(status: int, value) -> HttpResponse:
    return HttpResponse(status, json.dumps(value).encode(), "application/json")


def test_a_call_sends_token_and_json_body():
    transport = RecordingTransport(json_response(200, {"accepted": ["a"]}))
    api = ApiClient("http://h/api/", transport, token="tok")
    asyncio.run(api.send_checkins([{"id": "a", "score": 5, "at": "x"}]))
    sent = transport.requests[0]
    assert (sent["method"], sent["url"]) == ("POST", "http://h/api/v1/checkins")
    assert sent["headers"]["Authorization"] == "Bearer tok"
    assert json.loads(sent["body"]) == {"checkins": [{"id": "a", "score": 5, "at": "x"}]}


def test_batches_carry_sent_at_and_the_heartbeat_its_two_reports():
    transport = RecordingTransport(json_response(200, {"accepted": []}))
    api = ApiClient("http://h/api", transport, token="tok")
    sent_at = "2026-11-28T09:00:00.123+01:00"
    asyncio.run(api.send_checkins([{"id": "a"}], sent_at))
    asyncio.run(api.send_completions([{"id": "b"}], sent_at))
    asyncio.run(api.heartbeat("1.3", 2, dropped=1, clock_offset_seconds=-7))
    asyncio.run(api.heartbeat("1.3", 2))
    bodies = [json.loads(r["body"]) for r in transport.requests]
    assert bodies == [
        {"checkins": [{"id": "a"}], "sent_at": sent_at},
        {"completions": [{"id": "b"}], "sent_at": sent_at},
        {"app_version": "1.3", "queue_depth": 2, "dropped": 1, "clock_offset_seconds": -7},
        {"app_version": "1.3", "queue_depth": 2},
    ]


def test_query_values_that_are_none_are_left_out():
    transport = RecordingTransport(json_response(200, {"order": [], "schedule": []}))
    asyncio.run(ApiClient("http://h/api", transport).rotation(weeks=4))
    assert transport.requests[0]["url"] == "http://h/api/v1/rotation?weeks=4"


def test_an_error_answer_raises_api_error_with_its_code():
    body = {"error": {"code": "pairing_code_invalid", "message": "unknown code"}}
    api = ApiClient("http://h/api", RecordingTransport(json_response(400, body)))
    with pytest.raises(ApiError) as raised:
        asyncio.run(api.pair("X", "Tablet"))
    assert (raised.value.status, raised.value.code) == (400, "pairing_code_invalid")
    assert not raised.value.retryable


def test_an_error_page_that_is_not_ours_keeps_its_status():
    api = ApiClient("http://h/api", RecordingTransport(HttpResponse(502, b"<html>bad gateway")))
    with pytest.raises(ApiError) as raised:
        asyncio.run(api.kiosk())
    assert raised.value.status == 502 and raised.value.retryable


def test_no_answer_raises_offline():
    api = ApiClient("http://h/api", RecordingTransport(Offline("refused")))
    with pytest.raises(Offline):
        asyncio.run(api.kiosk())


def test_a_typed_key_that_cannot_be_a_token_is_unauthorized_without_a_call():
    transport = RecordingTransport(HttpResponse(200, b"{}"))
    with pytest.raises(ApiError) as raised:
        asyncio.run(ApiClient("http://h/api", transport, token="gæt").settings())
    assert raised.value.status == 401 and transport.requests == []


def test_an_address_no_request_can_go_to_is_offline():
    from app.client.transport import HttpxTransport

    async def scenario():
        transport = HttpxTransport()
        try:
            await ApiClient("http://exa mple:99999/api", transport).kiosk()
        finally:
            await transport.aclose()

    with pytest.raises(Offline):
        asyncio.run(scenario())


def test_no_content_answers_none():
    api = ApiClient("http://h/api", RecordingTransport(HttpResponse(204)))
    assert asyncio.run(api.heartbeat("1", 0)) is None


def test_httpx_transport_turns_a_refused_connection_into_offline():
    from app.client.transport import HttpxTransport

    async def scenario():
        transport = HttpxTransport()
        try:
            await ApiClient("http://127.0.0.1:9/api", transport).kiosk()
        finally:
            await transport.aclose()

    with pytest.raises(Offline):
        asyncio.run(scenario())


def test_every_documented_endpoint_has_a_client_method():
    # The contract's tables list "METHOD /path"; each path must appear in the client.
    documented = set(
        re.findall(r"^\| (GET|POST|PUT|PATCH|DELETE) (/v1/[^ |]+)", API_DOC.read_text(), re.M)
    )
    assert len(documented) > 30
    source = (Path(__file__).resolve().parents[2] / "app" / "client" / "api.py").read_text()
    client_paths = {re.sub(r"\{[^}]+\}", "{}", p) for p in re.findall(r'"(/v1/[^"?]*)"', source)}
    client_paths |= {
        re.sub(r"\{_seg\([a-z_]+\)\}", "{}", p) for p in re.findall(r'f"(/v1/[^"?]*)"', source)
    }
    missing = {(m, p) for m, p in documented if re.sub(r"\{[^}]+\}", "{}", p) not in client_paths}
    assert not missing
