"""Settings from the environment. The only module that reads os.environ; read once per process."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Config:
    """How this process runs: which store, where its data lives, and the organisation's defaults."""

    store: str = "sqlite"  # "sqlite" (embedded) or "dynamodb" (AWS)
    sqlite_path: str = ".tryghedspuls/tryghedspuls.db"
    table_name: str = ""
    anonymity_threshold: int = 5
    content_dir: Path | None = None
    admin_token: str | None = None
    max_body_bytes: int = 256 * 1024
    tracing: bool = False
    cors_origins: tuple[str, ...] = ("*",)
    ui_api_url: str | None = None  # the API address serve's UI proposes (default: serve's /api)
    # The Monday digest (functions/report/): where to send from and through, where the pulse is.
    smtp_url: str | None = None  # smtp://host:25, smtp+starttls://user:pass@host:587, smtps://…
    mail_from: str | None = None
    pulse_url: str | None = None  # the pulse page's address, for the links in the e-mails
    # Sign-in with the organisation's OpenID provider (issue 15); no issuer: no sign-in.
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    admin_emails: tuple[str, ...] = ()  # administrators when signed in; get the Monday summary


def config_from(env: dict[str, str]) -> Config:
    """Build a Config from an environment mapping (tests pass their own)."""
    content_dir = env.get("TRYGHEDSPULS_CONTENT_DIR")
    return Config(
        store=env.get("TRYGHEDSPULS_STORE", "sqlite"),
        sqlite_path=env.get("TRYGHEDSPULS_SQLITE_PATH", Config.sqlite_path),
        table_name=env.get("TRYGHEDSPULS_TABLE", ""),
        anonymity_threshold=int(env.get("TRYGHEDSPULS_ANONYMITY_THRESHOLD", "5")),
        content_dir=Path(content_dir) if content_dir else None,
        admin_token=env.get("TRYGHEDSPULS_ADMIN_TOKEN") or None,
        tracing=env.get("TRYGHEDSPULS_TRACING", "").lower() in {"1", "true", "yes"},
        cors_origins=tuple(
            o.strip() for o in env.get("TRYGHEDSPULS_CORS_ORIGINS", "*").split(",") if o.strip()
        ),
        ui_api_url=env.get("TRYGHEDSPULS_API_URL") or None,
        smtp_url=env.get("TRYGHEDSPULS_SMTP_URL") or None,
        mail_from=env.get("TRYGHEDSPULS_MAIL_FROM") or None,
        pulse_url=env.get("TRYGHEDSPULS_PULSE_URL") or None,
        oidc_issuer=(env.get("TRYGHEDSPULS_OIDC_ISSUER") or "").strip() or None,
        oidc_client_id=(env.get("TRYGHEDSPULS_OIDC_CLIENT_ID") or "").strip() or None,
        admin_emails=tuple(
            a.strip().lower()
            for a in env.get("TRYGHEDSPULS_ADMIN_EMAILS", "").split(",")
            if a.strip()
        ),
    )


@cache
def load_config() -> Config:
    """The process's Config, read from os.environ on first use."""
    return config_from(dict(os.environ))
