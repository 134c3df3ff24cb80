"""The port for the Monday digests' records: each digest is claimed before it is sent, once."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import DigestRecord


class DigestLog(Protocol):
    """Who was sent which week's digest, and which failed ones wait for a retry."""

    def claim_digest(self, week: str, scope: str, recipient_hash: str, now: int) -> bool:
        """Atomically claim one digest before sending it: True when it was never claimed, or
        failed and its retry_at has come (attempts + 1); False when it was sent, is being sent, or
        waits for its retry. Two senders never both get True."""

    def finish_digest(self, record: DigestRecord) -> None:
        """Record how a claimed digest went (status "sent" or "failed", with retry_at and error)."""

    def list_digests(self, week: str) -> list[DigestRecord]:
        """Every digest record of a week (for retries and for the console's report)."""
