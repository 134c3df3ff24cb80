"""The API fuzzed from its own OpenAPI document with schemathesis, against a real server: valid
and invalid requests for every operation, as an admin and as a tablet. No answer is a 5xx; every
error is the one JSON shape; a refused request (or a batch with nothing accepted) leaves the
SQLite file as it was.

Every operation must get requests (only one with nothing to break may have no invalid ones).

Its own server: fuzzing changes settings and uses up the window of wrong pairing codes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, errors, given, settings
from schemathesis import GenerationMode

from functions.api.openapi import openapi_json
from tests.security.conftest import pair
from tests.security.store_snapshot import snapshot
from tests.serving import TEST_ADMIN_TOKEN, Server, running_server

SCHEMA = schemathesis.openapi.from_dict(json.loads(openapi_json()))
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}
DEVICE_OPERATIONS = [label for label, op in OPERATIONS.items() if "device" in op.tags]
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
BATCHES = ("POST /v1/checkins", "POST /v1/completions")
# A wrong pairing code is answered a second late (domain/pairing.py), so each generated pairing
# costs a second: the quick suite sends fewer, `make bench` the full long run.
HELD = {"POST /v1/pair": 10}


@dataclass
class Target:
    """The fuzzed server, the callers, real ids to aim at now and then, and what came back."""

    server: Server
    headers: dict[str, dict[str, str]]
    real_ids: dict[str, str]
    session: requests.Session = field(default_factory=requests.Session)
    statuses: Counter[int] = field(default_factory=Counter)

    @property
    def db(self):
        return self.server.data_dir / "tryghedspuls.db"


@pytest.fixture(scope="module")
def target(tmp_path_factory) -> Iterator[Target]:
    with running_server(tmp_path_factory.mktemp("fuzz") / "data") as server:
        admin = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
        with httpx.Client(base_url=server.api, headers=admin, timeout=30) as client:
            workplace = client.post("/v1/workplaces", json={"name": "Fuzz"}).json()["id"]
            kiosk = pair(client, workplace)["device_token"]
            spare = pair(client, workplace, "Spare")["device_id"]
            viewer = client.post(f"/v1/workplaces/{workplace}/viewer-tokens").json()["token_id"]
            prompt = client.get("/v1/prompts").json()["prompts"][0]["id"]
        yield Target(
            server,
            {"admin": admin, "device": {"Authorization": f"Bearer {kiosk}"}},
            {
                "workplace_id": workplace,
                "device_id": spare,
                "token_id": viewer,
                "prompt_id": prompt,
            },
        )


def aim(case, real_ids: dict[str, str]) -> None:
    """Point about half the cases at things that exist (chosen by the generated value itself,
    so a failing case replays the same way); the rest keep their random ids."""
    for name, value in (case.path_parameters or {}).items():
        if name in real_ids and len(str(value)) % 2 == 0:
            case.path_parameters[name] = real_ids[name]


def check(target: Target, label: str, response, before: dict, case) -> None:
    """No 5xx; errors in the one shape; nothing stored by what was refused."""
    status = response.status_code
    target.statuses[status] += 1
    curl = case.as_curl_command()[:1500]
    assert status < 500, f"{label}: {status} {response.text_lossy()[:300]}\n{curl}"
    if status >= 400:
        content_type = (response.headers.get("content-type") or [""])[0]
        assert content_type.startswith("application/json"), curl
        body = response.json()
        assert set(body) == {"error"}, curl
        assert {"code", "message"} <= set(body["error"]) <= {"code", "message", "details"}, curl
        assert all(isinstance(body["error"][k], str) for k in ("code", "message")), curl
    took_nothing = label in BATCHES and status == 200 and not response.json()["accepted"]
    if status >= 400 or took_nothing:
        assert snapshot(target.db) == before, f"{label} answered {status} but stored\n{curl}"


def has_nothing_to_break(label: str) -> bool:
    """True for an operation with no body and no query: its only inputs are free-text path
    parameters (or none), so no request can break its schema and NEGATIVE has nothing to send."""
    operation = OPERATIONS[label]
    return not len(operation.body) and not len(operation.query)


def fuzz(target: Target, label: str, mode: GenerationMode, caller: str, examples: int) -> int:
    """Send up to `examples` generated requests for one operation, check each answer; how many
    were sent."""
    operation = OPERATIONS[label]
    headers = target.headers[caller] if label != "POST /v1/pair" else {}
    sent = 0

    # Each case is an HTTP request to a live server (slow next to what Hypothesis expects), and
    # aim() rewrites generated ids: only those two checks are off.
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case) -> None:
        nonlocal sent
        aim(case, target.real_ids)
        before = snapshot(target.db)
        response = case.call(
            base_url=target.server.api, headers=headers, session=target.session, timeout=30
        )
        sent += 1
        check(target, label, response, before, case)

    try:
        run()
    except errors.Unsatisfiable:
        # Only an operation without body or query has no invalid requests to make.
        assert mode is GenerationMode.NEGATIVE and has_nothing_to_break(label), label
    assert sent or (mode is GenerationMode.NEGATIVE and has_nothing_to_break(label)), label
    return sent


def test_the_fuzzed_document_is_the_one_the_server_serves(target):
    served = httpx.get(f"{target.server.api}/v1/openapi.json", timeout=30).json()
    assert served == json.loads(openapi_json())


@pytest.mark.parametrize("mode", MODES, ids=[m.value for m in MODES])
@pytest.mark.parametrize("label", OPERATIONS)
def test_fuzzed_as_admin(target, label, mode):
    fuzz(target, label, mode, "admin", examples=HELD.get(label, 25))


@pytest.mark.parametrize("mode", MODES, ids=[m.value for m in MODES])
@pytest.mark.parametrize("label", DEVICE_OPERATIONS)
def test_fuzzed_as_a_tablet(target, label, mode):
    fuzz(target, label, mode, "device", examples=HELD.get(label, 50))


@pytest.mark.slow
def test_fuzzed_long_as_admin_and_as_a_tablet(target, bench_figures):
    import time

    started = time.perf_counter()
    target.statuses.clear()
    for label in OPERATIONS:
        for mode in MODES:
            fuzz(target, label, mode, "admin", examples=150)
    for label in DEVICE_OPERATIONS:
        for mode in MODES:
            fuzz(target, label, mode, "device", examples=400)
    seconds = time.perf_counter() - started
    requests_sent = sum(target.statuses.values())
    by_status = ", ".join(f"{s}: {n}" for s, n in sorted(target.statuses.items()))
    bench_figures.add(
        "Hostile input",
        f"schemathesis, {len(OPERATIONS)} operations, valid and invalid, admin and tablet",
        f"{requests_sent} requests in {seconds:.0f} s, no 5xx, every error in shape; "
        f"statuses {by_status}",
    )
