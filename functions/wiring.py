"""The composition root: the one place that turns a Config into services and picks the adapters.

`serve` (functions/local/embedded.py), every command and each Lambda function build what they
run here, from functions/config.py's Config (the one reader of the environment); nothing else
picks a store. Each Lambda function's `lambda_entry` (functions/api/resolvers.py) hands
`services_from_environment` to functions/api/services.py, which calls it on the first request.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from functions.api.services import Services
from functions.api.signin import signin_from
from functions.config import Config, load_config
from functions.content import load_content, load_name_list
from functions.domain.anonymity import validate_threshold
from functions.domain.models import Settings
from functions.domain.ports import Store
from functions.store.sqlite import SqliteStore

DB_FILE = "tryghedspuls.db"  # the embedded data folder's database


def build_store(config: Config) -> Store:
    """The SQLite store for the embedded stack, the DynamoDB store on AWS."""
    if config.store == "dynamodb":
        # boto3 and the DynamoDB adapter: ~0.1 s that the embedded stack and the CLI never pay.
        from functions.store.dynamodb import DynamoStore  # noqa: PLC0415

        if not config.table_name:
            raise RuntimeError("TRYGHEDSPULS_TABLE must name the DynamoDB table")
        return DynamoStore(config.table_name)
    if config.store == "sqlite":
        return SqliteStore(config.sqlite_path)
    raise RuntimeError(f"unknown TRYGHEDSPULS_STORE {config.store!r} (sqlite or dynamodb)")


def defaults_from(config: Config) -> Settings:
    """The organisation's settings until an administrator changes them."""
    return Settings(anonymity_threshold=validate_threshold(config.anonymity_threshold))


def services_from(config: Config) -> Services:
    """Services for a process configured by `config`: store, content, names, defaults, sign-in."""
    return Services(
        store=build_store(config),
        content=load_content(config.content_dir).as_document(),
        names=load_name_list(config.content_dir),
        defaults=defaults_from(config),
        signin=signin_from(config),
    )


def services_from_environment() -> Services:
    """A Lambda function's services, from the environment it was deployed with."""
    return services_from(load_config())


def embedded_config(config: Config, data_dir: Path) -> Config:
    """The configuration of an embedded data folder: SQLite, in DIR/tryghedspuls.db."""
    return replace(config, store="sqlite", sqlite_path=str(data_dir / DB_FILE))
