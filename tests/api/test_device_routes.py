"""The kiosk's side of the API: pairing, its configuration, check-ins, completions, heartbeat."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from tests.api.conftest import ADMIN_TOKEN


def test_pairing_code_pairs_a_tablet_once(api):
    # Given a workplace and a fresh pairing code
    wp = api.workplace()
    code = api.post(f"/v1/workplaces/{wp}/pairing-codes").json["code"]
    # When a tablet pairs with it
    first = api.post("/v1/pair", {"code": code, "device_name": "Pauserum"}, token=None)
    # Then it gets a device token for that workplace, and the code is used up
    assert first.status == 201
    assert first.json["workplace"] == {"id": wp, "name": "Solsikken"}
    assert len(first.json["device_token"]) >= 43
    again = api.post("/v1/pair", {"code": code, "device_name": "Andet"}, token=None)
    assert again.status == 400
    assert again.json["error"]["code"] == "pairing_code_invalid"


def test_pairing_code_is_typed_forgivingly(api):
    wp = api.workplace()
    code = api.post(f"/v1/workplaces/{wp}/pairing-codes").json["code"]
    sloppy = code.replace("-", " ").lower()
    assert api.post("/v1/pair", {"code": sloppy, "device_name": "X"}, token=None).status == 201


def test_expired_pairing_code_is_refused(api, clock):
    wp = api.workplace()
    code = api.post(f"/v1/workplaces/{wp}/pairing-codes").json["code"]
    clock.advance(minutes=16)
    answer = api.post("/v1/pair", {"code": code, "device_name": "Pauserum"}, token=None)
    assert answer.status == 400
    assert answer.json["error"]["code"] == "pairing_code_invalid"


def test_wrong_pairing_codes_never_lock_out_a_right_one(api):
    # Given many wrong guesses in one window (31 used to lock pairing for everyone)
    wrong = [
        api.post("/v1/pair", {"code": f"WRONG{i:03d}", "device_name": "x"}, token=None)
        for i in range(100)
    ]
    # Then each is refused as wrong, with the time its answer is held back
    assert {(w.status, w.headers["Retry-After"]) for w in wrong} == {(400, "1")}
    # And a right code still pairs
    wp = api.workplace()
    code = api.post(f"/v1/workplaces/{wp}/pairing-codes").json["code"]
    assert api.post("/v1/pair", {"code": code, "device_name": "x"}, token=None).status == 201


def test_kiosk_gets_question_prompt_behaviours_and_settings(api):
    device = api.paired_device(api.workplace())
    kiosk = api.get("/v1/kiosk", token=device).json
    assert kiosk["question"]["da"].startswith("På en skala fra 1 til 10")
    assert len(kiosk["behaviours"]) == 7
    assert kiosk["prompt"]["da"].endswith("…")
    assert kiosk["settings"] == {"cooldown_seconds": 20, "idle_reset_seconds": 45}
    assert kiosk["week"] == "2026-W48"
    assert kiosk["last_week"] is None


def test_kiosk_shows_last_week_only_from_the_threshold(api, clock):
    wp = api.workplace()
    device = api.paired_device(wp)
    api.check_in(device, 6, 7, 8, 9)
    clock.advance(days=7)
    assert api.get("/v1/kiosk", token=device).json["last_week"] is None
    api.check_in(device, 5, 5, 5, 5, 5, at=clock.now - timedelta(days=7))
    assert api.get("/v1/kiosk", token=device).json["last_week"] == {
        "week": "2026-W48",
        "responses": 9,
        "mean": 6.11,
    }


def test_retried_batch_counts_once(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    items = [
        {"id": str(uuid.uuid4()), "score": s, "at": api.services.now().isoformat()}
        for s in (7, 8, 9, 10, 6)
    ]
    first = api.post("/v1/checkins", {"checkins": items}, token=device).json
    second = api.post("/v1/checkins", {"checkins": items}, token=device).json
    assert len(first["accepted"]) == 5 and first["duplicates"] == []
    assert second["accepted"] == [] and len(second["duplicates"]) == 5
    assert api.get(f"/v1/workplaces/{wp}/pulse").json["weeks"][-1]["responses"] == 5


def test_one_bad_item_never_blocks_the_rest(api):
    device = api.paired_device(api.workplace())
    now = api.services.now().isoformat()
    good = str(uuid.uuid4())
    items = [
        {"id": good, "score": 7, "at": now},
        {"id": str(uuid.uuid4()), "score": "7", "at": now},
        {"id": str(uuid.uuid4()), "score": 11, "at": now},
        {"id": str(uuid.uuid4()), "score": True, "at": now},
        {"id": "not-a-uuid", "score": 5, "at": now},
        {"id": str(uuid.uuid4()), "score": 5, "at": "2026-11-25 10:00"},
    ]
    answer = api.post("/v1/checkins", {"checkins": items}, token=device).json
    assert answer["accepted"] == [good]
    assert [r["reason"] for r in answer["rejected"]] == [
        "invalid_score",
        "invalid_score",
        "invalid_score",
        "invalid_id",
        "invalid_time",
    ]


def test_body_not_of_the_shape_is_a_400_and_counts_nothing(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    for body in (
        {"checkins": []},
        {"checkins": "x"},
        {"items": []},
        [1, 2],
        {"checkins": [{"id": "a"}] * 101},
        {"checkins": [1]},
    ):
        answer = api.post("/v1/checkins", body, token=device)
        assert answer.status == 400, body
        assert answer.json["error"]["code"] == "invalid_request"
    assert api.get(f"/v1/workplaces/{wp}/pulse").json["weeks"][-1]["responses"] == 0


def test_a_tablet_three_days_fast_loses_no_tap_when_it_says_when_it_sent(api, clock):
    # Given a tablet whose clock is 3 days fast: it stamps and sends in its own time
    wp = api.workplace()
    device = api.paired_device(wp)
    fast = clock.now + timedelta(days=3)
    scores = (6, 8, 7, 7, 9)
    items = [{"id": str(uuid.uuid4()), "score": s, "at": fast.isoformat()} for s in scores]
    # When it sends with sent_at, and an older kiosk sends the same kind of batch without
    answer = api.post("/v1/checkins", {"checkins": items, "sent_at": fast.isoformat()}, device)
    items_again = [item | {"id": str(uuid.uuid4())} for item in items]
    old = api.post("/v1/checkins", {"checkins": items_again}, token=device).json
    # Then all five count in this week, while without sent_at they are refused as before
    assert len(answer.json["accepted"]) == 5 and answer.json["rejected"] == []
    assert [r["reason"] for r in old["rejected"]] == ["in_future"] * 5
    week = api.get(f"/v1/workplaces/{wp}/pulse").json["weeks"][-1]
    assert (week["week"], week["responses"], week["mean"]) == ("2026-W48", 5, 7.4)


def test_batch_answers_and_the_kiosk_config_tell_the_server_time(api):
    device = api.paired_device(api.workplace())
    assert api.check_in(device, 5).json["server_time"] == "2026-11-25T10:00:00Z"
    assert api.complete(device, "vi lytter").json["server_time"] == "2026-11-25T10:00:00Z"
    assert api.get("/v1/kiosk", token=device).json["server_time"] == "2026-11-25T10:00:00Z"


@pytest.mark.parametrize("sent_at", ["i går", "2026-11-25T10:00:00", 1764064800, None, "x" * 65])
def test_a_malformed_sent_at_refuses_the_batch_and_counts_nothing(api, sent_at):
    wp = api.workplace()
    device = api.paired_device(wp)
    item = {"id": str(uuid.uuid4()), "score": 7, "at": api.services.now().isoformat()}
    body = {"checkins": [item], "sent_at": sent_at}
    if sent_at is None:
        body["sent_at"] = ""  # an empty string is no time either
    answer = api.post("/v1/checkins", body, token=device)
    assert answer.status == 400 and answer.json["error"]["code"] == "invalid_request"
    assert api.get(f"/v1/workplaces/{wp}/pulse").json["weeks"][-1]["responses"] == 0


def test_completion_naming_a_person_is_held_for_review(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    answer = api.complete(device, "holder pauser sammen", "lytter når Mette taler").json
    assert len(answer["accepted"]) == 2
    shown = api.get(f"/v1/workplaces/{wp}/pulse").json["completions"]
    assert [c["text"] for c in shown] == ["holder pauser sammen"]
    held = api.get("/v1/completions/review").json["completions"]
    assert [c["text"] for c in held] == ["lytter når Mette taler"]


def test_heartbeat_shows_in_the_device_list(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    answer = api.post("/v1/heartbeat", {"app_version": "1.2.0", "queue_depth": 3}, token=device)
    assert answer.status == 204
    [listed] = api.get(f"/v1/workplaces/{wp}/devices").json["devices"]
    assert listed["app_version"] == "1.2.0" and listed["queue_depth"] == 3
    assert listed["silent"] is False and listed["last_seen"] == "2026-11-25T10:00:00Z"


def test_heartbeat_reports_dropped_items_and_clock_offset_to_the_admin(api):
    # Given a paired tablet whose clock is 3 days fast and that had 2 items refused
    wp = api.workplace()
    device = api.paired_device(wp)
    beat = {"app_version": "1.3.0", "queue_depth": 0, "dropped": 2, "clock_offset_seconds": 259200}
    # When it reports in
    assert api.post("/v1/heartbeat", beat, token=device).status == 204
    # Then the device list says both
    [listed] = api.get(f"/v1/workplaces/{wp}/devices").json["devices"]
    assert (listed["dropped"], listed["clock_offset_seconds"]) == (2, 259200)


def test_heartbeat_of_an_older_kiosk_leaves_both_unknown(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    api.post("/v1/heartbeat", {"app_version": "1.2.0", "queue_depth": 0}, token=device)
    [listed] = api.get(f"/v1/workplaces/{wp}/devices").json["devices"]
    assert (listed["dropped"], listed["clock_offset_seconds"]) == (None, None)


@pytest.mark.parametrize(
    "change",
    [
        {"dropped": -1},
        {"dropped": "3"},
        {"dropped": 2.0},
        {"clock_offset_seconds": 10**11},
        {"clock_offset_seconds": "60"},
        {"clock_offset_seconds": True},
    ],
)
def test_heartbeat_with_bad_new_fields_is_refused_and_changes_nothing(api, change):
    wp = api.workplace()
    device = api.paired_device(wp)
    beat = {"app_version": "1.3.0", "queue_depth": 0} | change
    answer = api.post("/v1/heartbeat", beat, token=device)
    assert answer.status == 400 and answer.json["error"]["code"] == "invalid_request"
    [listed] = api.get(f"/v1/workplaces/{wp}/devices").json["devices"]
    assert listed["last_seen"] is None


def test_revoked_tablet_is_locked_out_at_once(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    [listed] = api.get(f"/v1/workplaces/{wp}/devices").json["devices"]
    assert api.call("DELETE", f"/v1/devices/{listed['device_id']}", token=ADMIN_TOKEN).status == 204
    assert api.check_in(device, 5).status == 401
    assert api.get("/v1/kiosk", token=device).status == 401
