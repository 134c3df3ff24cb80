"""The audit log on SQLite (table `audit`; `seq` keeps entries of the same minute in order)."""

from __future__ import annotations

from functions.domain.models import AuditEntry
from functions.store.sqlite_database import Database


class SqliteAudit:
    """Administrators' actions (the AuditLog part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def append_audit(self, entry: AuditEntry) -> None:
        """Add one entry to the audit log."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT INTO audit (at, admin, action, detail) VALUES (?, ?, ?, ?)",
                (entry.at, entry.admin, entry.action, entry.detail),
            )

    def list_audit(self, limit: int) -> list[AuditEntry]:
        """The newest `limit` entries, newest first."""
        rows = self._db.read(
            "SELECT at, admin, action, detail FROM audit ORDER BY at DESC, seq DESC LIMIT ?",
            (max(limit, 0),),
        )
        return [AuditEntry(**dict(row)) for row in rows]
