"""Leaders and administrators sign in with their work account, in Chromium, against a real OpenID
provider (oidc-provider-mock): the browser goes to the provider, signs in there, comes back, and
the app exchanges the code itself (Authorization Code with PKCE, public client)."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.screens_driver import Screen
from tests.browser.semantics import wait_for_semantics
from tests.oidc_provider import Provider, running_provider
from tests.serving import TEST_ADMIN_TOKEN, Server, free_port, start_server

pytestmark = pytest.mark.browser

TAG = secrets.token_hex(2)
PEOPLE = {
    "lea": "lea@norddjurs.dk",  # leads Solsikken
    "ole": "ole@norddjurs.dk",  # leads both workplaces of Nord
    "chef": "chef@norddjurs.dk",  # an administrator (TRYGHEDSPULS_ADMIN_EMAILS)
}


@pytest.fixture(scope="module")
def signin_world(tmp_path_factory) -> Iterator[tuple[Server, Provider, dict]]:
    """Given a server that trusts the provider, and workplaces with their leaders."""
    port = free_port()
    with running_provider([f"http://127.0.0.1:{port}/signin"]) as provider:
        for sub, email in PEOPLE.items():
            provider.set_user(sub, email=email)
        env = {
            "TRYGHEDSPULS_OIDC_ISSUER": provider.issuer,
            "TRYGHEDSPULS_OIDC_CLIENT_ID": provider.client_id,
            "TRYGHEDSPULS_ADMIN_EMAILS": PEOPLE["chef"],
        }
        server = start_server(tmp_path_factory.mktemp("signin") / "data", port=port, env=env)
        try:
            headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
            with httpx.Client(base_url=server.api, headers=headers, timeout=10) as admin:
                names = {
                    "sol": (f"Solsikken {TAG}", f"Nord {TAG}", [PEOPLE["lea"], PEOPLE["ole"]]),
                    "mælk": (f"Mælkebøtten {TAG}", f"Nord {TAG}", [PEOPLE["ole"]]),
                    "hav": (f"Havet {TAG}", f"Syd {TAG}", ["someone@norddjurs.dk"]),
                }
                for name, area, leaders in names.values():
                    body = {"name": name, "area": area, "leaders": leaders}
                    admin.post("/v1/workplaces", json=body).raise_for_status()
            yield server, provider, {k: v[0] for k, v in names.items()}
        finally:
            server.kill()


def api(server: Server, path: str) -> dict:
    """GET with the admin token."""
    headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
    answer = httpx.get(f"{server.api}{path}", headers=headers, timeout=10)
    answer.raise_for_status()
    return answer.json()


def wait_until(check, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the change did not arrive in time"
        time.sleep(0.3)


def sign_in_at_the_provider(screen: Screen, sub: str) -> None:
    """On the provider's own page: sign in as `sub`; then wait for the app to be back."""
    page = screen.page
    page.wait_for_url("**/oauth2/authorize**", timeout=30000)
    page.fill("input[name=sub]", sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url("**/signin?**", timeout=30000)
    wait_for_semantics(page)


def test_a_leader_signs_in_and_lands_on_their_workplace_only(chromium, signin_world):
    server, _provider, names = signin_world
    screen = Screen(chromium, server.base_url).open("/pulse")
    try:
        # Given a leader on the pulse page, who clicks the work-account button
        screen.click("Log ind med din arbejdskonto")
        sign_in_at_the_provider(screen, "lea")
        # Then the pulse of her one workplace opens, and nothing of the others
        expect(screen.text(names["sol"]).first).to_be_visible(timeout=30000)
        expect(screen.button("Mødetilstand")).to_be_visible()
        assert screen.text(names["mælk"]).count() == 0
        assert screen.text(names["hav"]).count() == 0
        screen.shot("signin-leader")
        # When she signs out, the way back in is offered again
        screen.click("Log ud")
        expect(screen.button("Log ind med din arbejdskonto")).to_be_visible()
        screen.reload()
        expect(screen.button("Log ind med din arbejdskonto")).to_be_visible()
        assert screen.text(names["sol"]).count() == 0
    finally:
        screen.close()


def test_an_area_leader_chooses_among_their_workplaces_and_sees_the_area(chromium, signin_world):
    server, _provider, names = signin_world
    screen = Screen(chromium, server.base_url).open("/pulse")
    try:
        screen.click("Log ind med din arbejdskonto")
        sign_in_at_the_provider(screen, "ole")
        # Then a chooser with both Nord workplaces and the area's roll-up, and not Syd's
        expect(screen.text("Vælg arbejdsplads").first).to_be_visible(timeout=30000)
        expect(screen.text(f"Område Nord {TAG}").first).to_be_visible()
        expect(screen.text(names["mælk"]).first).to_be_visible()
        assert screen.text(names["hav"]).count() == 0
        screen.shot("signin-area-leader")
        # When he opens one, its pulse shows, with a way back to the others
        screen.text(names["mælk"]).first.click()
        expect(screen.button("Mødetilstand")).to_be_visible(timeout=30000)
        screen.click("Arbejdspladser")
        expect(screen.text("Vælg arbejdsplads").first).to_be_visible()
        # And he can sign out from the chooser too
        screen.click("Log ud")
        expect(screen.button("Log ind med din arbejdskonto")).to_be_visible()
    finally:
        screen.close()


def test_an_administrator_signs_in_to_the_console_and_out_again(chromium, signin_world):
    server, _provider, names = signin_world
    screen = Screen(chromium, server.base_url).open("/admin")
    try:
        screen.click("Log ind med din arbejdskonto")
        sign_in_at_the_provider(screen, "chef")
        # Then the console opens with every workplace
        expect(screen.button("Arbejdspladser")).to_be_visible(timeout=30000)
        expect(screen.text(names["hav"]).first).to_be_visible()
        screen.shot("signin-admin-console")
        # And can turn viewer links off ("only signed-in leaders"); the audit names who did it
        screen.click("Indstillinger")
        switch = screen.page.get_by_role("switch", name=re.compile("Visningslinks virker"))
        switch.click()
        wait_until(lambda: not api(server, "/v1/signin-settings")["viewer_links"])
        newest = api(server, "/v1/audit")["entries"][0]
        assert (newest["admin"], newest["action"]) == (PEOPLE["chef"], "signin_settings.update")
        switch.click()
        wait_until(lambda: api(server, "/v1/signin-settings")["viewer_links"])
        screen.click("Log ud")
        expect(screen.button("Log ind med din arbejdskonto")).to_be_visible()
    finally:
        screen.close()


def test_a_leader_is_never_let_into_the_console(chromium, signin_world):
    server, _provider, _names = signin_world
    screen = Screen(chromium, server.base_url).open("/admin")
    try:
        screen.click("Log ind med din arbejdskonto")
        sign_in_at_the_provider(screen, "lea")
        expect(screen.text("Din konto er ikke administrator").first).to_be_visible(timeout=30000)
        assert screen.button("Arbejdspladser").count() == 0
    finally:
        screen.close()


def test_a_signed_in_leader_switching_to_english_gets_it_in_the_email_and_at_next_sign_in(
    chromium, signin_world
):
    import hashlib
    import sqlite3

    server, _provider, names = signin_world
    hashed = hashlib.sha256(PEOPLE["lea"].encode()).hexdigest()

    def kept_language() -> str | None:
        with sqlite3.connect(f"file:{server.data_dir / 'tryghedspuls.db'}?mode=ro", uri=True) as db:
            row = db.execute(
                "SELECT language FROM languages WHERE address_hash = ?", (hashed,)
            ).fetchone()
        return row[0] if row else None

    screen = Screen(chromium, server.base_url).open("/pulse")
    try:
        # Given Lea signed in on her pulse, with no language kept for her
        screen.click("Log ind med din arbejdskonto")
        sign_in_at_the_provider(screen, "lea")
        expect(screen.text(names["sol"]).first).to_be_visible(timeout=30000)
        assert kept_language() is None
        # When she switches the page to English
        screen.click("English")
        expect(screen.button("Dansk")).to_be_visible()
        # Then her Monday e-mail's language is kept as she left it, by the hash of her address
        wait_until(lambda: kept_language() == "en")
    finally:
        screen.close()
    # And signing in again on a fresh browser (Danish, storage empty) opens her pulse in English
    screen = Screen(chromium, server.base_url).open("/pulse")
    try:
        screen.click("Log ind med din arbejdskonto")
        sign_in_at_the_provider(screen, "lea")
        expect(screen.button("Meeting mode")).to_be_visible(timeout=30000)
        assert kept_language() == "en"
        # And switching back to Danish is kept as well
        screen.click("Dansk")
        expect(screen.button("Mødetilstand")).to_be_visible()
        wait_until(lambda: kept_language() == "da")
    finally:
        screen.close()
