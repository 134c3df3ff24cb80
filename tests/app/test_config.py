"""Where a fresh kiosk looks for its API."""

from __future__ import annotations

from app.config import EMBEDDED_API_URL, default_api_url


def test_the_environment_wins(monkeypatch):
    monkeypatch.setenv("TRYGHEDSPULS_API_URL", "http://10.0.0.5:8550/api/")
    assert default_api_url("https://elsewhere/kiosk") == "http://10.0.0.5:8550/api"


def test_without_configuration_the_page_origin_serves_the_api(monkeypatch):
    monkeypatch.delenv("TRYGHEDSPULS_API_URL", raising=False)
    assert default_api_url("https://puls.example.dk/kiosk") == "https://puls.example.dk/api"
    assert default_api_url(None) == EMBEDDED_API_URL
