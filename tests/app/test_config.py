"""Where a fresh kiosk looks for its API."""

from __future__ import annotations

import sys
from types import SimpleNamespace

from app.config import EMBEDDED_API_URL, default_api_url, link_base


def test_the_environment_wins(monkeypatch):
    monkeypatch.setenv("TRYGHEDSPULS_API_URL", "http://10.0.0.5:8550/api/")
    assert default_api_url("https://elsewhere/kiosk") == "http://10.0.0.5:8550/api"


def test_without_configuration_the_page_origin_serves_the_api(monkeypatch):
    monkeypatch.delenv("TRYGHEDSPULS_API_URL", raising=False)
    assert default_api_url("https://puls.example.dk/kiosk") == "https://puls.example.dk/api"
    assert default_api_url(None) == EMBEDDED_API_URL


def test_the_static_builds_config_wins_and_its_links_use_hash_routes(monkeypatch):
    # Given the module `tryghedspuls build-web` writes into the static build
    build = SimpleNamespace(API_URL="https://api.example.dk/prod", ROUTE_URL_STRATEGY="hash")
    monkeypatch.setitem(sys.modules, "app._build_config", build)
    monkeypatch.setenv("TRYGHEDSPULS_API_URL", "http://10.0.0.5:8550/api")
    # Then its API address is proposed, and links keep the page's path and route after "#"
    assert default_api_url("https://kiosk.example.dk/") == "https://api.example.dk/prod"
    page = "https://cdn.example.dk/puls/index.html#/admin"
    assert link_base(page) + "/pulse" == "https://cdn.example.dk/puls/index.html#/pulse"


def test_links_from_a_flet_server_start_at_its_http_origin():
    assert link_base("wss://puls.example.dk/ws") == "https://puls.example.dk"
    assert link_base("http://127.0.0.1:8550/admin") == "http://127.0.0.1:8550"
    assert link_base(None) == ""


def test_what_the_launcher_says_wins_over_the_environment_and_the_page(monkeypatch):
    monkeypatch.setenv("TRYGHEDSPULS_API_URL", "http://10.0.0.5:8550/api")
    assert default_api_url("https://elsewhere/kiosk", "http://127.0.0.1:8123/api/") == (
        "http://127.0.0.1:8123/api"
    )
