"""The Tablets overview: every tablet across workplaces, the ones needing attention first."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.api.conftest import ADMIN_TOKEN


def _beat(api, token: str, **report):
    body = {"app_version": "0.1.0", "queue_depth": 0} | report
    answer = api.post("/v1/heartbeat", body, token=token)
    assert answer.status == 204, answer.text


def _by_workplace(api) -> dict[str, dict]:
    answer = api.get("/v1/devices")
    assert answer.status == 200, answer.text
    return {row["workplace_name"]: row for row in answer.json["tablets"]}


def test_overview_lists_tablets_and_workplaces_without_one(api, clock):
    # Given a workplace with a healthy tablet and one without a tablet
    healthy = api.paired_device(api.workplace("Solsikken", "Dagtilbud"), "Pauserum")
    api.workplace("Skolen", "Skole")
    _beat(api, healthy, queue_depth=3, dropped=0, clock_offset_seconds=-4)
    rows = _by_workplace(api)
    # Then both are listed, the empty workplace first
    [device] = api.get(f"/v1/workplaces/{rows['Solsikken']['workplace_id']}/devices").json[
        "devices"
    ]
    assert rows["Solsikken"] == {
        "workplace_id": rows["Solsikken"]["workplace_id"],
        "workplace_name": "Solsikken",
        "area": "Dagtilbud",
        "device_id": device["device_id"],
        "device_name": "Pauserum",
        "last_seen": "2026-11-25T10:00:00Z",
        "app_version": "0.1.0",
        "queue_depth": 3,
        "dropped": 0,
        "clock_offset_seconds": -4,
        "attention": [],
    }
    assert rows["Skolen"]["attention"] == ["no_tablet"] and rows["Skolen"]["device_id"] is None
    answer = api.get("/v1/devices").json
    assert [r["workplace_name"] for r in answer["tablets"]] == ["Skolen", "Solsikken"]
    assert answer["needing_attention"] == 1


def test_tablets_that_drop_taps_or_run_wrong_clocks_need_attention(api):
    dropping = api.paired_device(api.workplace("A-huset"))
    clock_off = api.paired_device(api.workplace("B-huset"))
    fine = api.paired_device(api.workplace("C-huset"))
    _beat(api, dropping, dropped=2)
    _beat(api, clock_off, clock_offset_seconds=121)
    _beat(api, fine, clock_offset_seconds=-120)
    rows = _by_workplace(api)
    assert rows["A-huset"]["attention"] == ["dropping"]
    assert rows["B-huset"]["attention"] == ["clock"]
    assert rows["C-huset"]["attention"] == []


def test_silence_counts_weekdays_only(api, clock):
    # Given a tablet last heard on Friday afternoon
    clock.now = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)  # a Friday
    token = api.paired_device(api.workplace("Solsikken"))
    _beat(api, token)
    # Then on Monday morning it is not silent yet: the weekend does not count
    clock.now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert _by_workplace(api)["Solsikken"]["attention"] == []
    # But on Monday evening more than a weekday has passed without a word
    clock.now = datetime(2026, 11, 30, 16, 30, tzinfo=UTC)
    assert _by_workplace(api)["Solsikken"]["attention"] == ["silent"]


def test_silent_and_never_seen_come_before_a_wrong_clock(api, clock):
    wrong_clock = api.paired_device(api.workplace("A-huset"))
    _beat(api, wrong_clock, clock_offset_seconds=600)
    silent = api.paired_device(api.workplace("B-huset"))
    _beat(api, silent)
    api.paired_device(api.workplace("C-huset"))  # never sent a heartbeat
    clock.advance(days=2)  # Wednesday to Friday
    _beat(api, wrong_clock, clock_offset_seconds=600)
    order = [r["workplace_name"] for r in api.get("/v1/devices").json["tablets"]]
    assert order == ["C-huset", "B-huset", "A-huset"]


def test_revoked_tablets_leave_the_overview(api):
    wp = api.workplace("Solsikken")
    api.paired_device(wp)
    device_id = api.get(f"/v1/workplaces/{wp}/devices").json["devices"][0]["device_id"]
    assert api.call("DELETE", f"/v1/devices/{device_id}", token=ADMIN_TOKEN).status == 204
    assert _by_workplace(api)["Solsikken"]["attention"] == ["no_tablet"]
