"""Records the store tests write: builders with plain defaults; a test names only what matters."""

from __future__ import annotations

from functions.domain.models import (
    CheckinToRecord,
    CompletionStatus,
    CompletionToRecord,
    Device,
    PairingCode,
    TokenKind,
    TokenRecord,
    Workplace,
)

WP, OTHER_WP = "wp-lager", "wp-kontor"
WEEK = "2026-W48"
NOW = 1_795_600_000  # 2026-11-25, the moment pairing tests happen at
LATER = NOW + 900
MARKER_EXPIRY = 4_102_444_800  # 2100-01-01: a marker that outlives every test run


def workplace(
    workplace_id: str = WP,
    name: str = "Lager",
    area: str | None = "Nord",
    leaders: tuple[str, ...] = (),
) -> Workplace:
    """A workplace."""
    return Workplace(id=workplace_id, name=name, area=area, leaders=leaders)


def checkin(event_id: str, score: int = 7, week: str = WEEK) -> CheckinToRecord:
    """A check-in on its way into the aggregates."""
    return CheckinToRecord(
        event_id=event_id, week=week, score=score, marker_expires_at=MARKER_EXPIRY
    )


def completion(
    event_id: str,
    status: CompletionStatus = CompletionStatus.VISIBLE,
    week: str = WEEK,
    text: str = "lytter",
) -> CompletionToRecord:
    """A sentence completion; its id is derived from the event id."""
    return CompletionToRecord(
        event_id=event_id,
        completion_id=f"c-{event_id}",
        week=week,
        prompt_id="p-tilgaengelige",
        text=text,
        status=status,
        marker_expires_at=MARKER_EXPIRY,
    )


def pairing_code(
    code: str = "K7Q2XR", workplace_id: str = WP, expires_at: int = LATER
) -> PairingCode:
    """A fresh pairing code."""
    return PairingCode(code=code, workplace_id=workplace_id, expires_at=expires_at)


def device_with_token(
    device_id: str = "dev-1", name: str = "Tablet ved kaffen", workplace_id: str = WP
) -> tuple[Device, TokenRecord]:
    """A device and its token, as pairing makes them."""
    token = TokenRecord(
        token_hash=f"hash-{device_id}",
        token_id=f"tid-{device_id}",
        kind=TokenKind.DEVICE,
        workplace_id=workplace_id,
        device_id=device_id,
        created_on="2026-11-25",
    )
    device = Device(
        id=device_id,
        workplace_id=workplace_id,
        name=name,
        token_hash=token.token_hash,
        paired_on="2026-11-25",
    )
    return device, token


def viewer_token(
    tid: str = "tid-viewer", workplace_id: str = WP, created_on: str = "2026-11-20"
) -> TokenRecord:
    """A viewer token record with token id `tid`."""
    return TokenRecord(
        token_hash=f"hash-{tid}",
        token_id=tid,
        kind=TokenKind.VIEWER,
        workplace_id=workplace_id,
        created_on=created_on,
    )


def admin_token(tid: str = "tid-admin") -> TokenRecord:
    """An admin token record with token id `tid`."""
    return TokenRecord(
        token_hash=f"hash-{tid}",
        token_id=tid,
        kind=TokenKind.ADMIN,
        created_on="2026-11-01",
    )
