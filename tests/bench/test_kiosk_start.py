"""`make bench`: how fast the kiosk starts, served by `serve` and as the static PWA, in one run.

One Chromium per kiosk (so its renderer's memory is the kiosk's alone), 1280x800, a paired
tablet. Measured: the first load; a reload to the first screen, on a kiosk left 2 s to settle
(reload() says why), median of five, after two reloads that let the browser keep its compiled
code as a tablet that has started before has (the first of those is reported too: the first start
after an install or a browser update); the same with the CPU throttled 4x (Chrome DevTools
Protocol `Emulation.setCPUThrottlingRate`, a mid-range tablet); the renderer's memory; and tap ->
thank-you. The memory is taken twice: 2 s after the last reload (garbage not yet collected
included) and once V8 has collected garbage in every page and worker (renderer_memory.py); the
target is judged on the second, what a tablet holds for good. Issue 17's targets are printed with
pass or fail: they hold on an idle machine and are reported, not asserted, because the machine may
be shared (the load average is printed with every figure).
"""

from __future__ import annotations

import os
import shutil
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from flet_web import get_package_web_dir
from playwright.sync_api import Page, sync_playwright

from functions.local.build_web import build_web
from tests.bench.figures import Figures
from tests.bench.renderer_memory import collected_renderer_mb, renderer_mb
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.kiosk_driver import Kiosk
from tests.browser.test_static_pwa import (
    IDLE,
    SETUP,
    load,
    pair,
    python_boot,
    seconds_until_visible,
)
from tests.serving import TEST_ADMIN_TOKEN, Server, running_server
from tests.static_site import StaticSite

pytestmark = pytest.mark.slow

SECTION = "Kiosk start (Chromium 1280×800, paired tablet)"
RELOADS = 5
SETTLE_MS = 2000
WARM_UPS = 2  # reloads before the measured ones: Chromium keeps compiled code from the second on
TAPS = 20


@dataclass
class Start:
    """What one kiosk measured."""

    first: float = 0.0
    warm_ups: list[float] = field(default_factory=list)
    reloads: list[float] = field(default_factory=list)
    throttled: list[float] = field(default_factory=list)
    renderer_mb: float = 0.0  # 2 s after the last reload, garbage not yet collected included
    collected_mb: float = 0.0  # then, once every page and worker has collected its garbage
    heaps: list[str] = field(default_factory=list)  # the pages and workers that collected
    taps_ms: list[float] = field(default_factory=list)
    load: str = ""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("start") / "data") as running:
        headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
        httpx.put(f"{running.api}/v1/settings", json={"cooldown_seconds": 0}, headers=headers)
        yield running


def pairing_code(server: Server, name: str) -> str:
    admin = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
    with httpx.Client(base_url=server.api, headers=admin, timeout=30) as client:
        workplace = client.post("/v1/workplaces", json={"name": name}).json()["id"]
        return client.post(f"/v1/workplaces/{workplace}/pairing-codes").json()["code"]


def load_average() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def reload(page: Page, url: str) -> float:
    """Seconds from a reload to the ten buttons, on a kiosk that had settled before it.

    A tablet reloads long after its last start (a power cut, a browser update), not while that
    start's background work (compiling hot code, the first sync) still runs: a back-to-back reload
    would measure the two starts at once.
    """
    page.wait_for_timeout(SETTLE_MS)
    return load(page, url, IDLE, reload=True)


