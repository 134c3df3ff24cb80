"""The one place that picks the Store adapter, chosen by config."""

from __future__ import annotations

from functions.config import Config
from functions.domain.ports import Store


def build_store(config: Config) -> Store:
    """The SQLite store for the embedded stack, the DynamoDB store on AWS."""
    if config.store == "dynamodb":
        # Imported here so the embedded stack never pays for boto3, nor Lambda for sqlite setup.
        from functions.store.dynamodb import DynamoStore

        if not config.table_name:
            raise RuntimeError("TRYGHEDSPULS_TABLE must name the DynamoDB table")
        return DynamoStore(config.table_name)
    if config.store == "sqlite":
        from functions.store.sqlite import SqliteStore

        return SqliteStore(config.sqlite_path)
    raise RuntimeError(f"unknown TRYGHEDSPULS_STORE {config.store!r} (sqlite or dynamodb)")
