"""The heartbeat carries the kiosk's configuration version back and forth (one call, not two),
and on AWS it publishes the fleet's metrics."""

from __future__ import annotations

import json

from functions.config import load_config
from tests.api.conftest import ADMIN_TOKEN

BEAT = {"app_version": "0.1.0", "queue_depth": 0}


def test_heartbeat_answers_the_configuration_only_when_it_changed(api, clock):
    token = api.paired_device(api.workplace())
    # Given a kiosk that holds no configuration yet
    first = api.post("/v1/heartbeat", BEAT | {"config_version": ""}, token=token)
    # Then the heartbeat brings the same configuration GET /v1/kiosk would
    assert first.status == 200
    assert first.json["kiosk"] == api.get("/v1/kiosk", token=token).json
    version = first.json["config_version"]
    # And the next heartbeat, 15 minutes later, with that version brings nothing more
    clock.advance(minutes=15)
    same = api.post("/v1/heartbeat", BEAT | {"config_version": version}, token=token)
    assert same.json == {"config_version": version, "kiosk": None}
    # When an admin changes a setting the kiosk shows
    api.call("PUT", "/v1/settings", {"cooldown_seconds": 45}, ADMIN_TOKEN)
    changed = api.post("/v1/heartbeat", BEAT | {"config_version": version}, token=token)
    # Then the next heartbeat brings the new configuration
    assert changed.json["config_version"] != version
    assert changed.json["kiosk"]["settings"]["cooldown_seconds"] == 45
    # And a new week changes it too
    clock.advance(days=7)
    week = api.post(
        "/v1/heartbeat", BEAT | {"config_version": changed.json["config_version"]}, token=token
    )
    assert week.json["kiosk"]["week"] != changed.json["kiosk"]["week"]


def test_older_kiosks_without_a_version_get_204_as_before(api):
    token = api.paired_device(api.workplace())
    answer = api.post("/v1/heartbeat", BEAT, token=token)
    assert (answer.status, answer.text) == (204, "")


def test_on_aws_each_heartbeat_is_a_metric_without_a_dimension_per_tablet(api, capsys, monkeypatch):
    token = api.paired_device(api.workplace())
    monkeypatch.setenv("TRYGHEDSPULS_STORE", "dynamodb")
    load_config.cache_clear()
    try:
        capsys.readouterr()
        body = BEAT | {"queue_depth": 4, "dropped": 1, "clock_offset_seconds": -200}
        assert api.post("/v1/heartbeat", body, token=token).status == 204
        printed = capsys.readouterr().out
    finally:
        load_config.cache_clear()
    # The device function's entry flushed one metric document (CloudWatch's embedded format)
    documents = [json.loads(line) for line in printed.splitlines() if '"_aws"' in line]
    [metrics] = [d for d in documents if "Heartbeats" in d]
    assert (metrics["Heartbeats"], metrics["DroppedTaps"]) == ([1.0], [1.0])
    # And only those two metrics, with no dimension per tablet (each metric is billed monthly)
    [directive] = metrics["_aws"]["CloudWatchMetrics"]
    assert directive["Namespace"] == "Tryghedspuls"
    assert {m["Name"] for m in directive["Metrics"]} == {"Heartbeats", "DroppedTaps"}
    assert all(set(dims) <= {"service"} for dims in directive["Dimensions"])
