"""Every answer of `serve`, UI and API, carries the security headers; answers that carry tokens
are never stored by a browser or proxy. (Chromium runs the UI under the policy in
tests/browser/test_content_security_policy.py.)"""

from __future__ import annotations

import base64
import hashlib
import re

import httpx
import pytest

from tests.security.conftest import pair

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def directives(answer: httpx.Response) -> dict[str, set[str]]:
    """The Content-Security-Policy of an answer, directive -> sources."""
    policy = answer.headers["content-security-policy"]
    parts = [p.split() for p in policy.split(";") if p.strip()]
    return {p[0]: set(p[1:]) for p in parts}


@pytest.mark.parametrize("path", ["/kiosk", "/admin", "/pulse", "/", "/flutter_bootstrap.js"])
def test_ui_answers_carry_the_headers_and_a_policy_flet_runs_under(server, path):
    answer = httpx.get(f"{server.base_url}{path}", timeout=10)
    assert answer.status_code == 200
    assert {k: answer.headers.get(k) for k in COMMON} == COMMON
    policy = directives(answer)
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["default-src"] == {"'self'"} and policy["object-src"] == {"'none'"}
    assert {"'self'", "'wasm-unsafe-eval'"} <= policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]


def test_a_page_allows_exactly_its_own_inline_scripts(server):
    answer = httpx.get(f"{server.base_url}/kiosk", timeout=10)
    inline = re.findall(r"<script>(.*?)</script>", answer.text, re.S)
    assert inline, "Flet's index.html has inline scripts"
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in inline
    }
    assert directives(answer)["script-src"] == {"'self'", "'wasm-unsafe-eval'"} | hashes


def test_api_answers_carry_the_headers_and_are_never_stored(server, admin, workplace):
    answers = [
        httpx.get(f"{server.api}/v1/content", timeout=10),
        httpx.get(f"{server.api}/v1/kiosk", timeout=10),  # 401
        admin.post(f"/v1/workplaces/{workplace}/viewer-tokens"),  # carries a token
    ]
    for answer in answers:
        assert {k: answer.headers.get(k) for k in COMMON} == COMMON
        assert answer.headers["cache-control"] == "no-store"
        assert directives(answer) == {"default-src": {"'none'"}, "frame-ancestors": {"'none'"}}


def test_pairing_answer_with_the_tablet_token_is_never_stored(server, admin, workplace):
    code = admin.post(f"/v1/workplaces/{workplace}/pairing-codes").json()["code"]
    answer = httpx.post(f"{server.api}/v1/pair", json={"code": code, "device_name": "Pauserum"})
    assert answer.status_code == 201 and answer.json()["device_token"]
    assert answer.headers["cache-control"] == "no-store"


def test_a_ui_page_opened_with_a_token_in_its_address_is_never_stored(server, admin, workplace):
    pair(admin, workplace)
    answer = httpx.get(f"{server.base_url}/pulse?token=abc&workplace={workplace}", timeout=10)
    assert answer.headers["cache-control"] == "no-store"


def test_a_revalidated_page_keeps_the_policy_the_browser_cached(server):
    # Given a page, whose HTML is patched as it is served (so it has no ETag to revalidate by),
    # and a file of the web client the browser has, asked for again with its ETag
    page = httpx.get(f"{server.base_url}/kiosk", timeout=10)
    first = httpx.get(f"{server.base_url}/flutter_bootstrap.js", timeout=10)
    again = httpx.get(
        f"{server.base_url}/flutter_bootstrap.js",
        headers={"If-None-Match": first.headers["etag"]},
        timeout=10,
    )
    # Then the page always comes whole with its policy, never as a 304 the browser would
    # merge a policy into; and the 304 carries no policy (one computed from no body would drop
    # the script hashes) but the other headers
    assert "etag" not in page.headers and "content-security-policy" in page.headers
    assert again.status_code == 304
    assert "content-security-policy" not in again.headers
    assert {k: again.headers.get(k) for k in COMMON} == COMMON
