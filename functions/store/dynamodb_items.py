"""The shape of each DynamoDB item: domain records to low-level attribute maps and back.

Keys come from store/keys.py; this module adds the attributes. Optional fields are left out of the
item rather than stored as NULL, so reading treats "absent" and "None" alike.
"""

from __future__ import annotations

from typing import Any

from functions.domain.models import (
    SCORES,
    AuditEntry,
    Completion,
    CompletionStatus,
    Device,
    PairingCode,
    Pin,
    Prompt,
    Settings,
    SigninSettings,
    TokenKind,
    TokenRecord,
    WeekAggregate,
    Workplace,
)
from functions.store import keys
from functions.store.keys import Key

Item = dict[str, dict[str, Any]]


def key(k: Key) -> Item:
    """The attribute map of a primary key."""
    return {"pk": {"S": k.pk}, "sk": {"S": k.sk}}


def index(k: Key) -> Item:
    """The attribute map of a gsi1 key."""
    return {"gsi1pk": {"S": k.pk}, "gsi1sk": {"S": k.sk}}


def s(value: str) -> dict:
    """A string attribute."""
    return {"S": value}


def n(value: int) -> dict:
    """A number attribute."""
    return {"N": str(value)}


def flag(value: bool) -> dict:
    """A boolean attribute."""
    return {"BOOL": value}


def _optional(**values: Any) -> Item:
    """Attributes for the values that are not None (strings as S, ints as N)."""
    return {
        name: n(value) if isinstance(value, int) else s(value)
        for name, value in values.items()
        if value is not None
    }


def _str(item: Item, name: str) -> str | None:
    return item[name]["S"] if name in item else None


def _int(item: Item, name: str, default: int | None = None) -> int | None:
    return int(item[name]["N"]) if name in item else default


def _bool(item: Item, name: str) -> bool:
    return bool(item[name]["BOOL"]) if name in item else False


def settings_item(value: Settings) -> Item:
    """Settings as an item."""
    return key(keys.SETTINGS) | {
        "anonymity_threshold": n(value.anonymity_threshold),
        "cooldown_seconds": n(value.cooldown_seconds),
        "idle_reset_seconds": n(value.idle_reset_seconds),
    }


def settings_from(item: Item, default: Settings) -> Settings:
    """Settings from an item; a field it lacks (added after it was saved) keeps its default."""
    return Settings(
        anonymity_threshold=_int(item, "anonymity_threshold", default.anonymity_threshold),
        cooldown_seconds=_int(item, "cooldown_seconds", default.cooldown_seconds),
        idle_reset_seconds=_int(item, "idle_reset_seconds", default.idle_reset_seconds),
    )


def workplace_item(value: Workplace) -> Item:
    """A workplace as an item."""
    return (
        key(keys.workplace(value.id))
        | {"id": s(value.id), "name": s(value.name)}
        | {"kiosk_shows_last_week": flag(value.kiosk_shows_last_week)}
        | _optional(area=value.area)
        | ({"leaders": {"L": [s(a) for a in value.leaders]}} if value.leaders else {})
    )


def workplace_from(item: Item) -> Workplace:
    """A workplace from its item."""
    return Workplace(
        id=item["id"]["S"],
        name=item["name"]["S"],
        area=_str(item, "area"),
        kiosk_shows_last_week=_bool(item, "kiosk_shows_last_week"),
        leaders=tuple(a["S"] for a in item.get("leaders", {}).get("L", [])),
    )


def aggregate_item(workplace_id: str, value: WeekAggregate) -> Item:
    """A week aggregate's attributes (scores nobody gave are stored as zero here)."""
    return {
        "workplace_id": s(workplace_id),
        "week": s(value.week),
        "count": n(value.count),
        "total": n(value.total),
    } | {f"d{score}": n(value.distribution[score - 1]) for score in SCORES}


def aggregate_from(item: Item) -> WeekAggregate:
    """A week aggregate from its item (scores nobody gave are absent: zero)."""
    return WeekAggregate(
        week=item["week"]["S"],
        count=_int(item, "count", 0),
        total=_int(item, "total", 0),
        distribution=tuple(_int(item, f"d{score}", 0) for score in SCORES),
    )


def completion_item(value: Completion) -> Item:
    """A completion's own attributes (without keys: the completion and its review entry share
    them)."""
    return {
        "id": s(value.id),
        "workplace_id": s(value.workplace_id),
        "week": s(value.week),
        "prompt_id": s(value.prompt_id),
        "text": s(value.text),
        "status": s(value.status.value),
    }


def completion_from(item: Item) -> Completion:
    """A completion from its item or its review entry."""
    return Completion(
        id=item["id"]["S"],
        workplace_id=item["workplace_id"]["S"],
        week=item["week"]["S"],
        prompt_id=item["prompt_id"]["S"],
        text=item["text"]["S"],
        status=CompletionStatus(item["status"]["S"]),
    )


