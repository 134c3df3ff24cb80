"""The port for the audit log: what administrators did, newest first."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import AuditEntry


class AuditLog(Protocol):
    """An append-only log of administrators' actions."""

    def append_audit(self, entry: AuditEntry) -> None:
        """Add one entry to the audit log."""

    def list_audit(self, limit: int) -> list[AuditEntry]:
        """The newest `limit` audit entries, newest first."""