def measure(url: str, code: str, static: bool, boot: str = "snapshot") -> Start:
    """Open the kiosk in a Chromium of its own, pair it, and time its starts and taps."""
    start = Start()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
        page: Page = context.new_page()
        start.first = load(page, url, SETUP)
        pair(page, code)
        if static:
            assert python_boot(page) == boot
            page.wait_for_function("() => navigator.serviceWorker.ready.then(r => !!r.active)")
        for _ in range(WARM_UPS):
            start.warm_ups.append(reload(page, url))
        for _ in range(RELOADS):
            start.reloads.append(reload(page, url))
        page.wait_for_timeout(2000)  # settled, as a tablet on the wall
        start.renderer_mb = renderer_mb(browser)
        start.collected_mb, start.heaps = collected_renderer_mb(browser)
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        for _ in range(RELOADS):
            start.throttled.append(reload(page, url))
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        kiosk = Kiosk(page, url)
        kiosk.reload()
        seconds_until_visible(page, IDLE)  # a busy machine may take longer than a tap waits
        kiosk.check_in(5)  # warm up
        start.taps_ms = [kiosk.check_in(n % 10 + 1) for n in range(TAPS)]
        start.load = load_average()
        browser.close()
    return start


def verdict(ok: bool) -> str:
    return "**pass**" if ok else "**FAIL**"


@pytest.mark.timeout(1800)  # three kiosks, each started eight times, on a shared machine
def test_the_static_kiosk_starts_about_as_fast_as_the_served_one(
    server, bench_figures: Figures, tmp_path
):
    build = tmp_path / "site"
    build_web(api_url=server.api, out=build)
    size = sum(p.stat().st_size for p in build.rglob("*") if p.is_file())
    # The same build with Flet's own worker: Python boots and imports as before the snapshot.
    stock = tmp_path / "stock"
    shutil.copytree(build, stock)
    shutil.copyfile(Path(get_package_web_dir()) / "python-worker.js", stock / "python-worker.js")
    site, stock_site = StaticSite(build), StaticSite(stock)
    try:
        served = measure(f"{server.base_url}/kiosk", pairing_code(server, "Served"), static=False)
        static = measure(site.url, pairing_code(server, "Static"), static=True)
        before = measure(stock_site.url, pairing_code(server, "Stock"), static=True, boot=None)
    finally:
        site.stop()
        stock_site.stop()
    served_reload, static_reload = (statistics.median(s.reloads) for s in (served, static))
    static_throttled = statistics.median(static.throttled)
    extra_mb = static.collected_mb - served.collected_mb
    uncollected_extra_mb = static.renderer_mb - served.renderer_mb
    tap = statistics.median(static.taps_ms)
    add = bench_figures.add
    kiosks = (
        ("served (`serve`)", served),
        ("static PWA", static),
        ("static PWA without the snapshot (Flet's worker)", before),
    )
    for name, s in kiosks:
        add(
            SECTION,
            name,
            f"first load {s.first:.1f} s; first reload after it {s.warm_ups[0]:.1f} s; reload "
            f"{statistics.median(s.reloads):.1f} s (of {', '.join(f'{x:.1f}' for x in s.reloads)});"
            " CPU 4× slower: reload "
            f"{statistics.median(s.throttled):.1f} s; renderer {s.renderer_mb:.0f} MB, "
            f"{s.collected_mb:.0f} MB once {'+'.join(s.heaps)} collected garbage; "
            f"tap → thank-you p50 {statistics.median(s.taps_ms):.0f} ms; load {s.load}",
        )
    add(SECTION, "static build", f"{size / 1e6:.1f} MB on disk, service worker precaches all")
    targets = [
        (
            f"reload within 2× served (≤ {2 * served_reload:.1f} s)",
            static_reload / served_reload <= 2,
        ),
        ("first load under 5 s", static.first < 5),
        ("reload with CPU 4× slower under 4 s", static_throttled < 4),
        (
            f"renderer ≤ 100 MB above served, judged once garbage is collected ({extra_mb:+.0f} "
            f"MB; {uncollected_extra_mb:+.0f} MB before collecting, reported only)",
            extra_mb <= 100,
        ),
        (f"tap → thank-you p50 under 150 ms ({tap:.0f} ms)", tap < 150),
    ]
    for what, ok in targets:
        add(SECTION, f"target: {what}", verdict(ok))
