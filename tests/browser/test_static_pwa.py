"""The static build (`tryghedspuls build-web`) in Chromium: Python in the browser, no network but
the API, served by a plain static server on another port than the API (so CORS is real)."""

from __future__ import annotations

import gzip
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from functions.local.build_web import build_web
from functions.local.web_snapshot import SNAPSHOT_FILE
from tests.browser.conftest import pairing_code
from tests.browser.typing import type_into
from tests.infra.stack import pwa_content_security_policy
from tests.serving import Server
from tests.static_site import StaticSite

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "static-pwa"
# Flutter looks for Noto fallback fonts for glyphs our font lacks; the build does not ship them.
HARMLESS_MISSING = ("/assets/fonts/noto",)


@dataclass(frozen=True)
class WebBuild:
    """A finished static build: its folder and the version its service worker caches under."""

    root: Path
    version: str


@pytest.fixture(scope="session")
def web_build(server: Server, tmp_path_factory) -> WebBuild:
    """The static app, built once per session with the test server's API address."""
    out = tmp_path_factory.mktemp("web") / "site"
    return WebBuild(out, build_web(api_url=server.api, out=out))


@pytest.fixture
def site(web_build: WebBuild) -> Iterator[StaticSite]:
    """The build on a plain static server of its own (its own origin, so its own service worker)."""
    served = StaticSite(web_build.root)
    try:
        yield served
    finally:
        served.stop()


