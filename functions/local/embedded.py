"""An embedded data folder opened for use: `serve` and the commands that work on one.

The folder holds the SQLite file and, unless the configuration names one, the admin token file;
the services come from the composition root (functions/wiring.py) like any other process's.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from functions.api.services import Services
from functions.config import Config
from functions.domain.admin_access import make_sign_in_link
from functions.domain.bootstrap import seed_prompts
from functions.domain.errors import StorageFull
from functions.domain.pairing import make_admin_token
from functions.wiring import embedded_config, services_from

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
    private_data_dir(data_dir)
    services = services_from(embedded_config(config, data_dir))
    store = services.store
    seed_prompts(store, services.content["prompts"])
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
