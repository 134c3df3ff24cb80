"""The embedded product in one process: the API under /api and the Flet UI at /, on SQLite."""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from functions.api.services import Services, use_services
from functions.config import Config
from functions.content import load_content, load_name_list
from functions.domain.admin_access import make_sign_in_link
from functions.domain.anonymity import validate_threshold
from functions.domain.bootstrap import seed_prompts
from functions.domain.errors import StorageFull
from functions.domain.models import Settings
from functions.domain.pairing import make_admin_token
from functions.local.accessible_page import accessible_pages
from functions.local.gateway import LocalGateway
from functions.local.security_headers import with_security_headers

log = logging.getLogger("tryghedspuls")


@dataclass(frozen=True)
class Embedded:
    """What `serve` prepared: the services, the admin token, a one-time sign-in link's token,
    where the admin token file is and where to find the product."""

    services: Services
    admin_token: str
    base_url: str
    sign_in: str = ""
    token_file: Path | None = None


def prepare(config: Config, data_dir: Path, base_url: str) -> Embedded:
    """Open (or create) the data folder: SQLite file, seeded prompts, an admin token."""
    from functions.store.sqlite import SqliteStore

    private_data_dir(data_dir)
    store = SqliteStore(str(data_dir / "tryghedspuls.db"))
    content = load_content(config.content_dir)
    services = Services(
        store=store,
        content=content.as_document(),
        defaults=Settings(anonymity_threshold=validate_threshold(config.anonymity_threshold)),
        names=load_name_list(config.content_dir),
    )
    seed_prompts(store, content.as_document()["prompts"])
    token = config.admin_token or _stored_admin_token(data_dir)
    _record, token = make_admin_token(store, services.now(), token)
    token_file = data_dir / "admin-token"
    if not config.admin_token:
        write_secret(token_file, token)
    return Embedded(
        services=services,
        admin_token=token,
        base_url=base_url,
        sign_in=_sign_in_link(store, services.now()),
        token_file=token_file.resolve(),
    )


def _sign_in_link(store, now) -> str:
    """A one-time sign-in link's code, or "" when the disk is full (serve still starts)."""
    try:
        return make_sign_in_link(store, now)
    except StorageFull:
        log.warning("disk full: no sign-in link; sign in with the admin token file")
        return ""


def private_data_dir(data_dir: Path) -> None:
    """The data folder, made if new, open to us alone (0700) whatever it was before; the store
    makes its files 0600 (store/sqlite_database.py)."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    data_dir.chmod(0o700)


def _stored_admin_token(data_dir: Path) -> str | None:
    path = data_dir / "admin-token"
    return path.read_text().strip() if path.exists() else None


def write_secret(path: Path, text: str) -> None:
    """Write a secret to a file only we may read (0600), whatever its mode was."""
    if path.exists() and path.read_text().strip() == text:
        path.chmod(0o600)
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w") as f:
        f.write(text + "\n")
    path.chmod(0o600)


def asgi_app(embedded: Embedded, config: Config):
    """One ASGI app: /api → the Lambda resolver through the local gateway; / → the Flet app."""
    import flet_web.fastapi as flet_fastapi
    from aws_lambda_powertools.event_handler.api_gateway import CORSConfig

    from functions.api.resolvers import all_routes_resolver

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
    # The UI reaches the API over HTTP only, like a tablet would.
    os.environ.setdefault("TRYGHEDSPULS_API_URL", f"{embedded.base_url}/api")
    from app.main import main as flet_main

    assets = Path(__file__).resolve().parents[2] / "app" / "assets"
    root.mount(
        "/",
        flet_fastapi.app(
            flet_main,
            no_cdn=True,
            app_name="Tryghedspuls",
            app_short_name="Tryghedspuls",
            app_description="Anonym puls på psykologisk tryghed",
            assets_dir=str(assets) if assets.is_dir() else None,
        ),
    )
    return with_security_headers(api_then_ui(api, accessible_pages(root)))


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
