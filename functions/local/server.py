"""The embedded product in one process: the API under /api and the Flet UI at /, on SQLite."""

from __future__ import annotations

from pathlib import Path

import flet_web.fastapi as flet_fastapi
from aws_lambda_powertools.event_handler.api_gateway import CORSConfig

from app.config import LaunchConfig
from app.main import main_for
from functions.api.openapi import all_routes_resolver
from functions.api.services import use_services
from functions.config import Config
from functions.local.accessible_page import accessible_pages
from functions.local.embedded import Embedded
from functions.local.gateway import LocalGateway
from functions.local.security_headers import with_security_headers

ASSETS = Path(__file__).resolve().parents[2] / "app" / "assets"


def asgi_app(embedded: Embedded, config: Config):
    """One ASGI app: /api → the Lambda resolver through the local gateway; / → the Flet app."""
    use_services(embedded.services)
    origins = list(config.cors_origins) or ["*"]
    cors = CORSConfig(
        allow_origin=origins[0],
        extra_origins=origins[1:],
        max_age=600,
        allow_headers=["Authorization", "Content-Type"],
    )
    resolver = all_routes_resolver(cors=cors)
    api = LocalGateway(resolver.resolve, "/api", config.max_body_bytes)
    root = flet_fastapi.FastAPI()
    root.mount(
        "/",
        flet_fastapi.app(
            main_for(launch_config(embedded, config)),
            no_cdn=True,
            app_name="Tryghedspuls",
            app_short_name="Tryghedspuls",
            app_description="Anonym puls på psykologisk tryghed",
            assets_dir=str(ASSETS) if ASSETS.is_dir() else None,
        ),
    )
    return with_security_headers(api_then_ui(api, accessible_pages(root)))


def launch_config(embedded: Embedded, config: Config) -> LaunchConfig:
    """What serve tells the UI: where its API is (the UI reaches it over HTTP, like a tablet)."""
    return LaunchConfig(api_url=config.ui_api_url or f"{embedded.base_url}/api")


def api_then_ui(api, ui):
    """An ASGI app sending /api and everything under it to `api`, the rest to `ui`.

    Not Starlette's mount: its path pattern stops at a newline, so /api/v1/x%0Ay fell through to
    the UI and got a 404 that is not the API's error shape.
    """

    async def app(scope: dict, receive, send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == "/api" or path.startswith("/api/")):
            await api(scope, receive, send)
        else:
            await ui(scope, receive, send)  # lifespan and websockets belong to the UI

    return app
