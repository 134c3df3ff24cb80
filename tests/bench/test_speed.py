"""`make bench`: how fast the product is on this machine, measured, and printed side by side.

- check-ins per second through the embedded API over HTTP (batch 1 and batch 25; one kiosk, and
  eight at once against its one-request-at-a-time gateway), with p50/p99 request latency;
- store calls and time to render a pulse with 10 and with 100,000 check-ins;
- import time of each Lambda handler module against `import boto3` plus the bare resolver;
- the kiosk's tap-to-thank-you time in Chromium.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from functions.api.services import Services, use_services
from functions.content import load_content
from functions.domain.bootstrap import seed_prompts
from functions.domain.models import CheckinToRecord
from functions.domain.pairing import make_admin_token
from functions.domain.release import release_weeks
from functions.domain.weeks import current_week, weeks_ending
from functions.store.sqlite import SqliteStore
from tests.api.conftest import ADMIN_TOKEN, Api, Clock
from tests.bench.figures import Figures, percentile, spread_ms
from tests.loops import run_apart
from tests.serving import TEST_ADMIN_TOKEN, Server, running_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("bench") / "data") as running:
        yield running


def device_token(server: Server) -> str:
    admin = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
    with httpx.Client(base_url=server.api, headers=admin, timeout=30) as client:
        workplace = client.post("/v1/workplaces", json={"name": "Bench"}).json()["id"]
        code = client.post(f"/v1/workplaces/{workplace}/pairing-codes").json()["code"]
        paired = client.post(
            "/v1/pair", json={"code": code, "device_name": "Bench"}, headers={"Authorization": ""}
        )
        return paired.json()["device_token"]


def batch(size: int) -> dict:
    at = datetime.now(UTC).isoformat()
    return {"checkins": [{"id": str(uuid.uuid4()), "score": 7, "at": at} for _ in range(size)]}


async def send_batches(api: str, token: str, size: int, requests: int, kiosks: int):
    """`requests` batches of `size` from `kiosks` clients at once; (seconds, latencies)."""
    latencies: list[float] = []
    queue = list(range(requests))

    async def kiosk() -> None:
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=api, headers=headers, timeout=60) as client:
            while queue:
                queue.pop()
                body = batch(size)
                started = time.perf_counter()
                answer = await client.post("/v1/checkins", json=body)
                latencies.append(time.perf_counter() - started)
                assert len(answer.json()["accepted"]) == size

    started = time.perf_counter()
    await asyncio.gather(*(kiosk() for _ in range(kiosks)))
    return time.perf_counter() - started, latencies


@pytest.mark.parametrize(
    ("size", "requests", "kiosks"),
    [(1, 1500, 1), (25, 400, 1), (1, 1500, 8), (25, 400, 8)],
    ids=["batch-1", "batch-25", "batch-1-8-kiosks", "batch-25-8-kiosks"],
)
def test_checkins_per_second_through_the_embedded_api(
    server, bench_figures: Figures, size, requests, kiosks
):
    token = device_token(server)
    run_apart(send_batches(server.api, token, size, 20, 1))  # warm up
    seconds, latencies = run_apart(send_batches(server.api, token, size, requests, kiosks))
    rate = size * requests / seconds
    who = "one kiosk" if kiosks == 1 else f"{kiosks} kiosks at once"
    bench_figures.add(
        "Embedded API (HTTP)",
        f"POST /v1/checkins, batch {size}, {who}",
        f"**{rate:,.0f} check-ins/s** ({requests / seconds:,.0f} requests/s); "
        f"per request {spread_ms(latencies)}",
    )


class CountingStore:
    """Passes every call to the real store and counts them (the port's methods)."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        self.calls = 0

    def __getattr__(self, name: str):
        method = getattr(self._store, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return method(*args, **kwargs)

        return counted


class Calls:
    """Counts what the store asks of its storage: SQL statements or DynamoDB API calls."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args, **_kwargs) -> None:
        self.count += 1


def render_pulse(
    store, calls: Calls, checkins: int, renders: int = 50
) -> tuple[int, int, list[float]]:
    """Fill a workplace's last 12 weeks with `checkins` check-ins (counted one by one, as the
    API does), then render its pulse through the viewer function's handler; (store calls,
    storage calls, seconds per render)."""
    content = load_content().as_document()
    seed_prompts(store, content["prompts"])
    clock = Clock(datetime.now(UTC))
    make_admin_token(store, clock(), ADMIN_TOKEN)
    counting = CountingStore(store)
    services = Services(store=counting, content=content, clock=clock)
    use_services(services)
    try:
        api = Api(services)
        workplace = api.workplace("Stor")
        weeks = weeks_ending(current_week(clock()), 12)
        for first in range(0, checkins, 1000):
            store.record_checkins(
                workplace,
                [
                    CheckinToRecord(uuid.uuid4().hex, weeks[n % 12], n % 10 + 1, 0)
                    for n in range(first, min(first + 1000, checkins))
                ],
            )
        release_weeks(store, workplace, weeks, 5)  # as the check-in route does
        path = f"/v1/workplaces/{workplace}/pulse"
        shown = sum(week["responses"] or 0 for week in api.get(path).json["weeks"])
        assert shown == (checkins if checkins >= 12 * 5 else 0)  # small weeks are suppressed
        counting.calls, calls.count = 0, 0
        api.get(path)
        store_calls, storage_calls = counting.calls, calls.count
        times = []
        for _ in range(renders):
            started = time.perf_counter()
            api.get(path)
            times.append(time.perf_counter() - started)
    finally:
        use_services(None)
    return store_calls, storage_calls, times


def test_pulse_render_on_sqlite_makes_as_many_store_and_sql_calls_with_100_000_checkins_as_with_10(
    tmp_path, bench_figures
):
    measured = {}
    for checkins in (10, 100_000):
        calls = Calls()
        store = SqliteStore(str(tmp_path / f"pulse-{checkins}.db"), trace=calls)
        try:
            store_calls, sql, times = render_pulse(store, calls, checkins)
        finally:
            store.close()
        measured[checkins] = (store_calls, sql)
        bench_figures.add(
            "Pulse render (in-process, viewer handler)",
            f"SQLite, 12 weeks holding {checkins:,} check-ins",
            f"{store_calls} store calls, {sql} SQL statements; {spread_ms(times)}",
        )
    # The render reads aggregates, never check-ins: the work it asks of the store is the same
    assert measured[100_000] == measured[10], measured


def test_pulse_render_on_dynamodb_makes_as_many_requests_with_1_000_checkins_as_with_10(
    monkeypatch, bench_figures
):
    import boto3
    from moto import mock_aws

    from functions.store.dynamodb import DynamoStore
    from tests.infra.stack import REGION, create_table, sam_template

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    measured = {}
    for checkins in (10, 1_000):
        calls = Calls()
        with mock_aws():
            client = boto3.session.Session(region_name=REGION).client("dynamodb")
            create_table(client, "bench", sam_template())
            client.meta.events.register("provide-client-params.dynamodb", calls)
            store = DynamoStore("bench", client)
            store_calls, requests, _ = render_pulse(store, calls, checkins, renders=0)
        measured[checkins] = (store_calls, requests)
        # No time: moto answers a query by looking through every item, which DynamoDB does not.
        bench_figures.add(
            "Pulse render (in-process, viewer handler)",
            f"DynamoDB under moto, 12 weeks holding {checkins:,} check-ins",
            f"{store_calls} store calls, {requests} DynamoDB requests",
        )
    assert measured[1_000] == measured[10], measured


BASELINE = (
    "import boto3; from aws_lambda_powertools.event_handler import APIGatewayHttpResolver; "
    "APIGatewayHttpResolver()"
)
IMPORTS = {
    "import boto3": "import boto3",
    "boto3 + bare Powertools resolver": BASELINE,
    "functions.api.device": "import functions.api.device",
    "functions.api.viewer": "import functions.api.viewer",
    "functions.api.admin": "import functions.api.admin",
}


def import_seconds(statement: str) -> float:
    """Wall time of `statement` in a fresh interpreter (its own start excluded)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(run.stdout)


