"""Sending a week's digests once: claim each in the store, send, record how it went.

A digest is claimed (store.claim_digest) before it is sent and marked sent after, so a second
run, a restart or a second server never sends it again. A failure is recorded with a retry time
(backing off from a minute to six hours), written to the audit log the admin console shows and to
the log, and claimed again by a later pass. A claim that never got an outcome (the process died
while sending) is not resent, since the message may have gone out: it is reported instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Protocol

from functions.domain.digest_recipients import Recipient
from functions.domain.models import AuditEntry, DigestRecord
from functions.domain.ports import Store

log = logging.getLogger("tryghedspuls.digest")
FIRST_RETRY_SECONDS = 60
LAST_RETRY_SECONDS = 6 * 3600
UNCONFIRMED_AFTER_SECONDS = 3600


class Mailer(Protocol):
    """Delivers one message or raises (report.smtp.MailFailed, or the SES client's error)."""

    def send(self, message: EmailMessage) -> None: ...


@dataclass
class Outcome:
    """What one pass did, by scope (never by address)."""

    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: int = 0
    unconfirmed: list[str] = field(default_factory=list)


def retry_delay(attempts: int) -> int:
    """Seconds to wait after the n-th failed attempt: 1, 2, 4 … minutes, at most six hours."""
    return min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0), LAST_RETRY_SECONDS)


def send_week(
    store: Store,
    mailer: Mailer,
    week: str,
    recipients: list[Recipient],
    compose: Callable[[Recipient], EmailMessage],
    now: datetime,
) -> Outcome:
    """Send each recipient's digest of `week` that is not sent yet and may be tried now."""
    outcome = Outcome()
    at = int(now.timestamp()) // 60 * 60
    earlier = {(r.scope, r.recipient_hash): r for r in store.list_digests(week)}
    for recipient in recipients:
        before = earlier.get((recipient.scope, recipient.address_hash))
        # What the list already says is done or waiting is not even tried (no write); the claim
        # below is what guarantees "once", against a second sender working at the same time.
        due = before is None or (before.status == "failed" and before.retry_at <= at)
        if not due or not store.claim_digest(week, recipient.scope, recipient.address_hash, at):
            outcome.skipped += 1
            if before and before.status == "claimed" and at - before.at > UNCONFIRMED_AFTER_SECONDS:
                outcome.unconfirmed.append(recipient.scope)
            continue
        attempts = before.attempts + 1 if before else 1
        try:
            mailer.send(compose(recipient))
        except Exception as error:  # any failure must be recorded, or the digest would be lost
            reason = getattr(error, "reason", None) or type(error).__name__
            retry_at = at + retry_delay(attempts)
            store.finish_digest(
                DigestRecord(
                    week,
                    recipient.scope,
                    recipient.address_hash,
                    "failed",
                    attempts,
                    at,
                    retry_at,
                    reason[:200],
                )
            )
            _report_failure(store, week, recipient.scope, reason, attempts, retry_at, now)
            outcome.failed.append(recipient.scope)
            continue
        store.finish_digest(
            DigestRecord(week, recipient.scope, recipient.address_hash, "sent", attempts, at)
        )
        outcome.sent.append(recipient.scope)
    return outcome


def _report_failure(
    store: Store, week: str, scope: str, reason: str, attempts: int, retry_at: int, now: datetime
) -> None:
    retry = datetime.fromtimestamp(retry_at, UTC).strftime("%Y-%m-%d %H:%M UTC")
    detail = f"{week} {scope}: {reason} (attempt {attempts}; next try {retry})"
    log.warning("digest not sent: %s", detail)
    at = now.astimezone(UTC).replace(second=0, microsecond=0).isoformat().replace("+00:00", "Z")
    store.append_audit(AuditEntry(at=at, admin="digest", action="digest_failed", detail=detail))
