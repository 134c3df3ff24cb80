"""Signing in from the static PWA: the app runs under Pyodide in the browser, the provider sends
the browser back to signin.html, and the browser itself redeems the code (CORS, as Entra allows
for SPA redirect URIs)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, expect

from functions.local.build_web import build_web
from tests.browser.semantics import wait_for_semantics
from tests.oidc_provider import running_provider
from tests.serving import TEST_ADMIN_TOKEN, free_port, start_server
from tests.static_site import StaticSite

pytestmark = pytest.mark.browser

BOOT = 90_000  # ms: Pyodide starts twice in this test (before and after the provider)


@pytest.fixture(scope="module")
def static_signin(tmp_path_factory) -> Iterator[tuple[StaticSite, str]]:
    """A static build on its own origin, an API that trusts the provider, and a leader."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    with running_provider([f"{origin}/signin.html"], cors_origin=origin) as provider:
        provider.set_user("lea", email="lea@norddjurs.dk")
        env = {
            "TRYGHEDSPULS_OIDC_ISSUER": provider.issuer,
            "TRYGHEDSPULS_OIDC_CLIENT_ID": provider.client_id,
        }
        server = start_server(tmp_path_factory.mktemp("static-signin") / "data", env=env)
        try:
            headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
            body = {"name": "Bølgen", "area": "Kyst", "leaders": ["lea@norddjurs.dk"]}
            httpx.post(f"{server.api}/v1/workplaces", json=body, headers=headers).raise_for_status()
            out = tmp_path_factory.mktemp("static-signin-web") / "site"
            build_web(api_url=server.api, out=out)
            site = StaticSite(out, port=port)
            try:
                yield site, "Bølgen"
            finally:
                site.stop()
        finally:
            server.kill()


def test_a_leader_signs_in_from_the_static_pwa(chromium: Browser, static_signin):
    site, workplace = static_signin
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(site.url + "#/pulse")
        wait_for_semantics(page, BOOT)
        page.get_by_role("button", name="Log ind med din arbejdskonto").click(timeout=BOOT)
        page.wait_for_url("**/oauth2/authorize**", timeout=30000)
        page.fill("input[name=sub]", "lea")
        page.get_by_role("button", name="Authorize").click()
        # signin.html hands the code to the app's #/signin route, which redeems it itself
        page.wait_for_url("**/#/**", timeout=30000)
        wait_for_semantics(page, BOOT)
        expect(page.get_by_text(workplace).first).to_be_visible(timeout=BOOT)
        expect(page.get_by_role("button", name="Mødetilstand")).to_be_visible()
        assert "code=" not in page.url  # the single-use code does not stay in the address
    finally:
        context.close()
