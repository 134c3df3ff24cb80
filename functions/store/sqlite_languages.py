"""The digest languages on SQLite (table `languages`, in sqlite_database.SCHEMA)."""

from __future__ import annotations

from functions.store.sqlite_database import Database


class SqliteLanguages:
    """Keep and list digest languages by address hash (the LanguageStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def put_language(self, address_hash: str, language: str) -> None:
        """Insert or replace the person's language."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO languages (address_hash, language) VALUES (?, ?)",
                (address_hash, language),
            )

    def list_languages(self) -> dict[str, str]:
        """Every kept language, by address hash."""
        rows = self._db.read("SELECT address_hash, language FROM languages")
        return {row["address_hash"]: row["language"] for row in rows}

    def delete_languages(self, address_hashes: list[str]) -> None:
        """One transaction deleting each."""
        with self._db.transaction() as db:
            db.executemany(
                "DELETE FROM languages WHERE address_hash = ?", [(h,) for h in address_hashes]
            )
