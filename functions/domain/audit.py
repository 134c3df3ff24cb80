"""The audit trail of admin changes: who (which admin token), what, and when (to the minute)."""

from __future__ import annotations

from datetime import UTC, datetime

from functions.domain.models import AuditEntry, TokenRecord
from functions.domain.ports import AuditLog


def audit(store: AuditLog, admin: TokenRecord, action: str, detail: str, now: datetime) -> None:
    """Record one admin change."""
    at = now.astimezone(UTC).replace(second=0, microsecond=0).isoformat().replace("+00:00", "Z")
    store.append_audit(AuditEntry(at=at, admin=admin.token_id, action=action, detail=detail))
