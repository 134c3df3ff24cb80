"""Pairing a tablet with a workplace, and the tokens that follow from it.

Nobody can lock pairing, and guessing stays hopeless. A code has 12 symbols of 31 (≈ 7.9e17
codes), so guessing is bounded by how fast anyone can ask, not by a lockout that would refuse a
right code too (31 wrong codes from any web page used to lock everyone out for 15 minutes): a
right code is always accepted at once; a wrong one is answered only after
WRONG_CODE_HOLD_SECONDS. The embedded gateway holds it back, and caps connections per address
and in all, so at most 1,000 guesses a second reach it; on AWS the API's throttle allows 2. A
wrong code costs one read and writes nothing, so a flood of them cannot slow the store. The
README's Figures work out the chance for codes that live minutes or days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from functions.domain.credentials import (
    hash_token,
    new_id,
    new_pairing_code,
    new_token,
    new_token_id,
    normalise_code,
)
from functions.domain.errors import InvalidInput, NotFound, PairingCodeInvalid
from functions.domain.models import Device, PairingCode, TokenKind, TokenRecord, Workplace
from functions.domain.moderation import clean_text
from functions.domain.ports import Store

CODE_LIFETIME = timedelta(minutes=15)
# A printed sheet must outlive the post and a busy rollout week; see pairing_sheets.py for why
# that is still safe.
SHEET_CODE_LIFETIME = timedelta(days=14)
ATTEMPT_WINDOW_SECONDS = 15 * 60  # the Retry-After of a 429 (api/errors.py)
WRONG_CODE_HOLD_SECONDS = 1
SILENT_AFTER = timedelta(hours=48)


def make_pairing_code(
    store: Store, workplace_id: str, now: datetime, lifetime: timedelta = CODE_LIFETIME
) -> PairingCode:
    """A fresh single-use code for one workplace, valid for 15 minutes (or `lifetime`)."""
    require_workplace(store, workplace_id)
    expires_at = int((now + lifetime).timestamp())
    code = PairingCode(
        code=normalise_code(new_pairing_code()), workplace_id=workplace_id, expires_at=expires_at
    )
    store.put_pairing_code(code)
    return code


def pair_device(
    store: Store, code_text: str, device_name: str, now: datetime
) -> tuple[Device, str, Workplace]:
    """Use a pairing code: create the device and return it, its token (shown once) and workplace."""
    name = clean_text(device_name)
    if not 1 <= len(name) <= 60:
        raise InvalidInput("device_name must be 1-60 characters.")
    code = store.get_pairing_code(normalise_code(code_text))
    if code is None or code.used or code.expires_at <= now.timestamp():
        refused = PairingCodeInvalid("The pairing code is wrong, used or expired. Ask for another.")
        refused.hold_seconds = WRONG_CODE_HOLD_SECONDS
        raise refused
    workplace = require_workplace(store, code.workplace_id)
    token = new_token()
    device = Device(
        id=new_id(),
        workplace_id=workplace.id,
        name=name,
        token_hash=hash_token(token),
        paired_on=now.date().isoformat(),
    )
    record = TokenRecord(
        token_hash=device.token_hash,
        token_id=new_token_id(),
        kind=TokenKind.DEVICE,
        workplace_id=workplace.id,
        device_id=device.id,
        created_on=now.date().isoformat(),
    )
    store.pair_device(code.code, int(now.timestamp()), device, record)
    return device, token, workplace


def make_viewer_token(store: Store, workplace_id: str, now: datetime) -> tuple[TokenRecord, str]:
    """A new viewer token for one workplace; the token itself is returned once, never stored."""
    require_workplace(store, workplace_id)
    token = new_token()
    record = TokenRecord(
        token_hash=hash_token(token),
        token_id=new_token_id(),
        kind=TokenKind.VIEWER,
        workplace_id=workplace_id,
        created_on=now.date().isoformat(),
    )
    store.put_token(record)
    return record, token


def make_admin_token(
    store: Store, now: datetime, token: str | None = None
) -> tuple[TokenRecord, str]:
    """Store an admin token (a given one, or a new random one) and return its record and text."""
    token = token or new_token()
    if len(token) < 32:
        raise InvalidInput("An admin token must be at least 32 characters.")
    record = TokenRecord(
        token_hash=hash_token(token),
        token_id=new_token_id(),
        kind=TokenKind.ADMIN,
        created_on=now.date().isoformat(),
        epoch=store.admin_epoch(),
    )
    # A token stored before keeps its record: one revoked by a rotation stays revoked.
    if store.find_token(record.token_hash) is None:
        store.put_token(record)
    return record, token


@dataclass(frozen=True)
class Heartbeat:
    """What a kiosk reports of itself; the last two are None when an older kiosk leaves them out."""

    app_version: str
    queue_depth: int
    dropped: int | None = None  # items the server refused since pairing
    clock_offset_seconds: int | None = None  # tablet clock minus server clock


def record_heartbeat(store: Store, device_id: str, beat: Heartbeat, now: datetime) -> None:
    """Note a kiosk's sign of life, to the minute (finer is not needed to spot a silent tablet)."""
    minute = int(now.timestamp()) // 60 * 60
    store.record_heartbeat(
        device_id,
        minute,
        beat.app_version[:40],
        max(0, beat.queue_depth),
        dropped=None if beat.dropped is None else max(0, beat.dropped),
        clock_offset_seconds=beat.clock_offset_seconds,
    )


@dataclass(frozen=True)
class DeviceView:
    """A device as the admin console shows it: `silent` when not seen for SILENT_AFTER."""

    device_id: str
    name: str
    paired_on: str
    last_seen: str | None  # RFC 3339, UTC, minute precision
    app_version: str | None
    queue_depth: int | None
    dropped: int | None
    clock_offset_seconds: int | None
    silent: bool
    revoked: bool


def device_view(device: Device, now: datetime) -> DeviceView:
    """A device as the admin console shows it."""
    last_seen = datetime.fromtimestamp(device.last_seen, UTC) if device.last_seen else None
    silent = not device.revoked and (last_seen is None or now - last_seen > SILENT_AFTER)
    return DeviceView(
        device_id=device.id,
        name=device.name,
        paired_on=device.paired_on,
        last_seen=last_seen.isoformat().replace("+00:00", "Z") if last_seen else None,
        app_version=device.app_version,
        queue_depth=device.queue_depth,
        dropped=device.dropped,
        clock_offset_seconds=device.clock_offset_seconds,
        silent=silent,
        revoked=device.revoked,
    )


def require_workplace(store: Store, workplace_id: str) -> Workplace:
    """The workplace, or NotFound."""
    workplace = store.get_workplace(workplace_id)
    if workplace is None:
        raise NotFound(f"No workplace with id {workplace_id!r}.")
    return workplace