@pytest.fixture
def tablet(chromium: Browser) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A fresh tablet that may reach 127.0.0.1 only; returns the context and what it tried else."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    outside: list[str] = []

    def only_local(route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    try:
        yield context, outside
    finally:
        context.close()


def python_boot(page: Page) -> str:
    """How the page's Python started: "snapshot", "fallback" (the snapshot failed) or "normal"."""
    workers = [w for w in page.workers if w.url.endswith("/python-worker.js")]
    assert len(workers) == 1, [w.url for w in page.workers]
    return workers[0].evaluate("() => self.pyodideBoot")


def packer_module(page: Page) -> str:
    """Where the page's Python took msgpack's Packer from (the compiled module, or fallback)."""
    workers = [w for w in page.workers if w.url.endswith("/python-worker.js")]
    code = "import msgpack; msgpack.Packer.__module__"
    return workers[0].evaluate("(code) => self.pyodide.runPython(code)", code)


def enable_semantics(page: Page) -> None:
    """Switch on Flutter's accessibility tree (needed after every load)."""
    page.evaluate("() => document.querySelector('flt-semantics-placeholder')?.click()")


def seconds_until_visible(page: Page, selector: str, timeout: float = 60) -> float:
    """Seconds from now until a selector shows, switching semantics on as soon as Flutter can."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        enable_semantics(page)
        if page.locator(selector).first.is_visible():
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"{selector} did not show within {timeout} s")


def load(page: Page, url: str, selector: str, reload: bool = False) -> float:
    """Open (or reload) and return the seconds until `selector` is usable."""
    start = time.monotonic()
    page.reload() if reload else page.goto(url)
    return time.monotonic() - start + seconds_until_visible(page, selector)


def report(request, line: str) -> None:
    """Show a measurement in the test run's output and keep it with the screenshots."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with (ARTIFACTS / "measurements.txt").open("a") as f:
        f.write(line + "\n")
    plugins = request.config.pluginmanager
    with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
        plugins.get_plugin("terminalreporter").write_line(line)


def shot(page: Page, name: str) -> None:
    """Save a screenshot under test-artifacts/static-pwa/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


SETUP = 'input[aria-label="Parringskode"]'
IDLE = '[flt-semantics-identifier="score-5"]'


def by_id(page: Page, identifier: str):
    """The control with `ft.Semantics(identifier=...)`."""
    return page.locator(f'[flt-semantics-identifier="{identifier}"]')


def pair(page: Page, code: str) -> None:
    """Type the pairing code (the API address stays as the build filled it in) and connect."""
    type_into(page, "Parringskode", code)
    page.get_by_role("button", name="Forbind").click()
    expect(page.locator(IDLE)).to_be_visible(timeout=15000)


def check_in(page: Page, score: int) -> None:
    """Tap a score, skip the sentence, touch the goodbye: back to the ten buttons."""
    by_id(page, f"score-{score}").click()
    page.get_by_role("button", name="Spring over").click()
    by_id(page, "done").click()
    expect(page.locator(IDLE)).to_be_visible()


def responses_this_week(admin: httpx.Client, workplace: dict, at_least: int) -> int | None:
    """The current week's count in the pulse, polled until it reaches `at_least` (or 20 s pass)."""
    deadline = time.monotonic() + 20
    while True:
        pulse = admin.get(f"/v1/workplaces/{workplace['id']}/pulse", params={"weeks": 1})
        count = pulse.raise_for_status().json()["weeks"][-1]["responses"]
        if (count or 0) >= at_least or time.monotonic() > deadline:
            return count
        time.sleep(0.3)


def test_static_kiosk_checks_in_through_the_built_in_api_and_restarts_without_its_host(
    request, tablet, site: StaticSite, admin: httpx.Client, workplace: dict, web_build: WebBuild
):
    context, outside = tablet
    page = context.new_page()
    # Given the static app opened at its root, on another origin than the API
    first = load(page, site.url, SETUP)
    size = sum(p.stat().st_size for p in web_build.root.rglob("*") if p.is_file())
    report(request, f"static PWA: {size / 1e6:.1f} MB; first load to the setup screen {first:.1f}s")
    assert python_boot(page) == "snapshot"
    shot(page, "setup")
    # When the tablet pairs with the API address the build filled in (not the page's origin)
    pair(page, pairing_code(admin, workplace))
    shot(page, "idle")
    # And Flet's messages are packed by msgpack's compiled module, restored snapshot or not
    assert packer_module(page) == "msgpack._cmsgpack"
    # And five people check in (the pulse shows a count from the threshold, 5, on)
    for score in (3, 6, 7, 8, 9):
        check_in(page, score)
    # Then the API counted all five
    assert responses_this_week(admin, workplace, 5) == 5
    # And nothing but 127.0.0.1 (the static host and the API) was asked for; nothing was missing
    assert outside == []
    missing = [p for p in site.not_found() if not p.startswith(HARMLESS_MISSING)]
    assert not missing, missing

    # Given the service worker has precached the build
    ready = "() => navigator.serviceWorker.ready.then(r => !!r.active)"
    page.wait_for_function(ready, timeout=60000)  # precaching ~59 MB on a busy machine
    # And Chromium finds nothing against installing it (a test context is always incognito)
    problems = context.new_cdp_session(page).send("Page.getInstallabilityErrors")
    assert {p["errorId"] for p in problems["installabilityErrors"]} <= {"in-incognito"}, problems
    # And it keeps the Python snapshot gunzipped: no start spends most of a second unpacking it
    cached = page.evaluate(
        """async (file) => {
            const hit = await caches.match(new URL(file, location.href));
            const bytes = new Uint8Array(await hit.arrayBuffer());
            return [bytes.length, bytes[0], bytes[1]];
        }""",
        SNAPSHOT_FILE,
    )
    raw = gzip.decompress((web_build.root / SNAPSHOT_FILE).read_bytes())
    assert cached == [len(raw), raw[0], raw[1]]
    second = load(page, site.url, IDLE, reload=True)
    assert page.evaluate("() => !!navigator.serviceWorker.controller")
    assert python_boot(page) == "snapshot"
    assert packer_module(page) == "msgpack._cmsgpack"
    # When the static host goes away and the tablet restarts
    site.stop()
    offline = load(page, site.url, IDLE, reload=True)
    report(
        request,
        f"static PWA: reload from the service worker {second:.1f}s, host gone {offline:.1f}s",
    )
    # Then the kiosk comes up from its cache, still paired, and its check-ins still arrive
    expect(by_id(page, "workplace")).to_contain_text(workplace["name"])
    shot(page, "host-gone")
    for score in (4, 5, 6, 7, 8):  # the pulse shows new answers five at a time
        check_in(page, score)
    assert responses_this_week(admin, workplace, 10) == 10
    assert page.evaluate("() => caches.keys()") == [f"tryghedspuls-{web_build.version}"]
    assert outside == []


def spoil_snapshot(snapshot: Path, how: str) -> None:
    """Damage the build's snapshot file, or make it one that another Pyodide build made."""
    if how == "damaged":
        packed = bytearray(snapshot.read_bytes())
        packed[len(packed) // 2] ^= 0xFF  # gzip's checksum no longer matches
        snapshot.write_bytes(bytes(packed))
    else:
        raw = bytearray(gzip.decompress(snapshot.read_bytes()))
        raw[16:48] = bytes(32)  # the id of the Pyodide build that made it
        snapshot.write_bytes(gzip.compress(bytes(raw), compresslevel=1))


@pytest.mark.parametrize("how", ["damaged", "from-another-pyodide"])
def test_a_snapshot_that_cannot_be_used_falls_back_to_the_normal_start(
    how, tablet, web_build: WebBuild, admin: httpx.Client, workplace: dict, tmp_path: Path
):
    # Given a build whose Python snapshot cannot be restored
    root = tmp_path / "site"
    shutil.copytree(web_build.root, root)
    spoil_snapshot(root / SNAPSHOT_FILE, how)
    served = StaticSite(root)
    context, outside = tablet
    page = context.new_page()
    try:
        # When a tablet opens it
        load(page, served.url, SETUP)
        # Then Python starts the normal way, and the kiosk pairs and takes a check-in
        assert python_boot(page) == "fallback"
        pair(page, pairing_code(admin, workplace))
        check_in(page, 7)
        assert packer_module(page) == "msgpack._cmsgpack"
    finally:
        served.stop()
    assert outside == []


def test_a_viewer_link_and_the_admin_console_open_by_hash_route_on_a_plain_static_host(
    tablet, site: StaticSite, admin: httpx.Client, workplace: dict
):
    context, outside = tablet
    page = context.new_page()
    # Given a static host with no fallback for unknown paths, and a workplace's viewer token
    assert httpx.get(site.url + "pulse").status_code == 404
    asked_before = len(site.requests)
    token = admin.post(f"/v1/workplaces/{workplace['id']}/viewer-tokens").json()["token"]
    link = f"{site.url}#/pulse?{urlencode({'token': token, 'workplace': workplace['id']})}"
    # When the viewer link is opened, and the page reloaded
    dashboard = 'role=button[name="Mødetilstand"]'  # the pulse's meeting-mode button
    load(page, link, dashboard)
    load(page, link, dashboard, reload=True)
    # Then the workplace's pulse shows, not the kiosk
    expect(page.get_by_text(workplace["name"]).first).to_be_visible()
    assert page.locator(SETUP).count() == 0
    shot(page, "pulse")
    # And the admin console is one client-side route away
    page.evaluate("() => { location.hash = '#/admin'; }")
    seconds_until_visible(page, 'input[aria-label="Administratorens nøgle"]')
    shot(page, "admin")
    # And the host never saw a route: only files (a plain host needs no rewrite rules)
    asked = [path.split("?")[0] for path, _ in site.requests[asked_before:]]
    assert not {"/pulse", "/admin", "/kiosk"} & set(asked)
    assert outside == []


def test_a_pairing_sheets_qr_code_pairs_the_static_kiosk_at_once(
    tablet, site: StaticSite, admin: httpx.Client, workplace: dict, tmp_path: Path
):
    from tests.sheets import pages_text, qr_codes_of

    context, _ = tablet
    page = context.new_page()
    # Given pairing sheets printed for the PWA's address (hash routes: the address ends in "#")
    sheets = admin.post("/v1/pairing-sheets", json={"base_url": site.url + "#"}, timeout=60)
    pdf = sheets.raise_for_status().content
    pages = dict(zip(pages_text(pdf, tmp_path), qr_codes_of(pdf, tmp_path), strict=True))
    url = next(qr for text, qr in pages.items() if workplace["name"] in text)
    assert url.startswith(f"{site.url}#/kiosk?pair=")
    # When a fresh tablet opens the address in its QR code
    load(page, url, IDLE)
    # Then it is paired with that workplace at once, nothing typed
    expect(by_id(page, "workplace")).to_contain_text(workplace["name"])
    shot(page, "paired-by-qr")


def test_static_kiosk_runs_under_the_policy_cloudfront_sends(
    tablet, web_build: WebBuild, server: Server, admin: httpx.Client, workplace: dict
):
    # Given the build served with the Content-Security-Policy of infra/template.yaml, its API
    # pattern standing for this test's API
    text, _ = pwa_content_security_policy()
    api = "{0.scheme}://{0.netloc}".format(urlsplit(server.api))
    policy = text.replace("https://*.execute-api.${AWS::Region}.${AWS::URLSuffix}", api)
    policy = policy.replace("${SignInOrigin}", "")
    assert "${" not in policy
    site = StaticSite(web_build.root, headers={"Content-Security-Policy": policy})
    context, outside = tablet
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    try:
        # When a tablet opens it, boots Python from the snapshot, pairs and checks in
        load(page, site.url, SETUP)
        assert python_boot(page) == "snapshot"
        pair(page, pairing_code(admin, workplace))
        check_in(page, 7)
    finally:
        site.stop()
    # Then the policy refused nothing, and nothing left 127.0.0.1
    assert refused == []
    assert outside == []
