"""The organisation's settings and sign-in settings on DynamoDB: one item each."""

from __future__ import annotations

from functions.domain.models import Settings, SigninSettings
from functions.store import keys
from functions.store.dynamodb_items import (
    settings_from,
    settings_item,
    signin_settings_from,
    signin_settings_item,
)
from functions.store.dynamodb_table import Table


class DynamoSettings:
    """Settings and sign-in settings (the SettingsStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def get_settings(self, default: Settings) -> Settings:
        """One GetItem."""
        item = self._table.get(keys.SETTINGS)
        return settings_from(item, default) if item else default

    def put_settings(self, settings: Settings) -> None:
        """One PutItem."""
        self._table.put(settings_item(settings))

    def get_signin_settings(self) -> SigninSettings:
        """One GetItem."""
        item = self._table.get(keys.SIGNIN_SETTINGS)
        return signin_settings_from(item) if item else SigninSettings()

    def put_signin_settings(self, settings: SigninSettings) -> None:
        """One PutItem."""
        self._table.put(signin_settings_item(settings))
