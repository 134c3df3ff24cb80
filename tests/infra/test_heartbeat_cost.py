"""The cost model's unit (infra/README.md, *Cost*): what one idle kiosk's heartbeat costs in
DynamoDB calls on the deployed stack (moto), and that it is the kiosk's only regular call."""

from __future__ import annotations

import contextlib
import io
from collections import Counter

import boto3

from functions.cli import main as tryghedspuls
from tests.infra.deployed import TABLE_NAME, deployed_stack

READS = {"GetItem", "Query", "BatchGetItem"}


def test_an_idle_heartbeat_is_one_write_and_eight_reads():
    calls: Counter = Counter()
    with deployed_stack() as stack:
        # The store's client is made on the first request, from this session: count on it
        boto3.DEFAULT_SESSION.events.register(
            "before-parameter-build.dynamodb", lambda model, **_: calls.update([model.name])
        )
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            tryghedspuls(["admin-token", "--table", TABLE_NAME])
        stack.admin_token = printed.getvalue().strip()
        wp = stack.admin("POST", "/v1/workplaces", 201, body={"name": "Solsikken"})["id"]
        code = stack.admin("POST", f"/v1/workplaces/{wp}/pairing-codes", 201)["code"]
        body = {"code": code, "device_name": "Pauserum"}
        token = stack.call("POST", "/v1/pair", 201, body=body)["device_token"]
        beat = {"app_version": "1", "queue_depth": 0, "config_version": ""}
        version = stack.call("POST", "/v1/heartbeat", 200, token=token, body=beat)
        # When an idle kiosk sends its heartbeat with the configuration it holds
        calls.clear()
        beat["config_version"] = version["config_version"]
        answer = stack.call("POST", "/v1/heartbeat", 200, token=token, body=beat)
    # Then nothing comes back but the version, for one write and eight reads (the README's unit)
    assert answer["kiosk"] is None
    assert calls["UpdateItem"] == 1
    assert sum(n for name, n in calls.items() if name in READS) == 8
    assert set(calls) <= READS | {"UpdateItem"}
