"""The digest languages on DynamoDB (keys.language: one small item per person who chose)."""

from __future__ import annotations

from functions.store import keys
from functions.store.dynamodb_items import key, s
from functions.store.dynamodb_table import Table


class DynamoLanguages:
    """Keep and list digest languages by address hash (the LanguageStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def put_language(self, address_hash: str, language: str) -> None:
        """One PutItem: the hash and the language, nothing else."""
        self._table.put(
            {
                **key(keys.language(address_hash)),
                "address_hash": s(address_hash),
                "language": s(language),
            }
        )

    def list_languages(self) -> dict[str, str]:
        """One Query of the languages' partition."""
        items = self._table.query(keys.LANGUAGES_PK, prefix=keys.LANGUAGE_PREFIX)
        return {item["address_hash"]["S"]: item["language"]["S"] for item in items}

    def delete_languages(self, address_hashes: list[str]) -> None:
        """One DeleteItem each (only ever a few: people who stopped leading since the last run)."""
        for address_hash in address_hashes:
            self._table.delete(keys.language(address_hash))
