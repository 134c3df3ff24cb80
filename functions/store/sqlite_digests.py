"""The Monday digests' sent-once records on SQLite (table `digests`, in sqlite_database.SCHEMA)."""

from __future__ import annotations

import sqlite3

from functions.domain.models import DigestRecord
from functions.store.sqlite_database import Database


def _record(row: sqlite3.Row) -> DigestRecord:
    return DigestRecord(**dict(row))


class SqliteDigests:
    """Claim, finish and list digest records (the DigestLog part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def claim_digest(self, week: str, scope: str, recipient_hash: str, now: int) -> bool:
        """One IMMEDIATE transaction: insert the claim, or take over a failed one that is due."""
        with self._db.transaction() as db:
            claimed = db.execute(
                "INSERT INTO digests (week, scope, recipient_hash, status, attempts, at, retry_at, "
                "error) VALUES (?, ?, ?, 'claimed', 1, ?, 0, '') "
                "ON CONFLICT (week, scope, recipient_hash) DO UPDATE SET status = 'claimed', "
                "attempts = attempts + 1, at = excluded.at "
                "WHERE status = 'failed' AND retry_at <= excluded.at RETURNING attempts",
                (week, scope, recipient_hash, now),
            ).fetchall()
        return bool(claimed)

    def finish_digest(self, record: DigestRecord) -> None:
        """Replace the record with its outcome."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO digests (week, scope, recipient_hash, status, attempts, "
                "at, retry_at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.week,
                    record.scope,
                    record.recipient_hash,
                    record.status,
                    record.attempts,
                    record.at,
                    record.retry_at,
                    record.error,
                ),
            )

    def list_digests(self, week: str) -> list[DigestRecord]:
        """The week's records, by scope."""
        rows = self._db.read(
            "SELECT week, scope, recipient_hash, status, attempts, at, retry_at, error "
            "FROM digests WHERE week = ? ORDER BY scope, recipient_hash",
            (week,),
        )
        return [_record(row) for row in rows]
