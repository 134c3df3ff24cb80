"""Browser tests: a real `tryghedspuls serve`, Debian's Chromium driven by Playwright.

One server for the session (each test makes its own workplace, so counts never mix), one
Chromium, a fresh browser context (so a fresh tablet storage) per test.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.kiosk_driver import ARTIFACTS, Kiosk, latency_report
from tests.browser.tcp_proxy import TcpProxy
from tests.serving import TEST_ADMIN_TOKEN, Server, free_port, start_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
_names = itertools.count(1)


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """`tryghedspuls serve` on a free port with a temporary data folder; no cooldown."""
    running = start_server(tmp_path_factory.mktemp("serve") / "data")
    try:
        headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
        httpx.put(f"{running.api}/v1/settings", json={"cooldown_seconds": 0}, headers=headers)
        yield running
    finally:
        running.kill()


@pytest.fixture(scope="session")
def admin(server: Server) -> Iterator[httpx.Client]:
    """An HTTP client speaking to the API with the admin token."""
    headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
    with httpx.Client(base_url=server.api, headers=headers, timeout=10) as client:
        yield client


@pytest.fixture
def workplace(admin: httpx.Client) -> dict:
    """A new workplace for this test alone."""
    response = admin.post("/v1/workplaces", json={"name": f"Køkkenet {next(_names)}"})
    response.raise_for_status()
    return response.json()


def this_week(admin: httpx.Client, workplace: dict) -> dict:
    """The current week of the workplace's pulse, as a viewer would see it."""
    pulse = admin.get(f"/v1/workplaces/{workplace['id']}/pulse", params={"weeks": 1})
    pulse.raise_for_status()
    return pulse.json()["weeks"][-1]


def wait_for_responses(admin: httpx.Client, workplace: dict, count: int, seconds=20) -> dict:
    """Poll the pulse until `count` responses show (each tap counted once, never more)."""
    deadline = time.monotonic() + seconds
    week = this_week(admin, workplace)
    while time.monotonic() < deadline:
        week = this_week(admin, workplace)
        if week["responses"] is not None and week["responses"] >= count:
            break
        time.sleep(0.3)
    return week


def answers_waiting_offline(
    kiosk: Kiosk, admin: httpx.Client, workplace: dict, proxy: TcpProxy, scores: tuple[int, ...]
) -> None:
    """Pair the kiosk through `proxy`, take the API away, and check in `scores` there."""
    kiosk.pair(pairing_code(admin, workplace), api_url=f"http://127.0.0.1:{proxy.port}/api")
    proxy.stop()
    for score in scores:
        kiosk.check_in(score)


def pairing_code(admin: httpx.Client, workplace: dict) -> str:
    """A fresh pairing code for the workplace, made through the admin API."""
    response = admin.post(f"/v1/workplaces/{workplace['id']}/pairing-codes")
    response.raise_for_status()
    return response.json()["code"]


@pytest.fixture(scope="package")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, for this folder's tests. Package scope: Playwright's sync API
    leaves its event loop running in the main thread while it lives, so it must be gone before
    other folders' tests run asyncio or a Playwright of their own."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def kiosk(chromium: Browser, server: Server) -> Iterator[Kiosk]:
    """A fresh tablet (its own storage) showing /kiosk in landscape."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(10000)
    try:
        yield Kiosk(page, server.base_url).open()
    finally:
        context.close()


@pytest.fixture
def proxy(server: Server) -> Iterator[TcpProxy]:
    """A stoppable way from the kiosk to the API."""
    target = int(server.base_url.rsplit(":", 1)[1])
    tcp = TcpProxy(free_port(), target)
    tcp.start()
    try:
        yield tcp
    finally:
        tcp.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Report the measured tap-to-thank-you latency and keep it with the screenshots."""
    report = latency_report()
    if report != "no taps measured":
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        Path(ARTIFACTS / "latency.txt").write_text(report + "\n")
        terminalreporter.write_line(report)
