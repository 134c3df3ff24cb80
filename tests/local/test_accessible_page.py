"""The page every screen starts from: Danish, zoomable, and the screen-reader tree switched on by
the page itself — the same for the served app and the static build."""

from __future__ import annotations

import asyncio
from pathlib import Path

from flet_web import get_package_web_dir

from functions.local.accessible_page import accessible_index, accessible_pages
from functions.local.renderer_recovery import MARK, recovering_index
from functions.local.web_client import copy_web_client, patch_index

FLET_INDEX = (Path(get_package_web_dir()) / "index.html").read_text(encoding="utf-8")


def test_flets_page_becomes_danish_zoomable_and_switches_semantics_on():
    html = accessible_index(FLET_INDEX)
    assert '<html lang="da">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "user-scalable" not in html and "maximum-scale" not in html
    assert "flt-semantics-placeholder" in html  # the script presses Flutter's placeholder
    assert html.index("flt-semantics-placeholder") < html.index("flutter_bootstrap.js")


def test_the_crash_recovery_comes_before_flutters_scripts_and_only_once():
    html = recovering_index(accessible_index(FLET_INDEX))
    assert html.index(MARK) < html.index("flutter_bootstrap.js")
    assert recovering_index(html) == html


def test_patching_twice_changes_nothing():
    once = accessible_index(FLET_INDEX)
    assert accessible_index(once) == once


def test_the_static_build_starts_from_the_same_page(tmp_path):
    copy_web_client(tmp_path)
    patch_index(tmp_path, "pwa_main")
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.count('<html lang="da">') == 1 and "user-scalable" not in html
    assert "Tryghedspuls: screen-reader tree" in html
    assert html.count(MARK) == 1


def test_the_served_html_passes_through_the_patch_and_other_answers_do_not():
    async def app(scope, receive, send):
        kind = b"text/html; charset=utf-8" if scope["path"] == "/" else b"application/javascript"
        body = FLET_INDEX.encode() if scope["path"] == "/" else b"var x = '<head>';"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def get(path: str) -> tuple[dict, bytes]:
        sent: list[dict] = []

        async def send(message):
            sent.append(message)

        asyncio.run(accessible_pages(app)({"type": "http", "path": path}, None, send))
        headers = dict(sent[0]["headers"])
        return headers, b"".join(m.get("body", b"") for m in sent[1:])

    headers, page = get("/")
    assert page.decode() == recovering_index(accessible_index(FLET_INDEX))
    assert int(headers[b"content-length"]) == len(page)
    _, script = get("/main.js")
    assert script == b"var x = '<head>';"
