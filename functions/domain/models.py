"""The domain's records: plain dataclasses, shared by the rules, the Store port and its adapters."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

SCORES = range(1, 11)


class TokenKind(StrEnum):
    """Who a bearer token speaks for."""

    ADMIN = "admin"
    VIEWER = "viewer"
    DEVICE = "device"
    SIGN_IN = "sign_in"  # a one-time link to the admin console; opens nothing by itself


class CompletionStatus(StrEnum):
    """A sentence completion is shown (visible), awaiting review (held) or taken down (hidden)."""

    VISIBLE = "visible"
    HELD = "held"
    HIDDEN = "hidden"


@dataclass(frozen=True)
class Settings:
    """Organisation-wide settings an admin can change."""

    anonymity_threshold: int = 5
    cooldown_seconds: int = 20
    idle_reset_seconds: int = 45


@dataclass(frozen=True)
class Workplace:
    """A team that shares one kiosk routine and one pulse."""

    id: str
    name: str
    area: str | None = None
    kiosk_shows_last_week: bool = True
    leaders: tuple[str, ...] = ()  # normalised e-mail addresses (domain/leaders.py)


@dataclass(frozen=True)
class TokenRecord:
    """What we keep of a bearer token: its hash, never the token."""

    token_hash: str
    token_id: str  # short random id, safe to show and to log (audit "who")
    kind: TokenKind
    workplace_id: str | None = None  # viewer and device tokens belong to one workplace
    device_id: str | None = None
    created_on: str = ""  # ISO date; day precision is all we need
    revoked: bool = False
    expires_at: int | None = None  # Unix seconds: admin sessions and sign-in links end
    epoch: int = 0  # admin and sign-in tokens: valid only in the store's current admin epoch


@dataclass(frozen=True)
class PairingCode:
    """A short single-use code that pairs one tablet with one workplace."""

    code: str
    workplace_id: str
    expires_at: int  # epoch seconds
    used: bool = False


@dataclass(frozen=True)
class Device:
    """A paired tablet. No person behind it: it hangs on a wall."""

    id: str
    workplace_id: str
    name: str
    token_hash: str
    paired_on: str  # ISO date
    last_seen: int | None = None  # epoch seconds, rounded to the minute
    app_version: str | None = None
    queue_depth: int | None = None
    revoked: bool = False
    # From its last heartbeat: items the server refused since pairing, and the tablet's clock
    # minus ours in seconds (None when the kiosk did not say).
    dropped: int | None = None
    clock_offset_seconds: int | None = None


@dataclass(frozen=True)
class CheckinToRecord:
    """One accepted check-in on its way into the aggregates: its week, never its time."""

    event_id: str
    week: str  # ISO week, e.g. "2026-W48"
    score: int
    marker_expires_at: int  # epoch seconds, day precision


@dataclass(frozen=True)
class WeekAggregate:
    """All we keep of a workplace's week: count, sum and how many gave each score 1-10."""

    week: str
    count: int = 0
    total: int = 0
    distribution: tuple[int, ...] = field(default=(0,) * 10)

    @property
    def mean(self) -> float | None:
        """Mean score, or None for an empty week."""
        return self.total / self.count if self.count else None


@dataclass(frozen=True)
class CompletionToRecord:
    """A cleaned sentence completion on its way into storage (random id, no timestamp)."""

    event_id: str
    completion_id: str
    week: str
    prompt_id: str
    text: str
    status: CompletionStatus
    marker_expires_at: int


@dataclass(frozen=True)
class Completion:
    """A stored sentence completion."""

    id: str
    workplace_id: str
    week: str
    prompt_id: str
    text: str
    status: CompletionStatus


@dataclass(frozen=True)
class Prompt:
    """A sentence prompt ("Vi er tilgængelige for hinanden, når vi…") in Danish and English."""

    id: str
    da: str
    en: str
    active: bool = True


@dataclass(frozen=True)
class Pin:
    """A prompt pinned to a week, for every workplace (workplace_id None) or for one."""

    week: str
    prompt_id: str
    workplace_id: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One admin change: who (admin token id), what, when (minute precision)."""

    at: str  # RFC 3339, UTC, minute precision
    admin: str
    action: str
    detail: str


@dataclass(frozen=True)
class DigestRecord:
    """That a Monday digest was claimed, sent or failed: kept so it is sent once, never twice.

    Keyed by week, what it is about (wp:<id>, area:<name>, org) and a hash of the address; the
    address itself is not kept here. `error` says what went wrong, never to whom.
    """

    week: str
    scope: str
    recipient_hash: str
    status: str  # "claimed" (being sent), "sent" or "failed"
    attempts: int = 0
    at: int = 0  # epoch seconds of the last claim or outcome, to the minute
    retry_at: int = 0  # a failed digest may be claimed again from this moment
    error: str = ""


@dataclass(frozen=True)
class SigninSettings:
    """Who counts as an administrator when signing in, and whether viewer links still work.

    Kept apart from Settings: the kiosk reads Settings, and these hold personal data (addresses).
    """

    admin_emails: tuple[str, ...] = ()  # normalised lower-case addresses
    admin_groups: tuple[str, ...] = ()  # values of the ID token's `groups` claim (Entra: ids)
    viewer_links: bool = True  # False: "only signed-in leaders" see a pulse


@dataclass(frozen=True)
class SignedInPerson:
    """What we read from a verified ID token, and no more: an address and group ids."""

    email: str
    groups: tuple[str, ...] = ()
