"""The audit log on DynamoDB: the AUDIT partition, sorted by time (a random suffix apart)."""

from __future__ import annotations

import secrets

from functions.domain.models import AuditEntry
from functions.store import keys
from functions.store.dynamodb_items import audit_from, audit_item
from functions.store.dynamodb_table import Table


class DynamoAudit:
    """Administrators' actions (the AuditLog part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def append_audit(self, entry: AuditEntry) -> None:
        """One PutItem."""
        self._table.put(audit_item(entry, secrets.token_hex(4)))

    def list_audit(self, limit: int) -> list[AuditEntry]:
        """A Query of the audit partition, newest first, `limit` items."""
        if limit <= 0:
            return []
        items = self._table.query(keys.AUDIT_PK, newest_first=True, limit=limit)
        return [audit_from(item) for item in items]
