"""The embedded stack over real HTTP: `tryghedspuls serve` on a real port and a real SQLite file."""

from __future__ import annotations

import stat
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.serving import TEST_ADMIN_TOKEN, running_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("serve") / "data") as running:
        yield running


def admin(server, method, path, headers=None, **kw):
    headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}", **(headers or {})}
    return httpx.request(method, f"{server.api}{path}", headers=headers, timeout=10, **kw)


def test_a_tap_travels_from_pairing_to_the_pulse(server):
    wp = admin(server, "POST", "/v1/workplaces", json={"name": "Solsikken"}).json()["id"]
    code = admin(server, "POST", f"/v1/workplaces/{wp}/pairing-codes").json()["code"]
    paired = httpx.post(f"{server.api}/v1/pair", json={"code": code, "device_name": "Pauserum"})
    assert paired.status_code == 201
    device = {"Authorization": f"Bearer {paired.json()['device_token']}"}
    now = datetime.now(UTC).isoformat()
    items = [{"id": str(uuid.uuid4()), "score": s, "at": now} for s in (4, 6, 8, 8, 9)]
    first = httpx.post(f"{server.api}/v1/checkins", json={"checkins": items}, headers=device)
    retry = httpx.post(f"{server.api}/v1/checkins", json={"checkins": items}, headers=device)
    assert len(first.json()["accepted"]) == 5 and len(retry.json()["duplicates"]) == 5
    week = admin(server, "GET", f"/v1/workplaces/{wp}/pulse").json()["weeks"][-1]
    assert (week["responses"], week["mean"]) == (5, 7.0)


def test_a_tablet_reports_its_dropped_items_and_clock_over_http(server):
    # Given a paired tablet
    wp = admin(server, "POST", "/v1/workplaces", json={"name": "Mælkebøtten"}).json()["id"]
    code = admin(server, "POST", f"/v1/workplaces/{wp}/pairing-codes").json()["code"]
    paired = httpx.post(f"{server.api}/v1/pair", json={"code": code, "device_name": "Gang"})
    device = {"Authorization": f"Bearer {paired.json()['device_token']}"}
    # When it reports one refused item and a clock 10 minutes slow
    beat = {"app_version": "1.3.0", "queue_depth": 0, "dropped": 1, "clock_offset_seconds": -600}
    answer = httpx.post(f"{server.api}/v1/heartbeat", json=beat, headers=device)
    # Then the admin's device list shows both
    assert answer.status_code == 204
    [listed] = admin(server, "GET", f"/v1/workplaces/{wp}/devices").json()["devices"]
    assert (listed["dropped"], listed["clock_offset_seconds"]) == (1, -600)


def test_a_tablet_with_a_clock_reset_to_2000_loses_no_tap_over_http(server):
    # Given a paired tablet whose clock restarted at 2000-01-01 after a flat battery
    wp = admin(server, "POST", "/v1/workplaces", json={"name": "Blåklokken"}).json()["id"]
    code = admin(server, "POST", f"/v1/workplaces/{wp}/pairing-codes").json()["code"]
    paired = httpx.post(f"{server.api}/v1/pair", json={"code": code, "device_name": "Gang"})
    device = {"Authorization": f"Bearer {paired.json()['device_token']}"}
    tablet_now = datetime(2000, 1, 1, 0, 20, tzinfo=UTC)
    taps = [
        {"id": str(uuid.uuid4()), "score": s, "at": (tablet_now - timedelta(minutes=m)).isoformat()}
        for s, m in ((3, 15), (7, 12), (9, 9), (6, 6), (5, 3))
    ]
    # When it sends five taps with sent_at from the same clock
    body = {"checkins": taps, "sent_at": tablet_now.isoformat()}
    answer = httpx.post(f"{server.api}/v1/checkins", json=body, headers=device).json()
    # Then all five count in this week, and the answer tells the server's time
    assert len(answer["accepted"]) == 5 and answer["rejected"] == []
    assert abs(datetime.fromisoformat(answer["server_time"]) - datetime.now(UTC)) < timedelta(
        minutes=1
    )
    week = admin(server, "GET", f"/v1/workplaces/{wp}/pulse").json()["weeks"][-1]
    assert (week["responses"], week["mean"]) == (5, 6.0)


def test_errors_are_json_over_http(server):
    answer = httpx.post(
        f"{server.api}/v1/heartbeat",
        json={"app_version": "1", "queue_depth": 0},
        headers={"Authorization": "Bearer nope"},
    )
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"


def test_huge_body_is_refused_with_413(server):
    answer = admin(
        server,
        "POST",
        "/v1/workplaces",
        content=b"x" * (300 * 1024),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "payload_too_large"


def test_log_has_one_line_per_request_and_no_tokens(server):
    admin(server, "GET", "/v1/workplaces")
    log = server.log()
    assert "GET /v1/workplaces 200" in log
    assert (
        TEST_ADMIN_TOKEN not in log.split("Admin:")[0] + log.split("Admin:")[-1].split("\n", 1)[-1]
    )
    assert "127.0.0.1:" not in log.replace(server.base_url, "")


def test_cors_lets_the_pwa_call_from_another_origin(server):
    answer = httpx.options(
        f"{server.api}/v1/kiosk",
        headers={
            "Origin": "http://127.0.0.1:9999",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert answer.status_code == 204
    assert answer.headers["access-control-allow-origin"] in ("*", "http://127.0.0.1:9999")


def test_first_start_writes_a_private_admin_token_and_a_restart_keeps_data(tmp_path):
    data = tmp_path / "data"
    with running_server(data, env={"TRYGHEDSPULS_ADMIN_TOKEN": None}) as first:
        token_file = data / "admin-token"
        token = token_file.read_text().strip()
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        assert token not in first.log() and f"the admin token is in {token_file}" in first.log()
        headers = {"Authorization": f"Bearer {token}"}
        httpx.post(f"{first.api}/v1/workplaces", json={"name": "Bliver"}, headers=headers)
    with running_server(data, env={"TRYGHEDSPULS_ADMIN_TOKEN": None}) as second:
        listed = httpx.get(f"{second.api}/v1/workplaces", headers=headers).json()
        assert [w["name"] for w in listed["workplaces"]] == ["Bliver"]
    assert (data / "tryghedspuls.db").exists()
