"""`serve` builds its services through the composition root and tells the UI where the API is
with a typed value, leaving the process's environment alone."""

from __future__ import annotations

import os
from pathlib import Path

from app.config import LaunchConfig, default_api_url
from functions.api.services import use_services
from functions.config import config_from
from functions.local.embedded import prepare
from functions.local.server import asgi_app, launch_config


def test_serve_opens_the_data_folders_sqlite_file_with_the_configured_defaults(tmp_path: Path):
    # Given a configuration that asks for a DynamoDB table and a threshold of 7
    config = config_from(
        {"TRYGHEDSPULS_STORE": "dynamodb", "TRYGHEDSPULS_ANONYMITY_THRESHOLD": "7"}
    )
    # When serve prepares a data folder
    embedded = prepare(config, tmp_path / "data", "http://127.0.0.1:8550")
    # Then its services keep their data in the folder's SQLite file, with the threshold of 7
    assert (tmp_path / "data" / "tryghedspuls.db").is_file()
    assert embedded.services.settings().anonymity_threshold == 7


def test_the_ui_learns_serves_api_from_serve_not_from_the_environment(tmp_path: Path, monkeypatch):
    # Given no API address in the environment
    monkeypatch.delenv("TRYGHEDSPULS_API_URL", raising=False)
    config = config_from({})
    embedded = prepare(config, tmp_path / "data", "http://192.0.2.7:8123")
    # When serve builds its app
    try:
        asgi_app(embedded, config)
    finally:
        use_services(None)  # asgi_app hands serve's services to the routes
    # Then the UI is told serve's own /api as a typed value, and the environment is untouched
    assert launch_config(embedded, config) == LaunchConfig(api_url="http://192.0.2.7:8123/api")
    assert "TRYGHEDSPULS_API_URL" not in os.environ
    assert default_api_url("http://elsewhere/kiosk", launch_config(embedded, config).api_url) == (
        "http://192.0.2.7:8123/api"
    )


def test_an_api_address_in_serves_configuration_is_what_the_ui_proposes(tmp_path: Path):
    config = config_from({"TRYGHEDSPULS_API_URL": "https://api.example.dk/"})
    embedded = prepare(config, tmp_path / "data", "http://127.0.0.1:8550")
    assert launch_config(embedded, config).api_url == "https://api.example.dk/"