def token_item(value: TokenRecord) -> Item:
    """A token record as an item; viewer tokens are also listed per workplace on gsi1."""
    item = key(keys.token(value.token_hash)) | {
        "token_hash": s(value.token_hash),
        "token_id": s(value.token_id),
        "kind": s(value.kind.value),
        "created_on": s(value.created_on),
        "revoked": flag(value.revoked),
    }
    item |= _optional(
        workplace_id=value.workplace_id,
        device_id=value.device_id,
        expires_at=value.expires_at,  # the table's TTL attribute: DynamoDB removes it later
        epoch=value.epoch or None,
    )
    if value.kind is TokenKind.VIEWER and value.workplace_id:
        item |= index(keys.viewer_token_index(value.workplace_id, value.created_on, value.token_id))
    return item


def token_from(item: Item) -> TokenRecord:
    """A token record from its item."""
    return TokenRecord(
        token_hash=item["token_hash"]["S"],
        token_id=item["token_id"]["S"],
        kind=TokenKind(item["kind"]["S"]),
        workplace_id=_str(item, "workplace_id"),
        device_id=_str(item, "device_id"),
        created_on=_str(item, "created_on") or "",
        revoked=_bool(item, "revoked"),
        expires_at=_int(item, "expires_at"),
        epoch=_int(item, "epoch", 0),
    )


def device_item(value: Device) -> Item:
    """A device as an item, listed per workplace on gsi1."""
    return (
        key(keys.device(value.id))
        | index(keys.device_index(value.workplace_id, value.id))
        | {
            "id": s(value.id),
            "workplace_id": s(value.workplace_id),
            "name": s(value.name),
            "token_hash": s(value.token_hash),
            "paired_on": s(value.paired_on),
            "revoked": flag(value.revoked),
        }
        | _optional(
            last_seen=value.last_seen,
            app_version=value.app_version,
            queue_depth=value.queue_depth,
            dropped=value.dropped,
            clock_offset_seconds=value.clock_offset_seconds,
        )
    )


def device_from(item: Item) -> Device:
    """A device from its item."""
    return Device(
        id=item["id"]["S"],
        workplace_id=item["workplace_id"]["S"],
        name=item["name"]["S"],
        token_hash=item["token_hash"]["S"],
        paired_on=item["paired_on"]["S"],
        last_seen=_int(item, "last_seen"),
        app_version=_str(item, "app_version"),
        queue_depth=_int(item, "queue_depth"),
        revoked=_bool(item, "revoked"),
        dropped=_int(item, "dropped"),
        clock_offset_seconds=_int(item, "clock_offset_seconds"),
    )


def pairing_code_item(value: PairingCode) -> Item:
    """A pairing code as an item; TTL removes it some time after `expires_at`."""
    return key(keys.pairing_code(value.code)) | {
        "code": s(value.code),
        "workplace_id": s(value.workplace_id),
        "expires_at": n(value.expires_at),
        "used": flag(value.used),
    }


def pairing_code_from(item: Item) -> PairingCode:
    """A pairing code from its item."""
    return PairingCode(
        code=item["code"]["S"],
        workplace_id=item["workplace_id"]["S"],
        expires_at=int(item["expires_at"]["N"]),
        used=_bool(item, "used"),
    )


def prompt_from(item: Item) -> Prompt:
    """A prompt from its item."""
    return Prompt(
        id=item["id"]["S"], da=item["da"]["S"], en=item["en"]["S"], active=_bool(item, "active")
    )


def pin_item(value: Pin) -> Item:
    """A pin as an item."""
    return (
        key(keys.pin(value.week, value.workplace_id))
        | {"week": s(value.week), "prompt_id": s(value.prompt_id)}
        | _optional(workplace_id=value.workplace_id)
    )


def pin_from(item: Item) -> Pin:
    """A pin from its item."""
    return Pin(
        week=item["week"]["S"],
        prompt_id=item["prompt_id"]["S"],
        workplace_id=_str(item, "workplace_id"),
    )


def audit_item(value: AuditEntry, suffix: str) -> Item:
    """An audit entry as an item."""
    return key(keys.audit(value.at, suffix)) | {
        "at": s(value.at),
        "admin": s(value.admin),
        "action": s(value.action),
        "detail": s(value.detail),
    }


def audit_from(item: Item) -> AuditEntry:
    """An audit entry from its item."""
    return AuditEntry(
        at=item["at"]["S"],
        admin=item["admin"]["S"],
        action=item["action"]["S"],
        detail=item["detail"]["S"],
    )


def signin_settings_item(value: SigninSettings) -> Item:
    """The sign-in settings as an item (lists of strings; empty lists allowed, unlike sets)."""
    return key(keys.SIGNIN_SETTINGS) | {
        "admin_emails": {"L": [s(a) for a in value.admin_emails]},
        "admin_groups": {"L": [s(g) for g in value.admin_groups]},
        "viewer_links": {"BOOL": value.viewer_links},
    }


def signin_settings_from(item: Item) -> SigninSettings:
    """The sign-in settings from an item."""
    return SigninSettings(
        admin_emails=tuple(v["S"] for v in item.get("admin_emails", {}).get("L", [])),
        admin_groups=tuple(v["S"] for v in item.get("admin_groups", {}).get("L", [])),
        viewer_links=bool(item.get("viewer_links", {}).get("BOOL", True)),
    )