def test_import_time_of_each_handler_against_boto3_and_the_bare_resolver(bench_figures):
    runs = {name: [] for name in IMPORTS}
    for _ in range(9):  # interleaved, so every statement sees the same machine load
        for name, statement in IMPORTS.items():
            runs[name].append(import_seconds(statement))
    baseline = statistics.median(runs["boto3 + bare Powertools resolver"])
    for name, seconds in runs.items():
        ratio = statistics.median(seconds) / baseline
        bench_figures.add(
            "Cold start (import, fresh interpreter, 9 runs)",
            name,
            f"median {statistics.median(seconds) * 1000:.0f} ms, "
            f"fastest {min(seconds) * 1000:.0f} ms ({ratio:.2f}x the baseline)",
        )


def test_tap_to_thank_you_in_chromium(server, bench_figures):
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.browser.kiosk_driver import Kiosk

    admin = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
    with httpx.Client(base_url=server.api, headers=admin, timeout=30) as client:
        client.put("/v1/settings", json={"cooldown_seconds": 0}).raise_for_status()
        workplace = client.post("/v1/workplaces", json={"name": "Tablet"}).json()["id"]
        code = client.post(f"/v1/workplaces/{workplace}/pairing-codes").json()["code"]
    latencies = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
        page = context.new_page()
        page.set_default_timeout(15000)
        kiosk = Kiosk(page, server.base_url).open()
        kiosk.pair(code)
        kiosk.check_in(5)  # warm up
        for n in range(30):
            latencies.append(kiosk.check_in(n % 10 + 1) / 1000)
        browser.close()
    bench_figures.add(
        "Kiosk (Chromium, Flet server mode)",
        "tap → thank-you on screen, 30 taps",
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p90 {percentile(latencies, 0.9) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms",
    )
